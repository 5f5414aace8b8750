/**
 * Account numbers CStoreOffice would refuse (its numbering, or a number another account holds)
 * are Synchronization Errors at planning, with words, instead of refusals met during the run.
 */
import { describe, expect, it } from 'vitest';
import { createHarness } from '../../fakes/harness';

const acct = (name: string, number: string | null) => ({
  name,
  parentId: null,
  number,
  accountType: 'Income',
  description: null,
  active: true,
});

describe('QuickBooks account numbers CStoreOffice would refuse', () => {
  it.each([
    [
      'a number another CStoreOffice account holds',
      [['Store Sales', '4000']],
      [
        ['Store Sales', null],
        ['Fuel Sales', '4000'],
      ],
      'Fuel Sales',
      'csoNumberTaken',
      'The account “Store Sales” in CStoreOffice already has number 4000',
    ],
    [
      'five digits (CStoreOffice numbers with four)',
      [],
      [['Fuel Sales', '40000']],
      'Fuel Sales',
      'csoNumberFormat',
      'QuickBooks numbers this account 40000',
    ],
    [
      'two QuickBooks accounts created with one number',
      [],
      [
        ['Fuel Sales', '4000'],
        ['Store Sales', '4000'],
      ],
      'Store Sales',
      'csoNumberTaken',
      'The account “Fuel Sales” from QuickBooks would also get number 4000',
    ],
  ] as const)('%s: an error before any request', async (_what, csoAccounts, qboAccounts, name, code, words) => {
    const h = createHarness();
    for (const [n, num] of csoAccounts) h.seed.cso('account', acct(n, num));
    for (const [n, num] of qboAccounts) h.seed.qbo('Account', acct(n, num));
    const { rows, plan } = await h.engine.preview();
    const row = rows.find((r) => r.name === name && r.csoId === null)!;
    expect(row.status).toBe('error');
    expect(row.issue?.code).toBe(code);
    expect(row.issue?.detail).toContain(words);
    expect(plan.ops.some((op) => op.qboId === row.qboId && op.kind === 'create')).toBe(false);
    const report = await h.engine.synchronize();
    expect(report.failures).toEqual([]);
  });

  it('numbers that fit and are free are created; a linked account keeps its own number', async () => {
    const h = createHarness();
    h.seed.qbo('Account', acct('Fuel Sales', '4000'));
    h.seed.qbo('Account', acct('Store Sales', '4010.01'));
    const first = await h.engine.synchronize();
    expect(first.rows.every((r) => r.status === 'synchronized')).toBe(true);
    // Renaming a linked account in QuickBooks sends its (unchanged) number along without a clash.
    const fuel = first.rows.find((r) => r.name === 'Fuel Sales')!;
    h.qbo.edit({ kind: 'update', list: 'Account', id: fuel.qboId!, values: { name: 'Fuel Sales Total' } });
    const second = await h.engine.synchronize();
    expect(second.failures).toEqual([]);
    expect(second.rows.find((r) => r.name === 'Fuel Sales Total')?.status).toBe('synchronized');
  });
});
