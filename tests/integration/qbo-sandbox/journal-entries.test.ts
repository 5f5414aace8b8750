// JournalEntry over HTTP: lifecycle (create, read, full and sparse update, delete) and QBO's rules
// on lines, balance, A/R and A/P names, references, DocNumber and TxnDate (README "Transactions").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultOf, startHarness, type Harness, type Json } from './harness';
import { journalLine, loadFixtures, type Fixtures } from './txn-fixtures';

let h: Harness;
let f: Fixtures;
beforeAll(async () => {
  h = await startHarness();
  f = await loadFixtures(h);
});
afterAll(() => h.sb.stop());

const create = async (body: Json) => (await h.expectJson(h.post('journalentry', body), 200)).JournalEntry;
const refuse = async (body: Json, path = 'journalentry') => faultOf(await h.expectJson(h.post(path, body), 400));
const balanced = (amount: unknown = 100, extra: Json = {}) => ({
  Line: [
    journalLine('Debit', amount, f.account('Operating Checking')),
    journalLine('Credit', amount, f.account('Fuel Sales:Unleaded')),
  ],
  ...extra,
});

describe('JournalEntry lifecycle', () => {
  it('creates with SyncToken 0, line Ids, named refs, today as TxnDate, TotalAmt 0 and Adjustment false', async () => {
    const je = await create(balanced(250.75, { DocNumber: 'DAY-0301', PrivateNote: 'Audited day 2026-03-01' }));
    expect(je).toMatchObject({
      SyncToken: '0',
      domain: 'QBO',
      sparse: false,
      DocNumber: 'DAY-0301',
      PrivateNote: 'Audited day 2026-03-01',
      TxnDate: '2026-03-02',
      TotalAmt: 0,
      Adjustment: false,
    });
    expect(je.Id).toMatch(/^\d+$/);
    expect(je.Line.map((l: Json) => [l.Id, l.Amount])).toEqual([
      ['0', 250.75],
      ['1', 250.75],
    ]);
    expect(je.Line[1].JournalEntryLineDetail.AccountRef).toEqual({
      value: f.account('Fuel Sales:Unleaded'),
      name: 'Fuel Sales:Unleaded',
    });
    const read = await h.expectJson(h.get(`journalentry/${je.Id}`), 200);
    expect(read.JournalEntry).toEqual(je);
  });

  it('full update replaces every writable field; sparse keeps what it omits; a stale SyncToken is 5010', async () => {
    const je = await create(balanced(10, { DocNumber: 'FULL-1', PrivateNote: 'first' }));
    const full = (await h.expectJson(h.post('journalentry', { ...balanced(20), Id: je.Id, SyncToken: '0' }), 200))
      .JournalEntry;
    expect(full.SyncToken).toBe('1');
    expect(full.DocNumber).toBeUndefined();
    expect(full.PrivateNote).toBeUndefined();
    expect(full.Line[0].Amount).toBe(20);
    const sparse = (
      await h.expectJson(
        h.post('journalentry', {
          Id: je.Id,
          SyncToken: '1',
          sparse: true,
          PrivateNote: 'patched',
          TxnDate: '2026-02-27',
        }),
        200,
      )
    ).JournalEntry;
    expect(sparse).toMatchObject({ SyncToken: '2', PrivateNote: 'patched', TxnDate: '2026-02-27' });
    expect(sparse.Line[0].Amount).toBe(20);
    const stale = await refuse({ Id: je.Id, SyncToken: '1', sparse: true, PrivateNote: 'late' });
    expect(stale).toMatchObject({ code: '5010', Message: 'Stale Object Error' });
    expect(stale.Detail).toContain('Entity=JournalEntry');
  });

  it('deletes with ?operation=delete (Id + SyncToken); the entry is gone (610), a second delete is 610', async () => {
    const je = await create(balanced(5));
    const stale = await refuse({ Id: je.Id, SyncToken: '7' }, 'journalentry?operation=delete');
    expect(stale.code).toBe('5010');
    const deleted = await h.expectJson(h.post('journalentry?operation=delete', { Id: je.Id, SyncToken: '0' }), 200);
    expect(deleted.JournalEntry).toEqual({ domain: 'QBO', status: 'Deleted', Id: je.Id });
    expect(faultOf(await h.expectJson(h.get(`journalentry/${je.Id}`), 400)).code).toBe('610');
    expect((await refuse({ Id: je.Id, SyncToken: '0' }, 'journalentry?operation=delete')).code).toBe('610');
  });
});

describe('JournalEntry balance and amounts', () => {
  it('refuses debits that differ from credits with 2300, by one cent too', async () => {
    const error = await refuse({
      Line: [
        journalLine('Debit', 100, f.account('Operating Checking')),
        journalLine('Credit', 99.99, f.account('Fuel Sales:Unleaded')),
      ],
    });
    expect(error).toMatchObject({ code: '2300', Message: 'Amount on debits not equal to credits' });
    expect(error.Detail).toContain('100.00');
    expect(error.Detail).toContain('99.99');
  });

  it('sums in cents: 0.1 + 0.2 debits balance a 0.3 credit, and amounts come back exact', async () => {
    const je = await create({
      Line: [
        journalLine('Debit', 0.1, f.account('Operating Checking')),
        journalLine('Debit', 0.2, f.account('Store Safe')),
        journalLine('Credit', '0.30', f.account('Fuel Sales:Unleaded')),
      ],
    });
    expect(je.Line.map((l: Json) => l.Amount)).toEqual([0.1, 0.2, 0.3]);
  });

  it('rounds a third decimal half away from zero, reads numeric strings, and refuses text (2010)', async () => {
    const je = await create({
      Line: [
        journalLine('Debit', '12.345', f.account('Operating Checking')),
        journalLine('Debit', 1e1, f.account('Store Safe')),
        journalLine('Credit', 22.35, f.account('Fuel Sales:Unleaded')),
      ],
    });
    expect(je.Line.map((l: Json) => l.Amount)).toEqual([12.35, 10, 22.35]);
    const text = await refuse({
      Line: [
        journalLine('Debit', 'ten', f.account('Operating Checking')),
        journalLine('Credit', 10, f.account('Store Safe')),
      ],
    });
    expect(text).toMatchObject({ code: '2010' });
  });

  it.each([
    ['an empty Line', () => ({ Line: [] }), '2250', 'Missing lines'],
    ['no Line', () => ({ PrivateNote: 'no lines' }), '2020', 'Required Param Missing'],
    [
      'negative amounts',
      () => ({
        Line: [
          journalLine('Debit', -5, f.account('Operating Checking')),
          journalLine('Credit', -5, f.account('Store Safe')),
        ],
      }),
      '2290',
      'NegativeAmount',
    ],
  ])('refuses %s with %s', async (_label, body, code, message) => {
    expect(await refuse(body())).toMatchObject({ code, Message: message });
  });

  it('needs a PostingType (2260) that is Debit or Credit (2170), and an AccountRef (2020)', async () => {
    const line = journalLine('Debit', 1, f.account('Operating Checking'));
    delete line.JournalEntryLineDetail.PostingType;
    expect((await refuse({ Line: [line] })).code).toBe('2260');
    line.JournalEntryLineDetail.PostingType = 'Debet';
    expect(await refuse({ Line: [line] })).toMatchObject({ code: '2170', Detail: 'Invalid Enumeration : Debet' });
    const noAccount = {
      DetailType: 'JournalEntryLineDetail',
      Amount: 1,
      JournalEntryLineDetail: { PostingType: 'Debit' },
    };
    expect(await refuse({ Line: [noAccount] })).toMatchObject({ code: '2020', element: 'AccountRef' });
  });
});

describe('JournalEntry names on A/R and A/P lines', () => {
  const ar = () => f.account('Accounts Receivable (A/R)');
  const ap = () => f.account('Accounts Payable (A/P)');
  const customer = () => ({ Type: 'Customer', EntityRef: { value: f.customer('City of Millbrook Fleet') } });
  const vendor = () => ({ Type: 'Vendor', EntityRef: { value: f.vendor('Millbrook Electric') } });

  it('refuses an A/R line without a customer and an A/P line without a vendor (6000)', async () => {
    const noCustomer = await refuse({
      Line: [journalLine('Debit', 40, ar()), journalLine('Credit', 40, f.account('Fuel Sales:Unleaded'))],
    });
    expect(noCustomer).toMatchObject({ code: '6000' });
    expect(noCustomer.Detail).toContain('Accounts Receivable, you must choose a customer');
    const vendorOnAr = await refuse({
      Line: [
        journalLine('Debit', 40, ar(), { Entity: vendor() }),
        journalLine('Credit', 40, f.account('Fuel Sales:Unleaded')),
      ],
    });
    expect(vendorOnAr.code).toBe('6000');
    const noVendor = await refuse({
      Line: [journalLine('Debit', 40, f.account('Utilities')), journalLine('Credit', 40, ap())],
    });
    expect(noVendor.Detail).toContain('Accounts Payable, you must choose a vendor');
  });

  it('accepts them with the right name and returns the entity with its name', async () => {
    const je = await create({
      Line: [
        journalLine('Debit', 40, ar(), { Entity: customer() }),
        journalLine('Credit', 40, ap(), { Entity: vendor() }),
      ],
    });
    expect(je.Line[0].JournalEntryLineDetail.Entity).toEqual({
      Type: 'Customer',
      EntityRef: { value: f.customer('City of Millbrook Fleet'), name: 'City of Millbrook Fleet' },
    });
  });

  it('refuses an Entity.Type outside Customer, Vendor, Employee (2170)', async () => {
    const error = await refuse({
      Line: [
        journalLine('Debit', 1, f.account('Utilities'), { Entity: { Type: 'Partner', EntityRef: { value: '1' } } }),
        journalLine('Credit', 1, f.account('Store Safe')),
      ],
    });
    expect(error.code).toBe('2170');
  });
});

describe('JournalEntry references', () => {
  const withDebit = (extra: Json, account = f.account('Utilities')) => ({
    Line: [journalLine('Debit', 12, account, extra), journalLine('Credit', 12, f.account('Store Safe'))],
  });

  it('missing account, class, location or customer → 2500 Invalid Reference Id', async () => {
    expect(await refuse(withDebit({}, '9999'))).toMatchObject({
      code: '2500',
      Detail: 'Invalid Reference Id : Accounts element id 9999 not found',
    });
    expect((await refuse(withDebit({ ClassRef: { value: '123' } }))).Detail).toBe(
      'Invalid Reference Id : Klasses element id 123 not found',
    );
    expect((await refuse(withDebit({ DepartmentRef: { value: '77' } }))).Detail).toContain('Departments element id 77');
    expect((await refuse(withDebit({ Entity: { Type: 'Customer', EntityRef: { value: '4040' } } }))).Detail).toContain(
      'Customers element id 4040',
    );
  });

  it('inactive account, location, class or customer → 610 Object Not Found', async () => {
    const inactive = { code: '610', Message: 'Object Not Found' };
    expect(await refuse(withDebit({}, f.account('Old Car Wash Equipment')))).toMatchObject(inactive);
    expect(await refuse(withDebit({ DepartmentRef: { value: f.department('Station 099 - Closed') } }))).toMatchObject(
      inactive,
    );
    const klass = await h.expectJson(h.post('class', { Name: 'Retired Pump Island' }), 200);
    await h.expectJson(h.post('class', { ...klass.Class, Active: false }), 200);
    expect(await refuse(withDebit({ ClassRef: { value: klass.Class.Id } }))).toMatchObject(inactive);
    const person = await h.expectJson(h.post('customer', { DisplayName: 'Gone Fleet Account' }), 200);
    await h.expectJson(h.post('customer', { ...person.Customer, Active: false }), 200);
    const entity = { Entity: { Type: 'Customer', EntityRef: { value: person.Customer.Id } } };
    expect(await refuse(withDebit(entity))).toMatchObject(inactive);
  });

  it('keeps active class and location refs with their names', async () => {
    const je = await create(
      withDebit({
        ClassRef: { value: f.klass('Fuel') },
        DepartmentRef: { value: f.department('Station 101 - Main St') },
      }),
    );
    expect(je.Line[0].JournalEntryLineDetail).toMatchObject({
      ClassRef: { value: f.klass('Fuel'), name: 'Fuel' },
      DepartmentRef: { value: f.department('Station 101 - Main St'), name: 'Station 101 - Main St' },
    });
  });
});

describe('JournalEntry header fields', () => {
  it('DocNumber: 21 characters are kept, 22 are 2050 with element DocNumber', async () => {
    expect((await create(balanced(1, { DocNumber: 'D'.repeat(21) }))).DocNumber).toHaveLength(21);
    expect(await refuse(balanced(1, { DocNumber: 'D'.repeat(22) }))).toMatchObject({
      code: '2050',
      element: 'DocNumber',
      Detail:
        'String length specified does not match the supported length. Min:0 Max:21 supported. Supplied length: 22',
    });
  });

  it('PrivateNote up to 4000 characters; TxnDate must be a real date (2070); unknown fields 2010', async () => {
    expect((await refuse(balanced(1, { PrivateNote: 'n'.repeat(4001) }))).code).toBe('2050');
    expect(await refuse(balanced(1, { TxnDate: '2026-02-30' }))).toMatchObject({ code: '2070', element: 'TxnDate' });
    expect(await refuse(balanced(1, { TxnDate: '03/01/2026' }))).toMatchObject({ code: '2070' });
    expect(await refuse(balanced(1, { VendorRef: { value: '1' } }))).toMatchObject({
      code: '2010',
      element: 'VendorRef',
    });
  });

  it('journal numbers may repeat by default; the rejectDuplicateJournalNumbers switch refuses them (6140)', async () => {
    const first = await create(balanced(3, { DocNumber: 'JRNL-7' }));
    await create(balanced(3, { DocNumber: 'JRNL-7' }));
    await h.control('PUT', 'switches', { rejectDuplicateJournalNumbers: true });
    try {
      const error = await refuse(balanced(3, { DocNumber: 'jrnl-7' }));
      expect(error).toMatchObject({ code: '6140', Message: 'Duplicate Document Number Error' });
      expect(error.Detail).toContain(`TxnId=${first.Id}`);
      await h.expectJson(
        h.post('journalentry?include=allowduplicatedocnum', balanced(3, { DocNumber: 'JRNL-7' })),
        200,
      );
    } finally {
      await h.control('PUT', 'switches', { rejectDuplicateJournalNumbers: false });
    }
  });
});
