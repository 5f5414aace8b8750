/** Issue 13, planning with the fakes: what a user sees before a sync, and that nothing is sent for it. */
import { describe, expect, it } from 'vitest';
import type { SyncRow } from '../../../lib/sync';
import { createHarness } from '../../fakes/harness';

const acct = (name: string, extra: Record<string, string | boolean | null> = {}) => ({
  name,
  parentId: null,
  number: null,
  accountType: 'Income',
  detailType: null,
  description: null,
  active: true,
  ...extra,
});
const dataType = (name: string, creditAccountId: string | null, debitAccountId: string | null = null) => ({
  name,
  creditAccountId,
  debitAccountId,
  active: true,
});
const rowNamed = (rows: SyncRow[], name: string) => rows.find((r) => r.name === name && r.key.startsWith('cso'))!;

describe('account types belong to CStoreOffice after the first link', () => {
  it('a type edited in QBO is an error, and nothing is written to CStoreOffice', async () => {
    const h = createHarness();
    const csoId = h.seed.cso('account', acct('Fuel Sales'));
    await h.engine.synchronize();
    const qboId = rowNamed((await h.engine.preview()).rows, 'Fuel Sales').qboId!;
    h.qbo.edit({ kind: 'update', list: 'Account', id: qboId, values: { accountType: 'Other Income' } });
    const preview = await h.engine.preview();
    const row = rowNamed(preview.rows, 'Fuel Sales');
    expect(row.status).toBe('error');
    expect(row.issue?.title).toBe('Account type changed in QuickBooks');
    expect(preview.plan.ops.filter((op) => op.target === 'cso')).toEqual([]);
    await h.engine.synchronize();
    expect(await h.cso.get('account', csoId)).toMatchObject({ accountType: 'Income' });
  });
});

describe('values QuickBooks would refuse are errors before any request', () => {
  it.each([
    ['a long account description', 'account', acct('Fuel Sales', { description: 'x'.repeat(101) }), /at most 100/],
    ['an account number with a colon', 'account', acct('Fuel Sales', { number: '40:10' }), /colon/],
  ] as const)('%s', async (_why, list, values, words) => {
    const h = createHarness();
    h.seed.cso(list, values);
    const preview = await h.engine.preview();
    const row = rowNamed(preview.rows, values.name);
    expect(row.status).toBe('error');
    expect(row.issue?.detail).toMatch(words);
    expect(row.issue?.detail).toContain('Nothing was sent to QuickBooks');
    expect(preview.plan.ops).toEqual([]);
  });
});

describe('a data type’s accounts', () => {
  it('without a credit account it posts to the default income account, when one is set', async () => {
    const h = createHarness({ defaultIncomeAccountId: '99' });
    h.seed.cso('dataType', dataType('Car Wash', null));
    const op = (await h.engine.preview()).plan.ops.find((o) => o.kind === 'create')!;
    expect(op.values.creditAccountId).toBe('99');
  });

  it('without a credit account and no default it is an error asking for a credit account', async () => {
    const h = createHarness();
    h.seed.cso('dataType', dataType('Car Wash', null));
    const row = rowNamed((await h.engine.preview()).rows, 'Car Wash');
    expect(row.status).toBe('error');
    expect(row.issue?.detail).toContain('Choose a credit account in CStoreOffice');
  });

  it('a debit account that will not reach QBO is an error naming it', async () => {
    const h = createHarness({ defaultIncomeAccountId: '99' });
    const sales = h.seed.cso('account', acct('Fuel Sales'));
    const bad = h.seed.cso('account', acct('Fuel: Shrinkage', { accountType: 'Cost of Goods Sold' }));
    h.seed.cso('dataType', dataType('Fuel', sales, bad));
    const preview = await h.engine.preview();
    const row = rowNamed(preview.rows, 'Fuel');
    expect(row.status).toBe('error');
    expect(row.issue?.detail).toContain('Its debit account, the account “Fuel: Shrinkage”');
    expect(preview.plan.ops.some((o) => o.typeId === 'dataType')).toBe(false);
  });
});

describe('a debit account removed in CStoreOffice', () => {
  it('is an error, since QBO would keep the item’s expense account', async () => {
    const h = createHarness();
    const sales = h.seed.cso('account', acct('Fuel Sales'));
    const cost = h.seed.cso('account', acct('Cost of Fuel', { accountType: 'Cost of Goods Sold' }));
    const fuel = h.seed.cso('dataType', dataType('Fuel', sales, cost));
    await h.engine.synchronize();
    h.cso.edit({ kind: 'update', list: 'dataType', id: fuel, values: { debitAccountId: null } });
    const preview = await h.engine.preview();
    const row = rowNamed(preview.rows, 'Fuel');
    expect(row.status).toBe('error');
    expect(row.issue?.detail).toContain('The debit account was removed in CStoreOffice');
    expect(preview.plan.ops.filter((op) => op.target === 'qbo')).toEqual([]);
  });
});
