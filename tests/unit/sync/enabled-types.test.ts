/**
 * Options → Entities to synchronize: a type turned off is still read and matched, but nothing is
 * written for it, its rows leave the table, and a record that needs one of its records says so.
 */
import { describe, expect, it } from 'vitest';
import { createHarness } from '../../fakes/harness';

const acct = (name: string) => ({
  name,
  parentId: null,
  number: null,
  accountType: 'Income',
  description: null,
  active: true,
});

describe('types turned off in the options', () => {
  it('writes nothing for them, leaves their rows out, and keeps the other types going', async () => {
    const h = createHarness({ enabledTypes: ['customer', 'class'] });
    h.seed.cso('customer', { name: 'City of Springfield', email: null, phone: null, active: true });
    h.seed.cso('account', acct('Fuel Sales'));
    h.seed.qbo('Class', { name: 'Pumps', parentId: null, active: true });
    h.seed.qbo('Account', acct('Bank Fees'));

    const report = await h.engine.synchronize();
    expect(report.executed.ops.map((op) => op.typeId).sort()).toEqual(['class', 'customer']);
    expect(new Set(report.rows.map((r) => r.typeId))).toEqual(new Set(['customer', 'class']));
    expect(report.rows.every((r) => r.status === 'synchronized')).toBe(true);
    // Neither account travelled.
    expect((await h.qbo.read({ since: null })).records.Account?.map((a) => a.name)).not.toContain('Fuel Sales');
    expect((await h.cso.read({ since: null })).records.account?.map((a) => a.name)).not.toContain('Bank Fees');

    // Turned on again: the accounts follow, nothing else is written twice.
    const all = await h.make({}).synchronize();
    expect(
      all.executed.ops
        .filter((op) => op.kind !== 'link')
        .map((op) => `${op.kind}:${op.typeId}`)
        .sort(),
    ).toEqual(['create:account', 'create:account']);
    expect(all.rows.every((r) => r.status === 'synchronized')).toBe(true);
  });

  it('a data type whose credit account is of a type turned off waits for it, in words', async () => {
    const h = createHarness({ enabledTypes: ['dataType'], defaultIncomeAccountId: null });
    const account = h.seed.cso('account', acct('Fuel Sales'));
    h.seed.cso('dataType', { name: 'Regular', creditAccountId: account });
    const { rows, plan } = await h.engine.preview();
    expect(rows.map((r) => r.name)).toEqual(['Regular']);
    const row = rows[0]!;
    expect(row.status).toBe('error');
    expect(row.issue?.code).toBe('typeTurnedOff');
    expect(row.issue?.detail).toContain('the account “Fuel Sales”');
    expect(row.issue?.detail).toContain('turned off');
    expect(plan.ops).toEqual([]);
  });

  it('a linked record of a type turned off is neither updated nor reported as deleted', async () => {
    const h = createHarness();
    const id = h.seed.cso('account', acct('Fuel Sales'));
    await h.engine.synchronize();
    h.cso.edit({ kind: 'update', list: 'account', id, values: { description: 'changed' } });
    const off = await h.make({ enabledTypes: ['customer'] }).synchronize();
    expect(off.executed.ops).toEqual([]);
    expect(off.rows).toEqual([]);
    const on = await h.make({}).preview();
    expect(on.rows.find((r) => r.name === 'Fuel Sales')?.status).toBe('waitingForUpdate');
  });
});
