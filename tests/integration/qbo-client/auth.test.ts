import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QboSandbox } from '@/sandbox/qbo/index';
import { ReconnectNeededError } from '@/lib/qbo';
import { CLIENT_ID, CLIENT_SECRET, clientFor, startSandbox } from './harness';

let sandbox: QboSandbox;
let realmId: string;

beforeAll(async () => {
  sandbox = await startSandbox([{ seed: 'empty' }]);
  realmId = sandbox.realmIds[0]!;
});
afterAll(() => sandbox.stop());

const allRefreshes = (): number =>
  Object.values(sandbox.state.log.allCounters()).reduce((n, c) => n + (c.byTag['token:refresh_token'] ?? 0), 0);

describe('auth against the QBO sandbox', () => {
  it('ten concurrent calls after the access token expired cause exactly one refresh', async () => {
    const { client, tokens } = clientFor(sandbox, realmId);
    await client.companyInfo();
    sandbox.clock.advance(3601 * 1000);
    const before = allRefreshes();
    const results = await Promise.all(Array.from({ length: 10 }, () => client.companyInfo()));
    expect(results).toHaveLength(10);
    expect(allRefreshes() - before).toBe(1);
    expect(tokens.refreshes).toBe(1);
  });

  it('a revoked grant ends in ReconnectNeededError and writes nothing', async () => {
    const { client, tokens } = clientFor(sandbox, realmId);
    // A second, independent grant to look at the books afterwards.
    const own = clientFor(sandbox, realmId);
    // Revoking either token at Intuit's endpoint ends the client's whole grant.
    const res = await fetch(`${sandbox.url}/v2/oauth2/tokens/revoke`, {
      method: 'POST',
      headers: { Authorization: `Basic ${btoa(`${CLIENT_ID}:${CLIENT_SECRET}`)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: await tokens.getAccessToken() }),
    });
    expect(res.status).toBe(200);
    const error = await client
      .create('Vendor', { DisplayName: 'Never written' }, { requestId: 'revoked-1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReconnectNeededError);
    expect(tokens.refreshes).toBe(1);
    const found = await own.client.queryAll('Vendor', {
      where: [{ field: 'DisplayName', op: '=', value: 'Never written' }],
      includeInactive: true,
    });
    expect(found).toEqual([]);
  });
});
