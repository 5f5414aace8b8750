import { describe, expect, it } from 'vitest';
import { createLinkStore } from '../../../lib/db';
import { ACME, BETA, freshDb, link } from './db-fixtures';

describe('link store', () => {
  it('puts, replaces by (csoType, csoId), removes and clears', async () => {
    const { db } = freshDb();
    const links = createLinkStore(db, ACME);
    await links.put([link('account', '1', '10'), link('class', '1', '20'), link('customer', '7', '30')]);
    await links.put([{ ...link('account', '1', '11'), linkedAt: '2025-02-02T00:00:00.000Z' }]);
    let all = await links.all();
    expect(all).toHaveLength(3);
    expect(all.find((l) => l.csoType === 'account')).toEqual({
      ...link('account', '1', '11'),
      linkedAt: '2025-02-02T00:00:00.000Z',
    });
    expect(all[0]).not.toHaveProperty('connection');
    await links.remove([
      { csoType: 'class', csoId: '1' },
      { csoType: 'class', csoId: 'missing' },
    ]);
    all = await links.all();
    expect(all.map((l) => `${l.csoType}:${l.csoId}`).sort()).toEqual(['account:1', 'customer:7']);
    await links.clear();
    expect(await links.all()).toEqual([]);
  });

  it('keeps two companies apart', async () => {
    const { db } = freshDb();
    const a = createLinkStore(db, ACME);
    const b = createLinkStore(db, BETA);
    await a.put([link('account', '1', '10')]);
    await b.put([link('account', '1', '99'), link('class', '2', '98')]);
    expect((await a.all()).map((l) => l.qboId)).toEqual(['10']);
    await b.remove([{ csoType: 'account', csoId: '1' }]);
    expect((await a.all()).map((l) => l.qboId)).toEqual(['10']);
    await b.clear();
    expect(await a.all()).toHaveLength(1);
    expect(await b.all()).toEqual([]);
  });
});
