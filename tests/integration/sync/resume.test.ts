/**
 * A run cut short (a lost answer after QBO applied a batch, a dropped connection to CStoreOffice
 * after a create) and resumed by a new engine on the same stores ends exactly like an uninterrupted
 * run: the same match keys on both sides, no duplicates, and the repeats answered as replays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QboSource } from '@/lib/sync';
import { csoDump, qboDump } from './dumps';
import { addRealm, connect, csoControl, qboControl, qboCounters, startSandboxes, type Sandboxes } from './harness';

let sb: Sandboxes;
beforeAll(async () => {
  sb = await startSandboxes();
});
afterAll(() => sb.stop());

const COMPANY = '2';

async function keys(realmId: string) {
  const [cso, qbo] = await Promise.all([csoDump(sb, COMPANY), qboDump(sb, realmId)]);
  const side = (lists: Record<string, { key: string; active: boolean }[]>) =>
    Object.fromEntries(
      Object.entries(lists).map(([k, v]) => [
        k,
        v
          .filter((r) => r.active)
          .map((r) => r.key)
          .sort(),
      ]),
    );
  return { cso: side(cso), qbo: side(qbo) };
}

function expectNoDuplicates(lists: Record<string, string[]>): void {
  for (const [list, names] of Object.entries(lists))
    expect(new Set(names.map((n) => n.toLowerCase())).size, list).toBe(names.length);
}

describe('an interrupted run, resumed', () => {
  it('QBO: a lost answer after the 2nd batch, then a lost answer on the resumed batch, ends like an uninterrupted run', async () => {
    const reference = await connect(sb, await addRealm(sb, 'empty'), COMPANY);
    await reference.engine.synchronize();
    const expected = await keys(reference.realmId);

    const realmId = await addRealm(sb, 'empty');
    const c = await connect(sb, realmId, COMPANY);
    let calls = 0;
    const losing: QboSource = {
      ...c.qboSource,
      write: async (batch) => {
        const results = await c.qboSource.write(batch);
        if (++calls === 2) throw new Error('the connection dropped after QuickBooks applied the batch');
        return results;
      },
    };
    await expect(c.make({ qbo: losing }).synchronize()).rejects.toThrow(/connection dropped/);
    expect(await c.journal.open()).not.toBeNull();

    // The resumed batch goes out under the same requestid; its answer is lost twice (the client's retry too).
    await qboControl(sb, 'faults', { kind: 'lost-response', path: `/v3/company/${realmId}/batch`, count: 2 });
    await expect(c.make().synchronize()).rejects.toThrow();
    const resumed = await c.make().synchronize();
    expect(resumed.resumed).toBe(true);
    expect(resumed.rows.filter((r) => r.status !== 'synchronized')).toEqual([]);

    const counters = await qboCounters(sb, realmId);
    expect(counters.byTag.replayed ?? 0).toBeGreaterThanOrEqual(2);
    expect(counters.byTag['fault:6240'] ?? 0).toBe(0);
    const actual = await keys(realmId);
    expect(actual).toEqual(expected);
    expectNoDuplicates(actual.qbo);
    expect((await c.make().synchronize()).executed.ops).toEqual([]);
  });

  it('CStoreOffice: creates whose answers are lost are replayed by Idempotency-Key on resume', async () => {
    await csoControl(sb, 'reset', {});
    const reference = await connect(sb, await addRealm(sb, 'convenience-store'), COMPANY);
    // The user confirms the first sync's creates in CStoreOffice (first-sync-guard.ts).
    await reference.engine.synchronize({ confirmCreates: true });
    const expected = await keys(reference.realmId);

    await csoControl(sb, 'reset', {});
    const realmId = await addRealm(sb, 'convenience-store');
    const c = await connect(sb, realmId, COMPANY);
    // The first create toward CStoreOffice is applied, and its answer is lost twice (the retry too).
    await csoControl(sb, 'faults', {
      kind: 'lost-response',
      path: `/api/qbo-sync/v1/companies/${COMPANY}/*`,
      method: 'POST',
      count: 2,
    });
    await expect(c.engine.synchronize({ confirmCreates: true })).rejects.toThrow(/CStoreOffice is not answering/);
    const resumed = await c.make().synchronize({ confirmCreates: true });
    expect(resumed.resumed).toBe(true);

    const { counters } = await csoControl<{ counters: { byTag: Record<string, number> } }>(
      sb,
      `counters?company=${COMPANY}`,
    );
    expect(counters.byTag['idempotent-replay'] ?? 0).toBeGreaterThanOrEqual(1);
    const actual = await keys(realmId);
    expect(actual.cso).toEqual(expected.cso);
    expect(actual.qbo).toEqual(expected.qbo);
    expectNoDuplicates(actual.cso);
  });
});
