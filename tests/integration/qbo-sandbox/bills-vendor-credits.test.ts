// Bill and VendorCredit over HTTP: vendor and A/P account, expense lines, server-computed totals,
// non-negative lines, duplicate bill numbers, delete (README "Transactions").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultOf, startHarness, type Harness, type Json } from './harness';
import { expenseLine, loadFixtures, type Fixtures } from './txn-fixtures';

let h: Harness;
let f: Fixtures;
beforeAll(async () => {
  h = await startHarness();
  f = await loadFixtures(h);
});
afterAll(() => h.sb.stop());

const post = (path: string, body: Json) => h.post(path, body);
const create = async (entity: 'Bill' | 'VendorCredit', body: Json) =>
  (await h.expectJson(post(entity.toLowerCase(), body), 200))[entity];
const refuse = async (path: string, body: Json) => faultOf(await h.expectJson(post(path, body), 400));
const vendorBill = (extra: Json = {}, lines: Json[] = [expenseLine(120.5, f.account('Utilities'))]) => ({
  VendorRef: { value: f.vendor('Millbrook Electric') },
  Line: lines,
  ...extra,
});

describe.each(['Bill', 'VendorCredit'] as const)('%s', (entity) => {
  const path = entity.toLowerCase();

  it('computes TotalAmt (and Balance) in cents from the lines, whatever TotalAmt the client sends', async () => {
    const lines = [0.1, 0.2, 33.33, 33.33, 33.34].map((a) => expenseLine(a, f.account('Utilities')));
    const txn = await create(entity, vendorBill({ TotalAmt: 1, TxnDate: '2026-02-20' }, lines));
    expect(txn).toMatchObject({ TotalAmt: 100.3, Balance: 100.3, SyncToken: '0', TxnDate: '2026-02-20' });
    expect(txn.Line.map((l: Json) => l.Id)).toEqual(['1', '2', '3', '4', '5']);
    expect(txn.Line[0].AccountBasedExpenseLineDetail).toMatchObject({
      AccountRef: { value: f.account('Utilities'), name: 'Utilities' },
      BillableStatus: 'NotBillable',
    });
    expect(txn.VendorRef).toEqual({ value: f.vendor('Millbrook Electric'), name: 'Millbrook Electric' });
    expect(txn.APAccountRef).toEqual({ value: f.account('Accounts Payable (A/P)'), name: 'Accounts Payable (A/P)' });
    expect(txn.CurrencyRef).toEqual({ value: 'USD', name: 'United States Dollar' });
  });

  it('needs a VendorRef (2020); a missing vendor is 2500, an inactive one 610', async () => {
    expect(await refuse(path, { Line: [expenseLine(1, f.account('Utilities'))] })).toMatchObject({
      code: '2020',
      element: 'VendorRef',
    });
    expect((await refuse(path, vendorBill({ VendorRef: { value: '8888' } }))).Detail).toBe(
      'Invalid Reference Id : Vendors element id 8888 not found',
    );
    expect(await refuse(path, vendorBill({ VendorRef: { value: f.vendor('Old Ice Supplier') } }))).toMatchObject({
      code: '610',
    });
  });

  it('refuses a negative line (2290) even when the total stays positive', async () => {
    const lines = [expenseLine(50, f.account('Utilities')), expenseLine(-10, f.account('Utilities'))];
    expect(await refuse(path, vendorBill({}, lines))).toMatchObject({ code: '2290', Message: 'NegativeAmount' });
  });

  it('refuses item-based lines (not supported by the sandbox) and journal lines (2170)', async () => {
    const item = {
      DetailType: 'ItemBasedExpenseLineDetail',
      Amount: 5,
      ItemBasedExpenseLineDetail: { ItemRef: { value: '1' } },
    };
    expect(await refuse(path, vendorBill({}, [item]))).toMatchObject({ code: '500', Message: 'Unsupported Operation' });
    const journal = { DetailType: 'JournalEntryLineDetail', Amount: 5, JournalEntryLineDetail: {} };
    expect(await refuse(path, vendorBill({}, [journal]))).toMatchObject({ code: '2170' });
  });

  it('takes DepartmentRef on the header and ClassRef / CustomerRef on lines, refusing inactive ones (610)', async () => {
    const line = expenseLine(9.99, f.account('Repairs & Maintenance:Dispenser Repairs'), {
      ClassRef: { value: f.klass('Fuel') },
      CustomerRef: { value: f.customer('City of Millbrook Fleet') },
    });
    const txn = await create(
      entity,
      vendorBill({ DepartmentRef: { value: f.department('Station 102 - Hwy 71') } }, [line]),
    );
    expect(txn.DepartmentRef.name).toBe('Station 102 - Hwy 71');
    expect(txn.Line[0].AccountBasedExpenseLineDetail.ClassRef.name).toBe('Fuel');
    expect(
      (await refuse(path, vendorBill({ DepartmentRef: { value: f.department('Station 099 - Closed') } }))).code,
    ).toBe('610');
  });

  it('refuses an APAccountRef that is not an Accounts Payable account (6430)', async () => {
    expect(await refuse(path, vendorBill({ APAccountRef: { value: f.account('Fuel Card') } }))).toMatchObject({
      code: '6430',
      Message: 'Invalid account type used',
    });
  });

  it('updates sparse and full, and deletes for real', async () => {
    const txn = await create(entity, vendorBill({ DocNumber: `${entity}-U1` }));
    const sparse = (
      await h.expectJson(post(path, { Id: txn.Id, SyncToken: '0', sparse: true, PrivateNote: 'checked' }), 200)
    )[entity];
    expect(sparse).toMatchObject({
      SyncToken: '1',
      DocNumber: `${entity}-U1`,
      PrivateNote: 'checked',
      TotalAmt: 120.5,
    });
    const full = (
      await h.expectJson(
        post(path, { ...vendorBill({}, [expenseLine('75.25', f.account('Utilities'))]), Id: txn.Id, SyncToken: '1' }),
        200,
      )
    )[entity];
    expect(full).toMatchObject({ SyncToken: '2', TotalAmt: 75.25 });
    expect(full.DocNumber).toBeUndefined();
    expect(full.PrivateNote).toBeUndefined();
    const gone = await h.expectJson(post(`${path}?operation=delete`, { Id: txn.Id, SyncToken: '2' }), 200);
    expect(gone[entity]).toEqual({ domain: 'QBO', status: 'Deleted', Id: txn.Id });
    expect(faultOf(await h.expectJson(h.get(`${path}/${txn.Id}`), 400)).code).toBe('610');
  });
});

describe('Bill only', () => {
  it('defaults DueDate to TxnDate and keeps a given one; VendorCredit has no DueDate (2010)', async () => {
    expect((await create('Bill', vendorBill({ TxnDate: '2026-02-10' }))).DueDate).toBe('2026-02-10');
    expect((await create('Bill', vendorBill({ TxnDate: '2026-02-10', DueDate: '2026-03-12' }))).DueDate).toBe(
      '2026-03-12',
    );
    expect(await refuse('vendorcredit', vendorBill({ DueDate: '2026-03-12' }))).toMatchObject({
      code: '2010',
      element: 'DueDate',
    });
  });

  it('refuses a bill number the same vendor already used (6140) unless include=allowduplicatedocnum', async () => {
    const first = await create('Bill', vendorBill({ DocNumber: 'INV-5521' }));
    const error = await refuse('bill', vendorBill({ DocNumber: 'INV-5521' }));
    expect(error).toMatchObject({ code: '6140', Message: 'Duplicate Document Number Error' });
    expect(error.Detail).toContain(`DocNumber=INV-5521 is assigned to TxnType=Bill with TxnId=${first.Id}`);
    const other = await create(
      'Bill',
      vendorBill({ DocNumber: 'INV-5521', VendorRef: { value: f.vendor('Bluebonnet Snacks') } }),
    );
    expect(other.Id).not.toBe(first.Id);
    await h.expectJson(
      post('bill?include=allowduplicatedocnum&minorversion=75', vendorBill({ DocNumber: 'INV-5521' })),
      200,
    );
  });

  it('lets duplicates through with the rejectDuplicateBillNumbers switch off', async () => {
    await create('Bill', vendorBill({ DocNumber: 'INV-9000' }));
    await h.control('PUT', 'switches', { rejectDuplicateBillNumbers: false });
    try {
      await create('Bill', vendorBill({ DocNumber: 'INV-9000' }));
    } finally {
      await h.control('PUT', 'switches', { rejectDuplicateBillNumbers: true });
    }
  });

  it('vendor credits may repeat a number', async () => {
    await create('VendorCredit', vendorBill({ DocNumber: 'CR-1' }));
    await create('VendorCredit', vendorBill({ DocNumber: 'CR-1' }));
  });
});

describe('the A/P account', () => {
  it('is created with the first A/P transaction of a company that has none, and not by a refused one', async () => {
    const realmId = '4620816365000000777';
    await h.expectJson(
      h.control('POST', 'realms', {
        realmId,
        data: {
          companyName: 'No Payables Yet LLC',
          accounts: [{ Name: 'Rent', AccountType: 'Expense' }],
          vendors: [{ DisplayName: 'Landlord' }],
        },
      }),
      201,
    );
    const token = h.sb.mintToken(realmId).access_token;
    const api = (path: string, body: Json) =>
      fetch(`${h.url}/v3/company/${realmId}/${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', 'Content-Type': 'application/json' },
      });
    const bill = (amount: number) => ({ VendorRef: { value: '1' }, Line: [expenseLine(amount, '1')] });
    await h.expectJson(api('bill', bill(-1)), 400);
    const before = await h.expectJson(h.control('GET', `realms/${realmId}`), 200);
    expect(before.Account).toHaveLength(1);
    const created = (await h.expectJson(api('bill', bill(1500)), 200)).Bill;
    const after = await h.expectJson(h.control('GET', `realms/${realmId}`), 200);
    const payables = after.Account.find((a: Json) => a.AccountType === 'Accounts Payable');
    expect(payables).toMatchObject({ Name: 'Accounts Payable (A/P)', AccountSubType: 'AccountsPayable' });
    expect(created.APAccountRef).toEqual({ value: payables.Id, name: 'Accounts Payable (A/P)' });
  });
});
