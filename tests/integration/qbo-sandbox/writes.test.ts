// §13 items 6–12: create validation, derived fields and hierarchy, uniqueness, updates, soft delete, references.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultOf, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.sb.stop());

const create = async (entity: string, body: Record<string, unknown>) =>
  (await h.expectJson(h.post(entity.toLowerCase(), body), 200))[entity];
const refuse = async (entity: string, body: Record<string, unknown>) =>
  faultOf(await h.expectJson(h.post(entity.toLowerCase(), body), 400));

describe('§13.6 create validation', () => {
  it.each([
    [
      'Account',
      { AccountType: 'Bank' },
      '2020',
      'Required Param Missing',
      'Required parameter Name is missing in the request',
      'Name',
    ],
    [
      'Account',
      { Name: 'No Type' },
      '2020',
      'Required Param Missing',
      'Required parameter AccountType is missing in the request',
      'AccountType',
    ],
    [
      'Account',
      { Name: 'Fuel: Diesel', AccountType: 'Income' },
      '2040',
      'Invalid String',
      'Element contains invalid characters. Fuel: Diesel',
      'Name',
    ],
    [
      'Account',
      { Name: '12" Pipe', AccountType: 'Expense' },
      '2040',
      'Invalid String',
      'Element contains invalid characters. 12" Pipe',
      'Name',
    ],
    [
      'Account',
      { Name: 'Bad Type', AccountType: 'Cash' },
      '2170',
      'Invalid Enumeration',
      'Invalid Enumeration : Cash',
      'AccountType',
    ],
    ['Class', {}, '2020', 'Required Param Missing', 'Required parameter Name is missing in the request', 'Name'],
    [
      'Department',
      { Name: '   ' },
      '2020',
      'Required Param Missing',
      'Required parameter Name is missing in the request',
      'Name',
    ],
    [
      'Customer',
      { CompanyName: 'Only a company' },
      '2020',
      'Required Param Missing',
      'Required parameter DisplayName is missing in the request',
      'DisplayName',
    ],
    [
      'Customer',
      { DisplayName: 'Tab\tName' },
      '2040',
      'Invalid String',
      'Element contains invalid characters. Tab\tName',
      'DisplayName',
    ],
    [
      'Vendor',
      { DisplayName: 'Acme:Fuel' },
      '2040',
      'Invalid String',
      'Element contains invalid characters. Acme:Fuel',
      'DisplayName',
    ],
    [
      'Vendor',
      { DisplayName: 'Line\nBreak' },
      '2040',
      'Invalid String',
      'Element contains invalid characters. Line\nBreak',
      'DisplayName',
    ],
  ])('%s %j → %s', async (entity, body, code, message, detail, element) => {
    expect(await refuse(entity, body)).toMatchObject({
      code,
      Message: message,
      Detail: detail,
      element,
      type: 'ValidationFault',
    });
  });

  it('refuses over-long fields with 2050 naming the element', async () => {
    const error = await refuse('Account', { Name: 'A'.repeat(101), AccountType: 'Bank' });
    expect(error).toMatchObject({
      code: '2050',
      Message: 'String length is either shorter or longer than supported by specification',
      element: 'Name',
    });
    expect(error.Detail).toBe(
      'String length specified does not match the supported length. Min:0 Max:100 supported. Supplied length: 101',
    );
    expect(await refuse('Customer', { DisplayName: 'C'.repeat(501) })).toMatchObject({
      code: '2050',
      element: 'DisplayName',
    });
    expect(await refuse('Customer', { DisplayName: 'Short', Title: 'T'.repeat(17) })).toMatchObject({
      code: '2050',
      element: 'Title',
    });
  });

  it('builds DisplayName from the name parts and trims names on save', async () => {
    expect(await create('Customer', { GivenName: ' Maria ', FamilyName: 'Lopez' })).toMatchObject({
      DisplayName: 'Maria Lopez',
      FullyQualifiedName: 'Maria Lopez',
    });
    expect(await create('Class', { Name: '  Padded  ' })).toMatchObject({ Name: 'Padded' });
  });

  it('refuses unknown properties (a wrapped body) with 2010', async () => {
    expect(await refuse('Vendor', { Vendor: { DisplayName: 'Wrapped' } })).toMatchObject({
      code: '2010',
      Message: 'Request has invalid or unsupported property',
      element: 'Vendor',
    });
  });
});

describe('§13.7 derived fields and hierarchy', () => {
  it('derives Classification and a default AccountSubType, or AccountType from the subtype', async () => {
    expect(await create('Account', { Name: 'Derived Bank', AccountType: 'Bank' })).toMatchObject({
      Classification: 'Asset',
      AccountSubType: 'Checking',
    });
    expect(await create('Account', { Name: 'Derived Sub', AccountSubType: 'CreditCard' })).toMatchObject({
      AccountType: 'Credit Card',
      Classification: 'Liability',
    });
    expect(await create('Account', { Name: 'Derived Income', AccountType: 'Other Income' })).toMatchObject({
      Classification: 'Revenue',
    });
  });

  it('builds FullyQualifiedName from the parent chain and sets the sub flags', async () => {
    const top = await create('Account', { Name: 'Tree Top', AccountType: 'Expense' });
    const mid = await create('Account', { Name: 'Tree Mid', AccountType: 'Expense', ParentRef: { value: top.Id } });
    const leaf = await create('Account', { Name: 'Tree Leaf', AccountType: 'Expense', ParentRef: { value: mid.Id } });
    expect(leaf).toMatchObject({
      FullyQualifiedName: 'Tree Top:Tree Mid:Tree Leaf',
      SubAccount: true,
      ParentRef: { value: mid.Id },
    });
    expect(top.SubAccount).toBe(false);
    const cust = await create('Customer', { DisplayName: 'Parent Co' });
    expect(await create('Customer', { DisplayName: 'Parent Co Job', ParentRef: { value: cust.Id } })).toMatchObject({
      FullyQualifiedName: 'Parent Co:Parent Co Job',
      Job: true,
      Level: 1,
    });
  });

  it('rebuilds descendants’ FullyQualifiedName when a parent is renamed', async () => {
    const top = await create('Class', { Name: 'Rename Top' });
    const child = await create('Class', { Name: 'Rename Child', ParentRef: { value: top.Id } });
    const grandchild = await create('Class', { Name: 'Rename Grandchild', ParentRef: { value: child.Id } });
    await h.expectJson(
      h.post('class', { Id: top.Id, SyncToken: top.SyncToken, sparse: true, Name: 'Renamed Top' }),
      200,
    );
    const read = await h.expectJson(h.get(`class/${grandchild.Id}`), 200);
    expect(read.Class.FullyQualifiedName).toBe('Renamed Top:Rename Child:Rename Grandchild');
  });

  it('caps Class depth at 5 levels', async () => {
    let parent: string | undefined;
    for (let level = 1; level <= 5; level += 1) {
      parent = (await create('Class', { Name: `Depth ${level}`, ...(parent ? { ParentRef: { value: parent } } : {}) }))
        .Id;
    }
    const error = await refuse('Class', { Name: 'Depth 6', ParentRef: { value: parent } });
    expect(error).toMatchObject({
      code: '6000',
      Message: 'A business validation error has occurred while processing your request',
    });
  });
});

describe('§13.8 uniqueness', () => {
  it('shares one DisplayName namespace between Customer, Vendor and Employee → 6240 with Id=', async () => {
    const customer = await create('Customer', { DisplayName: 'Shared Name LLC' });
    const error = await refuse('Vendor', { DisplayName: 'Shared Name LLC' });
    expect(error).toMatchObject({
      code: '6240',
      Message: 'Duplicate Name Exists Error',
      Detail: `The name supplied already exists. : Id=${customer.Id}`,
    });
    expect(await refuse('Employee', { DisplayName: 'shared name llc' })).toMatchObject({ code: '6240' });
  });

  it('compares case-insensitively by default, and case-sensitively behind the switch', async () => {
    const v = await create('Vendor', { DisplayName: 'Acme Fuel' });
    expect(await refuse('Vendor', { DisplayName: 'ACME FUEL' })).toMatchObject({
      code: '6240',
      Detail: `The name supplied already exists. : Id=${v.Id}`,
    });
    expect(await refuse('Vendor', { DisplayName: '  Acme Fuel ' })).toMatchObject({ code: '6240' });
    await h.expectJson(h.control('PUT', 'switches', { caseSensitiveNames: true }), 200);
    try {
      expect(await create('Vendor', { DisplayName: 'ACME FUEL' })).toMatchObject({ DisplayName: 'ACME FUEL' });
    } finally {
      await h.control('PUT', 'switches', { caseSensitiveNames: false });
    }
  });

  it('is unique on the full path for accounts: one leaf may sit under two parents', async () => {
    const fuel = await create('Account', { Name: 'Uniq Fuel', AccountType: 'Income' });
    const store = await create('Account', { Name: 'Uniq Store', AccountType: 'Income' });
    await create('Account', { Name: 'Diesel X', AccountType: 'Income', ParentRef: { value: fuel.Id } });
    await create('Account', { Name: 'Diesel X', AccountType: 'Income', ParentRef: { value: store.Id } });
    expect(
      await refuse('Account', { Name: 'diesel x', AccountType: 'Income', ParentRef: { value: fuel.Id } }),
    ).toMatchObject({ code: '6240' });
    expect(
      await refuse('Item', { Name: 'car wash - basic', Type: 'Service', IncomeAccountRef: { value: fuel.Id } }),
    ).toMatchObject({ code: '6240' });
  });

  it('keeps an inactive customer’s name blocked (switchable)', async () => {
    const c = await create('Customer', { DisplayName: 'Gone Customer' });
    await h.expectJson(h.post('customer', { Id: c.Id, SyncToken: c.SyncToken, sparse: true, Active: false }), 200);
    expect(await refuse('Vendor', { DisplayName: 'Gone Customer' })).toMatchObject({
      code: '6240',
      Detail: `The name supplied already exists. : Id=${c.Id}`,
    });
    await h.control('PUT', 'switches', { inactiveNamesBlock: false });
    try {
      await create('Vendor', { DisplayName: 'Gone Customer' });
    } finally {
      await h.control('PUT', 'switches', { inactiveNamesBlock: true });
    }
  });
});

describe('§13.9 updates and SyncToken', () => {
  it('refuses a stale SyncToken with 5010 and increments it on success', async () => {
    const v = await create('Vendor', { DisplayName: 'Token Vendor' });
    h.sb.clock.advance(60_000);
    const updated = (
      await h.expectJson(h.post('vendor', { Id: v.Id, SyncToken: '0', sparse: true, CompanyName: 'Token Co' }), 200)
    ).Vendor;
    expect(updated).toMatchObject({ SyncToken: '1', CompanyName: 'Token Co', DisplayName: 'Token Vendor' });
    expect(updated.MetaData.LastUpdatedTime).not.toBe(v.MetaData.LastUpdatedTime);
    const error = faultOf(
      await h.expectJson(h.post('vendor', { Id: v.Id, SyncToken: '0', sparse: true, CompanyName: 'Late' }), 400),
    );
    expect(error).toMatchObject({ code: '5010', Message: 'Stale Object Error' });
    expect(error.Detail).toMatch(
      /^Stale Object Error : You and .+ were working on this at the same time\. .+ finished before you did, so your work was not saved\./,
    );
  });

  it('requires SyncToken on update (2020) and answers 610 for an unknown Id', async () => {
    expect(await refuse('Vendor', { Id: '1', DisplayName: 'No Token' })).toMatchObject({
      code: '2020',
      Detail: 'Required parameter SyncToken is missing in the request',
    });
    expect(await refuse('Vendor', { Id: '987654', SyncToken: '0', DisplayName: 'Nobody' })).toMatchObject({
      code: '610',
      Message: 'Object Not Found',
    });
  });
});

describe('§13.10 full vs sparse update', () => {
  it('clears omitted writable fields on a full update and keeps them on a sparse one', async () => {
    const c = await create('Customer', {
      DisplayName: 'Full Update',
      CompanyName: 'Keep Me',
      PrimaryPhone: { FreeFormNumber: '555' },
    });
    const sparse = (
      await h.expectJson(h.post('customer', { Id: c.Id, SyncToken: c.SyncToken, sparse: true, Notes: 'n' }), 200)
    ).Customer;
    expect(sparse).toMatchObject({ CompanyName: 'Keep Me', PrimaryPhone: { FreeFormNumber: '555' }, Notes: 'n' });
    const full = (
      await h.expectJson(h.post('customer', { Id: c.Id, SyncToken: sparse.SyncToken, DisplayName: 'Full Update' }), 200)
    ).Customer;
    expect(full.CompanyName).toBeUndefined();
    expect(full.PrimaryPhone).toBeUndefined();
    expect(full.SyncToken).toBe('2');
  });

  it('refuses a sparse Account or Class update without Name (2020)', async () => {
    const a = await create('Account', { Name: 'Sparse Acct', AccountType: 'Expense' });
    expect(await refuse('Account', { Id: a.Id, SyncToken: a.SyncToken, sparse: true, Active: false })).toMatchObject({
      code: '2020',
      Detail: 'Required parameter Name is missing in the request',
    });
    const k = await create('Class', { Name: 'Sparse Class' });
    expect(await refuse('Class', { Id: k.Id, SyncToken: k.SyncToken, sparse: true, Active: false })).toMatchObject({
      code: '2020',
      element: 'Name',
    });
  });
});

describe('§13.11 soft delete', () => {
  it('answers Unsupported Operation to ?operation=delete on a name list', async () => {
    const c = await create('Customer', { DisplayName: 'Undeletable' });
    const error = faultOf(
      await h.expectJson(h.post('customer?operation=delete', { Id: c.Id, SyncToken: c.SyncToken }), 400),
    );
    expect(error).toMatchObject({ code: '500', Message: 'Unsupported Operation' });
  });

  it('deactivates with Active:false (hidden from default queries) and reactivates with Active:true', async () => {
    const v = await create('Vendor', { DisplayName: 'Toggle Vendor' });
    const off = (
      await h.expectJson(h.post('vendor', { Id: v.Id, SyncToken: v.SyncToken, sparse: true, Active: false }), 200)
    ).Vendor;
    expect(off).toMatchObject({ Active: false, DisplayName: 'Toggle Vendor' });
    expect(
      (await h.expectJson(h.query("select * from Vendor where DisplayName = 'Toggle Vendor'"), 200)).QueryResponse,
    ).toEqual({});
    expect((await h.expectJson(h.get(`vendor/${v.Id}`), 200)).Vendor.Active).toBe(false);
    const on = (
      await h.expectJson(h.post('vendor', { Id: v.Id, SyncToken: off.SyncToken, sparse: true, Active: true }), 200)
    ).Vendor;
    expect(on.Active).toBe(true);
  });

  it('renames a deactivated Account "Name (deleted)", frees the name, and strips the suffix on reactivation (-1 on a clash)', async () => {
    const a = await create('Account', { Name: 'Suffix Me', AccountType: 'Expense' });
    const off = (
      await h.expectJson(
        h.post('account', { Id: a.Id, SyncToken: a.SyncToken, sparse: true, Name: 'Suffix Me', Active: false }),
        200,
      )
    ).Account;
    expect(off).toMatchObject({
      Name: 'Suffix Me (deleted)',
      FullyQualifiedName: 'Suffix Me (deleted)',
      Active: false,
    });
    await create('Account', { Name: 'Suffix Me', AccountType: 'Expense' });
    const on = (
      await h.expectJson(
        h.post('account', { Id: a.Id, SyncToken: off.SyncToken, sparse: true, Name: off.Name, Active: true }),
        200,
      )
    ).Account;
    expect(on).toMatchObject({ Name: 'Suffix Me-1', Active: true });
  });

  it('refuses Active:false on a Category and hard-deletes it with operation=delete instead', async () => {
    const cat = await create('Item', { Name: 'Delete Category', Type: 'Category' });
    expect(await refuse('Item', { Id: cat.Id, SyncToken: cat.SyncToken, sparse: true, Active: false })).toMatchObject({
      code: '6000',
    });
    const deleted = await h.expectJson(h.post('item?operation=delete', { Id: cat.Id, SyncToken: cat.SyncToken }), 200);
    expect(deleted.Item).toEqual({ domain: 'QBO', status: 'Deleted', Id: cat.Id });
    expect(faultOf(await h.expectJson(h.get(`item/${cat.Id}`), 400)).code).toBe('610');
  });
});

describe('§13.12 balances and references', () => {
  it('refuses to deactivate a customer with an open balance', async () => {
    const rows = (
      await h.expectJson(h.query("select * from Customer where DisplayName = 'Hill Country Landscaping'"), 200)
    ).QueryResponse.Customer;
    const c = rows[0];
    expect(c.Balance).toBe(1240.5);
    const error = await refuse('Customer', { Id: c.Id, SyncToken: c.SyncToken, sparse: true, Active: false });
    expect(error).toMatchObject({ code: '6000', Message: 'Delete List Has Balance Error' });
  });

  it('answers 2500 Invalid Reference Id for a missing or inactive referenced record', async () => {
    expect(
      await refuse('Item', { Name: 'Bad Ref', Type: 'Service', IncomeAccountRef: { value: '99999' } }),
    ).toMatchObject({
      code: '2500',
      Message: 'Invalid Reference Id',
      Detail: 'Invalid Reference Id : Accounts element id 99999 not found',
    });
    const inactive = (
      await h.expectJson(h.query("select * from Account where Active = false and Name LIKE 'Old Car Wash%'"), 200)
    ).QueryResponse.Account[0];
    const error = await refuse('Item', {
      Name: 'Inactive Ref',
      Type: 'Service',
      IncomeAccountRef: { value: inactive.Id },
    });
    expect(error.code).toBe('2500');
    expect(error.Detail).toContain('has been made inactive');
    expect(await refuse('Class', { Name: 'Orphan', ParentRef: { value: '5000000000000099990' } })).toMatchObject({
      code: '2500',
      Detail: 'Invalid Reference Id : Klasses element id 5000000000000099990 not found',
    });
  });

  it('requires IncomeAccountRef on a Service item', async () => {
    expect(await refuse('Item', { Name: 'No Income', Type: 'Service' })).toMatchObject({
      code: '2020',
      Detail: 'Required parameter IncomeAccountRef is missing in the request',
    });
  });

  it('masks TaxIdentifier on read', async () => {
    const v = await create('Vendor', { DisplayName: 'Tax Vendor', TaxIdentifier: '123456789' });
    expect(v.TaxIdentifier).toBe('XXXXX6789');
  });
});
