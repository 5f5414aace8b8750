/**
 * The QBO cursor after a run's own writes: an idle sync after a large run is one CDC request, and a
 * change someone else makes in QBO while a run writes is never lost (DESIGN §3, Incremental).
 */
import { describe, expect, it } from 'vitest';
import type { WriteBatch, QboListKey } from '../../../lib/sync';
import { createHarness } from '../../fakes/harness';

const person = (name: string, extra: Record<string, string | boolean | null> = {}) => ({
  name,
  companyName: null,
  email: null,
  phone: null,
  active: true,
  ...extra,
});

/** The harness with a CDC capped at `cap` objects and checkpoints every `every` writes. */
function capped(cap: number, every: number) {
  return createHarness({ qboWritesPerCheckpoint: every }, { cdcMaxObjects: cap });
}

/** Runs `edit` (someone else working in QBO) just before the `n`-th batch of the run reaches QBO. */
function editBeforeBatch(h: ReturnType<typeof capped>, n: number, edit: () => void) {
  let batches = 0;
  const write = h.qbo.write.bind(h.qbo);
  h.qbo.write = async (batch: WriteBatch<QboListKey>) => {
    if (++batches === n) edit();
    return write(batch);
  };
}

describe('the QBO cursor after a run', () => {
  it('a sync with nothing to do right after a large first sync costs one QBO read', async () => {
    const h = capped(100, 90);
    for (let i = 0; i < 400; i++) h.seed.cso('customer', person(`Customer ${i}`));
    const first = await h.engine.synchronize();
    expect(first.failures).toEqual([]);
    expect(h.qbo.list('Customer')).toHaveLength(400);
    const before = h.qbo.requests.reads;
    const again = await h.engine.synchronize();
    expect(again.executed.ops).toEqual([]);
    expect(h.qbo.requests.reads - before).toBe(1);
  });

  it('without checkpoints the same idle sync pays for the capped CDC (what the checkpoints avoid)', async () => {
    const h = capped(100, Infinity);
    for (let i = 0; i < 400; i++) h.seed.cso('customer', person(`Customer ${i}`));
    await h.engine.synchronize();
    const before = h.qbo.requests.reads;
    await h.engine.synchronize();
    expect(h.qbo.requests.reads - before).toBe(8);
  });

  it.each([
    ['a small run (no checkpoint)', 10, 1],
    ['a large run, edited before any checkpoint', 400, 2],
    ['a large run, edited between two checkpoints', 400, 9],
  ])('a QBO edit by someone else during %s reaches CStoreOffice on the next sync', async (_label, count, atBatch) => {
    const h = capped(100, 90);
    const other = h.seed.qbo('Customer', person('Edited Elsewhere'));
    const first = await h.engine.synchronize();
    expect(first.failures).toEqual([]);
    const csoOther = h.cso.list('customer').find((c) => c.name === 'Edited Elsewhere')!;
    for (let i = 0; i < count; i++) h.seed.cso('customer', person(`Customer ${i}`));
    // Also a record this run writes, edited by the other person after the run wrote it.
    editBeforeBatch(h, atBatch, () => {
      const r = h.qbo.edit({ kind: 'update', list: 'Customer', id: other, values: { email: 'new@example.com' } });
      expect(r.ok).toBe(true);
    });
    const run = await h.engine.synchronize();
    expect(run.failures).toEqual([]);
    const next = await h.engine.synchronize();
    expect(next.failures).toEqual([]);
    expect(h.cso.list('customer').find((c) => c.id === csoOther.id)?.email).toBe('new@example.com');
    expect((await h.engine.preview()).plan.ops).toEqual([]);
  });

  it('a record this run wrote and someone then edited during the same run is not lost', async () => {
    const h = capped(100, 90);
    for (let i = 0; i < 400; i++) h.seed.cso('customer', person(`Customer ${i}`));
    let firstId = '';
    editBeforeBatch(h, 8, () => {
      firstId = h.qbo.list('Customer').find((c) => c.name === 'Customer 0')!.id;
      expect(h.qbo.edit({ kind: 'update', list: 'Customer', id: firstId, values: { phone: '555-0100' } }).ok).toBe(
        true,
      );
    });
    const first = await h.engine.synchronize();
    expect(first.failures).toEqual([]);
    const row = first.rows.find((r) => r.name === 'Customer 0')!;
    expect(`${row.status}→${row.target}`).toBe('waitingForUpdate→cso');
    await h.engine.synchronize();
    expect(h.cso.list('customer').find((c) => c.name === 'Customer 0')?.phone).toBe('555-0100');
  });
});
