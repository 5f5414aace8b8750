/** Account types belong to CStoreOffice once linked; detail types are never sent empty. */
import { describe, expect, it } from 'vitest';
import { defaultDetailType } from '../../../lib/entities';
import { diffPair, firstLinkDiff, hashValues, type RecordValues } from '../../../lib/sync';

const snap = (values: RecordValues) => ({ revision: '0', hash: hashValues(values), values });
const account: RecordValues = {
  name: 'Fuel Sales',
  parentId: null,
  number: '4000',
  accountType: 'Income',
  detailType: 'SalesOfProductIncome',
  description: null,
  active: true,
};
const same = (_f: string, v: unknown) => v as string | boolean | null;

describe('account change detection', () => {
  it.each<[string, RecordValues, RecordValues, { toQbo: string[]; toCso: string[]; conflicts: string[] }]>([
    [
      'a type changed in CStoreOffice goes to QBO with CStoreOffice’s detail type',
      { accountType: 'Other Income' },
      {},
      { toQbo: ['accountType', 'detailType'], toCso: [], conflicts: [] },
    ],
    [
      'a type changed in CStoreOffice without a detail type goes alone (QBO takes the default)',
      { accountType: 'Other Income', detailType: null },
      {},
      { toQbo: ['accountType'], toCso: [], conflicts: [] },
    ],
    [
      'a type changed on both sides: CStoreOffice’s goes to QBO, never a conflict',
      { accountType: 'Other Income' },
      { accountType: 'Expense', detailType: 'Travel' },
      { toQbo: ['accountType', 'detailType'], toCso: [], conflicts: [] },
    ],
    [
      'a type changed in QBO only shows as a change toward CStoreOffice (the planner refuses it)',
      {},
      { accountType: 'Expense' },
      { toQbo: [], toCso: ['accountType'], conflicts: [] },
    ],
    [
      'a detail type cleared in CStoreOffice is not sent; it takes QBO’s',
      { detailType: null },
      {},
      { toQbo: [], toCso: ['detailType'], conflicts: [] },
    ],
    [
      'a detail type changed in QBO goes to CStoreOffice',
      {},
      { detailType: 'ServiceFeeIncome' },
      { toQbo: [], toCso: ['detailType'], conflicts: [] },
    ],
  ])('%s', (_label, csoPatch, qboPatch, expected) => {
    const diff = diffPair({
      typeId: 'account',
      cso: { ...account, ...csoPatch },
      qbo: { ...account, ...qboPatch },
      base: { cso: snap(account), qbo: snap(account) },
      toQbo: same,
    });
    expect(diff).toMatchObject(expected);
  });

  it.each<[string, RecordValues, { toQbo: string[]; toCso: string[] }]>([
    ['an empty CStoreOffice detail type takes QBO’s', { detailType: null }, { toQbo: [], toCso: ['detailType'] }],
    ['CStoreOffice’s detail type wins', { detailType: 'ServiceFeeIncome' }, { toQbo: ['detailType'], toCso: [] }],
    [
      'a different type goes to QBO; QBO’s detail type (of its old type) does not come back',
      { accountType: 'Other Income', detailType: null },
      { toQbo: ['accountType'], toCso: [] },
    ],
  ])('first link: %s', (_label, csoPatch, expected) => {
    expect(
      firstLinkDiff({ typeId: 'account', cso: { ...account, ...csoPatch }, qbo: account, toQbo: same }),
    ).toMatchObject(expected);
  });
});

describe('default detail types', () => {
  it.each([
    ['Bank', 'Checking'],
    ['Other Current Asset', 'OtherCurrentAssets'],
    ['Fixed Asset', 'MachineryAndEquipment'],
    ['Other Asset', 'OtherLongTermAssets'],
    ['Accounts Receivable', 'AccountsReceivable'],
    ['Equity', 'OwnersEquity'],
    ['Expense', 'OfficeGeneralAdministrativeExpenses'],
    ['Other Expense', 'OtherMiscellaneousExpense'],
    ['Cost of Goods Sold', 'SuppliesMaterialsCogs'],
    ['Accounts Payable', 'AccountsPayable'],
    ['Credit Card', 'CreditCard'],
    ['Long Term Liability', 'OtherLongTermLiabilities'],
    ['Other Current Liability', 'OtherCurrentLiabilities'],
    ['Income', 'SalesOfProductIncome'],
    ['Other Income', 'OtherMiscellaneousIncome'],
    ['Non-Posting', null],
  ])('%s → %s', (type, detail) => {
    expect(defaultDetailType(type)).toBe(detail);
  });
});
