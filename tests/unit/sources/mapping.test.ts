import { describe, expect, it } from 'vitest';
import {
  accountTypeToCso,
  csoWriteFailure,
  CsoDuplicateError,
  CsoLinkConflictError,
  CsoSignedOutError,
  CsoUnavailableError,
  CsoValidationError,
  CsoVersionConflictError,
} from '@/lib/cso';
import { csoBody, sideRecordOf as csoRecord } from '@/lib/cso/source-map';
import { createQboError, QboNetworkError, qboWriteFailure } from '@/lib/qbo';
import { createBody, patchBody } from '@/lib/qbo/source-map';

describe('QBO source bodies', () => {
  it.each([
    [
      'a create carries only what the op names, with an account type and its default detail type',
      'Account',
      { name: 'Fuel', accountType: 'Income', number: null },
      'create',
      { Name: 'Fuel', AccountType: 'Income', AccountSubType: 'SalesOfProductIncome' },
    ],
    [
      'a create keeps CStoreOffice’s detail type',
      'Account',
      { name: 'Fuel', accountType: 'Income', detailType: 'ServiceFeeIncome' },
      'create',
      { Name: 'Fuel', AccountType: 'Income', AccountSubType: 'ServiceFeeIncome' },
    ],
    [
      'a changed account type takes CStoreOffice’s detail type along',
      'Account',
      { accountType: 'Bank', detailType: 'CashOnHand' },
      'update',
      { AccountType: 'Bank', AccountSubType: 'CashOnHand' },
    ],
    ['a changed detail type alone', 'Account', { detailType: 'Savings' }, 'update', { AccountSubType: 'Savings' }],
    [
      'a data type is a Service item on the default income account',
      'Item',
      { name: 'Car Wash', creditAccountId: null },
      'create',
      { Name: 'Car Wash', Type: 'Service', IncomeAccountRef: { value: '79' } },
    ],
    ['a sparse rename touches the name only', 'Customer', { name: 'New' }, 'update', { DisplayName: 'New' }],
    ['a cleared email is sent blank', 'Vendor', { email: null }, 'update', { PrimaryEmailAddr: { Address: '' } }],
    [
      'a changed account type without a detail type brings the new type’s default',
      'Account',
      { accountType: 'Expense' },
      'update',
      { AccountType: 'Expense', AccountSubType: 'OfficeGeneralAdministrativeExpenses' },
    ],
    [
      'a moved sub-class names its parent',
      'Class',
      { parentId: '5' },
      'update',
      { ParentRef: { value: '5' }, SubClass: true },
    ],
  ] as const)('%s', (_why, list, values, mode, body) => {
    const build = mode === 'create' ? createBody : patchBody;
    expect(build(list, { ...values }, '79')).toEqual(body);
  });
});

describe('CStoreOffice source mapping', () => {
  it('reads vendors without a company name and account types in the domain words', () => {
    const base = { id: '7', name: 'X', active: true, version: 3, updatedAt: '2025-01-01T00:00:00.000Z' };
    expect(csoRecord('accountingVendor', { ...base, taxId: '1', email: null, phone: null } as never)).toMatchObject({
      id: '7',
      revision: '3',
      companyName: null,
      taxId: '1',
    });
    expect(
      csoRecord('account', {
        ...base,
        parentId: null,
        number: null,
        accountType: 'Cost of Goods Sold',
        description: null,
      } as never),
    ).toMatchObject({ accountType: 'Cost of Goods Sold' });
  });
  it('reads the QuickBooks link of a record for this realm only, and none from a server without links', () => {
    const base = { id: '7', name: 'Acme', active: true, companyName: null, email: null, phone: null };
    const at = { version: 3, updatedAt: '2025-01-01T00:00:00.000Z' };
    const linked = { ...base, ...at, qbo: { realmId: 'R1', id: '58' } };
    expect(csoRecord('customer', linked as never, 'R1')).toMatchObject({ qboLink: '58', revision: '3' });
    expect(csoRecord('customer', linked as never, 'R2')).toMatchObject({ qboLink: null });
    expect(csoRecord('customer', { ...base, ...at } as never, 'R1')).not.toHaveProperty('qboLink');
    expect(csoRecord('customer', linked as never)).not.toHaveProperty('qboLink');
  });
  it('drops fields CStoreOffice does not keep and refuses an account type it has no word for', () => {
    expect(csoBody('priceBookVendor', { name: 'A', companyName: 'A Inc', email: null })).toEqual({
      body: { name: 'A', email: null },
    });
    expect(accountTypeToCso('Non-Posting')).toBeUndefined();
    expect(csoBody('account', { accountType: 'Non-Posting' })).toEqual({
      refused: expect.stringMatching(/no account type/),
    });
  });
  it('maps refusals to row failures and stops on sign-out or an unknown outcome', () => {
    expect(csoWriteFailure(new CsoDuplicateError('dup', '12', 'name', 'duplicate_name'))).toMatchObject({
      code: '409',
      existingId: '12',
      retryable: false,
    });
    expect(csoWriteFailure(new CsoVersionConflictError('moved'))).toMatchObject({ code: '412' });
    expect(csoWriteFailure(new CsoValidationError({ email: 'not an address' }))).toMatchObject({
      code: '422',
      detail: 'email: not an address',
    });
    expect(csoWriteFailure(new CsoUnavailableError('HTTP 429', 1000, 429))).toMatchObject({
      code: '429',
      retryable: true,
    });
    expect(csoWriteFailure(new CsoLinkConflictError('held', 'duplicate_link', '31'))).toMatchObject({
      code: '409',
      existingId: '31',
      retryable: false,
    });
    expect(csoWriteFailure(new CsoUnavailableError('connection failed'))).toBeNull();
    expect(csoWriteFailure(new CsoSignedOutError(401))).toBeNull();
  });
});

describe('QBO source failures', () => {
  it('keeps the fault code, the detail and the holder of a duplicate name', () => {
    const dup = createQboError({
      status: 200,
      code: '6240',
      message: 'Duplicate Name Exists Error',
      detail: 'The name supplied already exists. : Id=58',
    });
    expect(qboWriteFailure(dup)).toEqual({
      code: '6240',
      message: 'Duplicate Name Exists Error',
      detail: 'The name supplied already exists. : Id=58',
      existingId: '58',
      retryable: false,
    });
    expect(qboWriteFailure(new QboNetworkError('reset'))).toMatchObject({ retryable: true });
  });
});
