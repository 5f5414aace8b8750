import { describe, expect, it } from 'vitest';
import type { StoredConnection } from '../../../lib/auth/token-store';
import { createDbTokenStore } from '../../../lib/db';
import { ACME, BETA, freshDb } from './db-fixtures';

const conn = (companyId: string, accessToken: string): StoredConnection => ({
  companyId,
  realmId: 'R1',
  accessToken,
  refreshToken: 'refresh',
  accessExpiresAt: 1000,
  refreshExpiresAt: 2000,
  refreshHardExpiresAt: null,
  status: 'connected',
  connectedAt: 1,
  updatedAt: 2,
});

describe('token store', () => {
  it('keeps one connection per company, survives a restart, and forgets on delete', async () => {
    const { db, reopen } = freshDb();
    const tokens = createDbTokenStore(db);
    expect(await tokens.get(ACME)).toBeUndefined();
    await tokens.put(conn(ACME, 'a1'));
    await tokens.put(conn(BETA, 'b1'));
    await tokens.put({ ...conn(ACME, 'a2'), status: 'reconnect-needed' });
    const again = createDbTokenStore(reopen());
    expect(await again.get(ACME)).toEqual({ ...conn(ACME, 'a2'), status: 'reconnect-needed' });
    await again.delete(ACME);
    expect(await again.get(ACME)).toBeUndefined();
    expect((await again.get(BETA))?.accessToken).toBe('b1');
  });
});
