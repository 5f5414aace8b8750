/**
 * A row whose prerequisite was taken out of the plan (a parked failure, an ignored error) says in
 * words which record it waits for, never an internal op id.
 */
import { describe, expect, it } from 'vitest';
import type { QboListKey, WriteBatch } from '../../../lib/sync';
import { createHarness } from '../../fakes/harness';

const acct = (name: string, parentId: string | null = null) => ({
  name,
  parentId,
  number: null,
  accountType: 'Income',
  description: null,
  active: true,
});

describe('a row waiting for a record that cannot be synchronized', () => {
  it('names that record, its type and its role', async () => {
    const h = createHarness();
    const parent = h.seed.cso('account', acct('Fuel Sales'));
    // QuickBooks refuses the parent for a reason planning cannot foresee, and would again.
    const write = h.qbo.write.bind(h.qbo);
    h.qbo.write = async (batch: WriteBatch<QboListKey>) => {
      const results = await write({
        ...batch,
        ops: batch.ops.filter((op) => !(op.kind === 'create' && op.values.name === 'Fuel Sales')),
      });
      return batch.ops.map((op) =>
        op.kind === 'create' && op.values.name === 'Fuel Sales'
          ? {
              ok: false as const,
              failure: { code: '6000', message: 'A business validation error has occurred.', retryable: false },
            }
          : results.shift()!,
      );
    };
    const first = await h.engine.synchronize();
    expect(first.failures.map((f) => f.code)).toEqual(['6000']);

    h.seed.cso('account', acct('Diesel', parent));
    const { rows, plan } = await h.engine.preview();
    const child = rows.find((r) => r.name === 'Fuel Sales:Diesel')!;
    expect(child.status).toBe('error');
    expect(child.issue?.code).toBe('blocked');
    expect(child.issue?.title).toBe('Waits for its parent');
    expect(child.issue?.detail).toContain('the account “Fuel Sales”');
    expect(child.issue?.detail).not.toMatch(/#|create-qbo|cso:account/);
    expect(child.issue?.other).toMatchObject({ side: 'cso', typeId: 'account', id: parent, name: 'Fuel Sales' });
    expect(plan.ops).toEqual([]);
  });

  it('in the same run as the refused parent, names it too (not "a record it needs")', async () => {
    const h = createHarness();
    const parent = h.seed.cso('account', acct('Fuel Sales'));
    h.seed.cso('account', acct('Diesel', parent));
    const write = h.qbo.write.bind(h.qbo);
    h.qbo.write = async (batch: WriteBatch<QboListKey>) => {
      const refused = (op: (typeof batch.ops)[number]) => op.kind === 'create' && op.values.name === 'Fuel Sales';
      const results = await write({ ...batch, ops: batch.ops.filter((op) => !refused(op)) });
      return batch.ops.map((op) =>
        refused(op)
          ? {
              ok: false as const,
              failure: { code: '6000', message: 'A business validation error has occurred.', retryable: false },
            }
          : results.shift()!,
      );
    };
    const report = await h.engine.synchronize();
    const child = report.failures.find((f) => f.code === 'skipped')!;
    expect(child.title).toBe('Waits for another row');
    expect(child.detail).toContain('because the account “Fuel Sales”, which it needs, could not be synchronized');
    expect(report.rows.find((r) => r.name === 'Fuel Sales:Diesel')?.status).toBe('error');
  });
});
