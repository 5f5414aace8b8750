/**
 * Request budgets, read from the QBO sandbox's deterministic counters: a generated CStoreOffice
 * company with N records of every type into an empty realm. Reads: at most ⌈n/1000⌉+1 query pages
 * per QBO entity; writes: at most ⌈W/30⌉ batches; a sync with nothing to do: one request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csoDump, qboDump } from './dumps';
import { addRealm, advance, connect, qboCounters, startSandboxes, type Connection, type Sandboxes } from './harness';

// Past one 1000-row page for every list (Vendor holds both vendor kinds: 2N), small enough to stay fast.
const N = 1200;
let sb: Sandboxes;
beforeAll(async () => {
  sb = await startSandboxes({ csoSeed: { name: 'large', perType: N } });
});
afterAll(() => sb.stop());

const ENTITIES = ['Account', 'Class', 'Department', 'Customer', 'Vendor', 'Item', 'Employee'];
/**
 * An engine whose QBO clock moves while it writes, as QBO's does (a batch of 30 takes about a
 * second; the sandbox's clock is frozen). `during(n)` runs before the n-th batch is sent.
 */
function timed(c: Connection, during?: (batch: number) => Promise<void>) {
  let batches = 0;
  const write: Connection['qboSource']['write'] = async (batch) => {
    await during?.(++batches);
    const results = await c.qboSource.write(batch);
    sb.qbo.clock.advance(1000);
    return results;
  };
  return c.make({ qbo: { ...c.qboSource, write } });
}
const delta = (a: Record<string, number>, b: Record<string, number>, tag: string) => (b[tag] ?? 0) - (a[tag] ?? 0);

describe(`request budgets (${N} records of each of the 7 types)`, () => {
  it('initial sync, full re-read and nothing-to-do stay within their budgets', async () => {
    const realmId = await addRealm(sb, 'empty');
    const c = await connect(sb, realmId);
    const t0 = await qboCounters(sb, realmId);
    const first = await c.engine.synchronize();
    const t1 = await qboCounters(sb, realmId);
    expect(first.failures).toEqual([]);
    expect(first.rows.filter((r) => r.status !== 'synchronized')).toEqual([]);

    // Writes: W items in batches of 30; each dependency level may end with one partly filled batch.
    const items = delta(t0.byTag, t1.byTag, 'batch-items');
    const batches = delta(t0.byTag, t1.byTag, 'batch');
    expect(items).toBe(7 * N);
    // Measured: 8400 items in 280 batches, exactly ⌈W/30⌉.
    expect(batches).toBeLessThanOrEqual(Math.ceil(items / 30));
    expect(first.executed.levels.flatMap((l) => l.batches).every((b) => b.opIds.length <= 30)).toBe(true);
    // Reads of the empty realm: one page per entity.
    for (const e of ENTITIES) expect(delta(t0.byTag, t1.byTag, `query:${e}`), e).toBe(1);

    // Reconnect: a full re-read of the now large realm, ⌈n/1000⌉+1 pages per entity at most.
    const dump = await qboDump(sb, realmId);
    const sizes: Record<string, number> = {
      Account: dump.Account!.length,
      Class: dump.Class!.length,
      Department: dump.Department!.length,
      Customer: dump.Customer!.length,
      Vendor: dump.Vendor!.length,
      Item: dump.Item!.length,
      Employee: 0,
    };
    expect(sizes.Vendor).toBe(2 * N);
    await c.engine.reconnect();
    const t2 = await qboCounters(sb, realmId);
    for (const e of ENTITIES)
      expect(delta(t1.byTag, t2.byTag, `query:${e}`), e).toBeLessThanOrEqual(Math.ceil(sizes[e]! / 1000) + 1);
    expect(t2.total - t1.total).toBe(ENTITIES.reduce((n, e) => n + delta(t1.byTag, t2.byTag, `query:${e}`), 0));

    // Nothing to do: one CDC request.
    advance(sb, 60_000);
    const again = await c.engine.synchronize();
    const t3 = await qboCounters(sb, realmId);
    expect(again.executed.ops).toEqual([]);
    expect(t3.total - t2.total).toBe(1);
    expect(delta(t2.byTag, t3.byTag, 'cdc')).toBe(1);
  }, 60_000);

  // The run's own writes would come back in the next CDC; past 1000 objects CDC is capped and the
  // client falls back to per-entity CDC and queries (21 requests before the engine's checkpoints).
  it('a sync with nothing to do right after a large initial sync costs one QBO request', async () => {
    const realmId = await addRealm(sb, 'empty');
    const c = await connect(sb, realmId);
    const first = await timed(c).synchronize();
    expect(first.failures).toEqual([]);
    advance(sb, 60_000);
    const before = await qboCounters(sb, realmId);
    const again = await c.engine.synchronize();
    const after = await qboCounters(sb, realmId);
    expect(again.executed.ops).toEqual([]);
    expect(after.total - before.total).toBe(1);
    expect(delta(before.byTag, after.byTag, 'cdc')).toBe(1);
  }, 60_000);

  it('a QBO edit someone makes while a large initial sync writes is not lost, and the next sync is still one QBO request', async () => {
    const realmId = await addRealm(sb, 'empty');
    const c = await connect(sb, realmId, '1');
    let edited: { id: string; email: string } | null = null;
    const first = await timed(c, async (batch) => {
      if (batch !== 200) return;
      // Someone edits, in QBO, a customer the run created a while ago.
      const customer = (await qboDump(sb, realmId)).Customer![0]!;
      const current = await c.qboClient.read('Customer', customer.id);
      await c.qboClient.update(
        'Customer',
        current,
        { PrimaryEmailAddr: { Address: 'edited.in.qbo@example.com' } },
        { requestId: 'someone-else-1' },
      );
      edited = { id: customer.id, email: 'edited.in.qbo@example.com' };
    }).synchronize();
    expect(first.failures).toEqual([]);
    expect(edited).not.toBeNull();
    const { id } = edited!;
    advance(sb, 60_000);
    const before = await qboCounters(sb, realmId);
    const next = await c.engine.synchronize();
    const after = await qboCounters(sb, realmId);
    expect(after.total - before.total).toBe(1);
    expect(next.failures).toEqual([]);
    const csoId = next.rows.find((r) => r.qboId === id && r.typeId === 'customer')!.csoId!;
    const csoCustomer = (await csoDump(sb, '1')).customer.find((r) => r.id === csoId)!;
    expect(JSON.stringify(csoCustomer.raw)).toContain('edited.in.qbo@example.com');
  }, 60_000);
});
