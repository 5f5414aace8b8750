import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QboSandbox } from '@/sandbox/qbo/index';
import { QboNotFoundError, toCents, type QboClient } from '@/lib/qbo';
import { clientFor, counters, startSandbox } from './harness';
import { expenseLine, journalLine, loadTxnFixtures, type TxnFixtures } from './txn-fixtures';

let sandbox: QboSandbox;
let client: QboClient;
let f: TxnFixtures;
let seq = 0;
const rid = (): string => `txn-${(seq += 1)}`;

beforeAll(async () => {
  sandbox = await startSandbox([{ seed: 'convenience-store' }]);
  client = clientFor(sandbox, sandbox.realmIds[0]!).client;
  f = await loadTxnFixtures(client);
});
afterAll(() => sandbox.stop());

const sumCents = (lines: readonly { Amount?: number }[]) => lines.reduce((sum, l) => sum + toCents(l.Amount ?? 0), 0);

describe('journal entries through the client', () => {
  it('creates, reads, fully updates (clearing what is no longer sent) and deletes one', async () => {
    const body = {
      DocNumber: 'CSO-2025-05-31',
      TxnDate: '2025-05-31',
      PrivateNote: 'Shift report, station 101',
      Line: [
        journalLine('Debit', 712_378, f.account('Store Safe'), {
          ClassRef: { value: f.klass('Fuel') },
          DepartmentRef: { value: f.department('Station 101 - Main St') },
        }),
        journalLine('Debit', 30, f.account('Accounts Receivable (A/R)'), {
          Entity: { Type: 'Customer', EntityRef: { value: f.customer('Lakeside Marina') } },
        }),
        journalLine('Credit', 712_408, f.account('Fuel Sales:Unleaded'), { ClassRef: { value: f.klass('Fuel') } }),
      ],
    };
    const created = await client.create('JournalEntry', body, { requestId: rid() });
    expect(created).toMatchObject({ SyncToken: '0', DocNumber: 'CSO-2025-05-31', TxnDate: '2025-05-31' });
    expect(created.Line.map((l) => toCents(l.Amount!))).toEqual([712_378, 30, 712_408]);
    expect(created.Line[1]?.JournalEntryLineDetail?.Entity).toMatchObject({
      Type: 'Customer',
      EntityRef: { value: f.customer('Lakeside Marina'), name: 'Lakeside Marina' },
    });

    const read = await client.read('JournalEntry', created.Id);
    expect(read).toMatchObject({ Id: created.Id, PrivateNote: 'Shift report, station 101' });
    expect(read.Line[0]?.JournalEntryLineDetail).toMatchObject({
      PostingType: 'Debit',
      ClassRef: { value: f.klass('Fuel') },
      DepartmentRef: { value: f.department('Station 101 - Main St') },
    });

    const { PrivateNote: _dropped, ...withoutNote } = body;
    const replaced = await client.replace(
      'JournalEntry',
      read,
      {
        ...withoutNote,
        Line: [
          journalLine('Debit', 10_001, f.account('Store Safe')),
          journalLine('Credit', 10_001, f.account('Fuel Sales:Diesel')),
        ],
      },
      { requestId: rid() },
    );
    expect(replaced.SyncToken).toBe('1');
    expect(replaced.PrivateNote).toBeUndefined();
    expect(replaced.Line).toHaveLength(2);
    expect(replaced.Line[0]?.JournalEntryLineDetail?.ClassRef).toBeUndefined();

    const gone = await client.delete('JournalEntry', replaced, { requestId: rid() });
    expect(gone).toMatchObject({ Id: created.Id, status: 'Deleted' });
    await expect(client.read('JournalEntry', created.Id)).rejects.toBeInstanceOf(QboNotFoundError);
  });
});

describe('bills and vendor credits through the client', () => {
  it.each(['Bill', 'VendorCredit'] as const)('creates, reads, fully updates and deletes a %s', async (entity) => {
    const body = {
      VendorRef: { value: f.vendor('Hill Country Beverage') },
      DocNumber: `${entity}-881`,
      TxnDate: '2025-05-20',
      ...(entity === 'Bill' ? { DueDate: '2025-06-19' } : {}),
      DepartmentRef: { value: f.department('Station 102 - Hwy 71') },
      PrivateNote: 'Delivery 881',
      Line: [
        expenseLine(45_010, f.account('Cost of Merchandise'), { ClassRef: { value: f.klass('Store:Grocery') } }),
        { ...expenseLine(1_999, f.account('Utilities')), Description: 'Ice machine' },
      ],
    };
    const created = await client.create(entity, body, { requestId: rid() });
    expect(created).toMatchObject({
      SyncToken: '0',
      VendorRef: { value: f.vendor('Hill Country Beverage'), name: 'Hill Country Beverage' },
      DepartmentRef: { value: f.department('Station 102 - Hwy 71') },
    });
    expect(toCents(created.TotalAmt!)).toBe(47_009);
    expect(toCents(created.TotalAmt!)).toBe(sumCents(created.Line));
    if (entity === 'Bill') expect(created).toMatchObject({ DueDate: '2025-06-19' });

    const read = await client.read(entity, created.Id);
    expect(read.Line[0]?.AccountBasedExpenseLineDetail).toMatchObject({
      AccountRef: { value: f.account('Cost of Merchandise') },
      ClassRef: { value: f.klass('Store:Grocery') },
    });
    expect(read.Line[1]?.Description).toBe('Ice machine');

    const { DepartmentRef: _dropped, ...rest } = body;
    const replaced = await client.replace(
      entity,
      read,
      { ...rest, Line: [expenseLine(45_000, f.account('Cost of Merchandise'))] },
      { requestId: rid() },
    );
    expect(replaced).toMatchObject({ SyncToken: '1', DocNumber: `${entity}-881` });
    expect(replaced.DepartmentRef).toBeUndefined();
    expect(toCents(replaced.TotalAmt!)).toBe(45_000);

    expect(await client.delete(entity, replaced, { requestId: rid() })).toMatchObject({
      Id: created.Id,
      status: 'Deleted',
    });
    await expect(client.read(entity, created.Id)).rejects.toBeInstanceOf(QboNotFoundError);
  });
});

describe('finding transactions', () => {
  it('by TxnDate range and by DocNumber, one or several', async () => {
    const post = (docNumber: string, txnDate: string) =>
      client.create(
        'JournalEntry',
        {
          DocNumber: docNumber,
          TxnDate: txnDate,
          Line: [
            journalLine('Debit', 500, f.account('Store Safe')),
            journalLine('Credit', 500, f.account('Cash Over/Short')),
          ],
        },
        { requestId: rid() },
      );
    const april = await post("Q-04-O'B", '2025-04-30');
    const mayFirst = await post('Q-05-01', '2025-05-01');
    const mayLast = await post('Q-05-31', '2025-05-31');
    const june = await post('Q-06-01', '2025-06-01');
    const ids = (rows: readonly { Id: string }[]) => rows.map((r) => r.Id).sort();
    const ours = (rows: readonly { Id: string; DocNumber?: string }[]) =>
      rows.filter((r) => r.DocNumber?.startsWith('Q-'));

    const may = await client.queryTxns('JournalEntry', { from: '2025-05-01', to: '2025-05-31' });
    expect(ids(ours(may))).toEqual(ids([mayFirst, mayLast]));
    expect(may.every((r) => r.TxnDate! >= '2025-05-01' && r.TxnDate! <= '2025-05-31')).toBe(true);
    expect(ids(ours(await client.queryTxns('JournalEntry', { from: '2025-05-31' })))).toEqual(ids([mayLast, june]));

    expect(ids(await client.queryTxns('JournalEntry', { docNumbers: ["Q-04-O'B"] }))).toEqual([april.Id]);
    expect(ids(await client.queryTxns('JournalEntry', { docNumbers: ['Q-05-01', 'Q-06-01', 'nope'] }))).toEqual(
      ids([mayFirst, june]),
    );
    expect(
      ids(await client.queryTxns('JournalEntry', { docNumbers: ['Q-05-01', 'Q-06-01'], to: '2025-05-31' })),
    ).toEqual([mayFirst.Id]);
    expect(await client.queryTxns('JournalEntry', { docNumbers: [] })).toEqual([]);
    // A long list goes in several queries; a number asked in two of them comes back once.
    const queriesBefore = counters(sandbox, sandbox.realmIds[0]!).byTag['query:JournalEntry'] ?? 0;
    const many = ['Q-05-01', ...Array.from({ length: 250 }, (_, i) => `none-${i}`), 'Q-05-01', 'Q-06-01'];
    expect(ids(await client.queryTxns('JournalEntry', { docNumbers: many }))).toEqual(ids([mayFirst, june]));
    expect((counters(sandbox, sandbox.realmIds[0]!).byTag['query:JournalEntry'] ?? 0) - queriesBefore).toBe(2);
    expect(await client.queryTxns('Bill', { docNumbers: ['Q-05-01'] })).toEqual([]);
  });
});

describe('CDC of transactions', () => {
  it('reports created and changed transactions, and deleted ones as removed ids', async () => {
    const je = () => ({
      TxnDate: '2025-05-15',
      Line: [
        journalLine('Debit', 100, f.account('Store Safe')),
        journalLine('Credit', 100, f.account('Cash Over/Short')),
      ],
    });
    const doomed = await client.create('JournalEntry', je(), { requestId: rid() });
    sandbox.clock.advance(60_000);
    const since = new Date(sandbox.clock.now()).toISOString();
    sandbox.clock.advance(60_000);
    const kept = await client.create('JournalEntry', je(), { requestId: rid() });
    const bill = await client.create(
      'Bill',
      {
        VendorRef: { value: f.vendor('Bluebonnet Snacks') },
        Line: [expenseLine(2_500, f.account('Cost of Merchandise'))],
      },
      { requestId: rid() },
    );
    await client.delete('JournalEntry', doomed, { requestId: rid() });
    sandbox.clock.advance(1000);

    const changes = await client.changesSince(['JournalEntry', 'Bill', 'VendorCredit'], since);
    expect(changes.fallbacks).toEqual([]);
    expect(changes.deleted.JournalEntry).toEqual([doomed.Id]);
    expect(changes.changed.JournalEntry?.map((r) => r.Id)).toEqual([kept.Id]);
    expect(changes.changed.Bill?.map((r) => r.Id)).toEqual([bill.Id]);
    expect(changes.changed.Bill?.[0]?.VendorRef.value).toBe(f.vendor('Bluebonnet Snacks'));
    expect(changes.changed.VendorCredit ?? []).toEqual([]);
    expect(changes.deleted.Bill).toBeUndefined();
  });

  it('past 30 days reads changed transactions with a query (no Active filter, which they lack)', async () => {
    const since = new Date(sandbox.clock.now() - 31 * 86_400_000).toISOString();
    const posted = await client.create(
      'VendorCredit',
      {
        VendorRef: { value: f.vendor('Bluebonnet Snacks') },
        Line: [expenseLine(1_250, f.account('Cost of Merchandise'))],
      },
      { requestId: rid() },
    );
    const changes = await client.changesSince(['VendorCredit', 'Vendor'], since);
    expect(changes.fallbacks).toEqual([
      { entity: 'VendorCredit', reason: 'older-than-30-days' },
      { entity: 'Vendor', reason: 'older-than-30-days' },
    ]);
    expect(changes.changed.VendorCredit?.map((r) => r.Id)).toContain(posted.Id);
    expect(changes.changed.Vendor?.some((v) => v.Active === false)).toBe(true);
  });
});

describe('name-list read options on transactions', () => {
  it('reads transactions with includeInactive as asked of a name list, counted and verified too', async () => {
    const all = await client.queryAll('JournalEntry', { includeInactive: true });
    expect(all.length).toBeGreaterThan(0);
    expect(await client.count('JournalEntry', { includeInactive: true })).toBe(all.length);
    const verified = await client.queryVerified('JournalEntry', { includeInactive: true });
    expect(verified.rows.map((r) => r.Id).sort()).toEqual(all.map((r) => r.Id).sort());
  });
});
