import { describe, expect, it } from 'vitest';
import type { EntityTypeId, RecordByType } from '@/lib/entities';
import { addressFromQbo, addressToQbo, fromQbo, QboResponseError, toQbo, type QboOf } from '@/lib/qbo';

/** What QBO would store after a create: our fields plus Id/SyncToken, refs resolved by value. */
function stored(fields: Record<string, unknown>, id = '42'): Record<string, unknown> {
  return { ...fields, Id: id, SyncToken: '0' };
}

const cases: { [K in EntityTypeId]: RecordByType[K] } = {
  account: {
    id: '42',
    name: 'Fuel sales & fees #2',
    active: true,
    parentId: '7',
    number: '4000',
    accountType: 'Income',
    detailType: 'ServiceFeeIncome',
    description: "Joe's ⛽",
  },
  class: { id: '42', name: 'Pumps', active: true, parentId: null },
  customer: {
    id: '42',
    name: 'Café Müller',
    active: true,
    companyName: 'Müller GmbH',
    email: 'a@b.de',
    phone: '+1 555 0100',
  },
  priceBookVendor: { id: '42', name: 'McLane', active: true, companyName: null, email: null, phone: null, taxId: null },
  accountingVendor: {
    id: '42',
    name: 'Shell',
    active: false,
    companyName: 'Shell Oil',
    email: null,
    phone: '555',
    taxId: null,
  },
  dataType: { id: '42', name: 'Lottery', active: true, creditAccountId: '12', debitAccountId: '13' },
  location: { id: '42', name: 'Station 5', active: true, parentId: '3', address: '1 Main St\nSpringfield, IL 62701' },
};

describe('map round trips', () => {
  it.each(Object.keys(cases) as EntityTypeId[])('%s: toQbo(create) then fromQbo gives the same record', (type) => {
    const record = cases[type];
    const back = fromQbo(type, stored(toQbo(type, record, { mode: 'create' })) as QboOf<typeof type>);
    expect(back).toEqual(record);
  });
});

describe('fromQbo', () => {
  it('sees through " (deleted)" on a deactivated account', () => {
    const rec = fromQbo('account', {
      Id: '40',
      SyncToken: '3',
      Name: 'Mortgage interest (deleted)',
      FullyQualifiedName: 'Home office:Mortgage interest (deleted)',
      AccountType: 'Expense',
      Active: false,
    });
    expect(rec).toMatchObject({ name: 'Mortgage interest', active: false });
  });

  it('keeps " (deleted)" in the name of an active record (a real name)', () => {
    expect(fromQbo('class', { Id: '1', SyncToken: '0', Name: 'Old (deleted)', Active: true }).name).toBe(
      'Old (deleted)',
    );
  });

  it('never lets a masked TaxIdentifier through', () => {
    expect(
      fromQbo('accountingVendor', { Id: '1', SyncToken: '0', DisplayName: 'V', TaxIdentifier: 'XXX-XX-1234' }).taxId,
    ).toBeNull();
  });

  it('treats a missing Active as active and blank strings as null', () => {
    expect(fromQbo('customer', { Id: '1', SyncToken: '0', DisplayName: 'C', CompanyName: ' ' })).toEqual({
      id: '1',
      name: 'C',
      active: true,
      companyName: null,
      email: null,
      phone: null,
    });
  });

  it('refuses an account type we do not know', () => {
    expect(() => fromQbo('account', { Id: '1', SyncToken: '0', Name: 'X', AccountType: 'Weird' })).toThrow(
      QboResponseError,
    );
  });
});

describe('toQbo', () => {
  it('writes a data type as a Service item crediting its credit account and debiting its debit account', () => {
    expect(toQbo('dataType', cases.dataType, { mode: 'create' })).toEqual({
      Name: 'Lottery',
      Type: 'Service',
      Active: true,
      IncomeAccountRef: { value: '12' },
      ExpenseAccountRef: { value: '13' },
    });
    expect(toQbo('dataType', { ...cases.dataType, debitAccountId: null }, { mode: 'create' })).not.toHaveProperty(
      'ExpenseAccountRef',
    );
    expect(
      toQbo('dataType', { ...cases.dataType, creditAccountId: null }, { mode: 'create', defaultIncomeAccountId: '99' }),
    ).toMatchObject({ IncomeAccountRef: { value: '99' } });
  });

  it('writes the tax id when known and never clears it', () => {
    expect(
      toQbo('priceBookVendor', { ...cases.priceBookVendor, taxId: '12-3456789' }, { mode: 'create' }),
    ).toMatchObject({ TaxIdentifier: '12-3456789' });
    expect(toQbo('priceBookVendor', cases.priceBookVendor, { mode: 'update' })).not.toHaveProperty('TaxIdentifier');
  });

  it('clears fields on update and leaves them out on create', () => {
    const bare = { ...cases.account, parentId: null, number: null, description: null, detailType: null };
    // QBO always holds a detail type: none known means the type's default, never a blank.
    expect(toQbo('account', bare, { mode: 'create' })).toEqual({
      Name: bare.name,
      AccountType: 'Income',
      AccountSubType: 'SalesOfProductIncome',
      Active: true,
    });
    expect(toQbo('account', bare, { mode: 'update' })).toEqual({
      Name: bare.name,
      AccountType: 'Income',
      AccountSubType: 'SalesOfProductIncome',
      Active: true,
      SubAccount: false,
      AcctNum: '',
      Description: '',
    });
    expect(toQbo('customer', { ...cases.customer, email: null }, { mode: 'update' })).toMatchObject({
      PrimaryEmailAddr: { Address: '' },
    });
  });

  it('puts a sub-account under its parent', () => {
    expect(toQbo('account', cases.account, { mode: 'create' })).toMatchObject({
      ParentRef: { value: '7' },
      SubAccount: true,
    });
    expect(toQbo('location', cases.location, { mode: 'create' })).toMatchObject({
      ParentRef: { value: '3' },
      SubDepartment: true,
    });
  });
});

describe('address', () => {
  it.each([
    [
      { Line1: '1 Main St', City: 'Springfield', CountrySubDivisionCode: 'IL', PostalCode: '62701', Country: 'USA' },
      '1 Main St\nSpringfield, IL 62701\nUSA',
    ],
    [{ Line1: ' ', City: '' }, null],
    [undefined, null],
  ])('%j reads as %j', (address, text) => {
    expect(addressFromQbo(address)).toBe(text);
  });

  it('spreads lines over Line1..Line5 and folds extra lines into Line5', () => {
    expect(addressToQbo('a\nb\nc\nd\ne\nf')).toEqual({ Line1: 'a', Line2: 'b', Line3: 'c', Line4: 'd', Line5: 'e, f' });
    expect(addressToQbo(null)).toEqual({ Line1: '', Line2: '', Line3: '', Line4: '', Line5: '' });
  });
});
