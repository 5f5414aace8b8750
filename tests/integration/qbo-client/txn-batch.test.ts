import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QboSandbox } from '@/sandbox/qbo/index';
import {
  deleteBody,
  fullUpdateBody,
  QboApiError,
  QboNotFoundError,
  QboStaleObjectError,
  type BatchItem,
  type QboClient,
  type QboJournalEntry,
} from '@/lib/qbo';
import { clientFor, counters, startSandbox } from './harness';
import { expenseLine, journalLine, loadTxnFixtures, type TxnFixtures } from './txn-fixtures';

let sandbox: QboSandbox;
let realmId: string;
let client: QboClient;
let f: TxnFixtures;

beforeAll(async () => {
  sandbox = await startSandbox([{ seed: 'convenience-store' }]);
  realmId = sandbox.realmIds[0]!;
  client = clientFor(sandbox, realmId).client;
  f = await loadTxnFixtures(client);
});
afterAll(() => sandbox.stop());

const journal = (docNumber: string, debit: number, credit = debit) => ({
  DocNumber: docNumber,
  TxnDate: '2025-05-10',
  Line: [
    journalLine('Debit', debit, f.account('Store Safe')),
    journalLine('Credit', credit, f.account('Merchandise Sales:Grocery')),
  ],
});
const vendorTxn = (docNumber: string, cents: number) => ({
  DocNumber: docNumber,
  TxnDate: '2025-05-10',
  VendorRef: { value: f.vendor('Central Texas Grocers Co-op') },
  Line: [expenseLine(cents, f.account('Cost of Merchandise'))],
});

describe('transactions in batch', () => {
  it('creates 32 mixed transactions in two calls; the one refused does not hide the others', async () => {
    const items: BatchItem<string>[] = Array.from({ length: 32 }, (_, i) => {
      const doc = `B-${i}`;
      if (i === 17) return { key: doc, operation: 'create', entity: 'JournalEntry', body: journal(doc, 1000, 999) };
      if (i % 3 === 0) return { key: doc, operation: 'create', entity: 'JournalEntry', body: journal(doc, 100 + i) };
      if (i % 3 === 1) return { key: doc, operation: 'create', entity: 'Bill', body: vendorTxn(doc, 200 + i) };
      return { key: doc, operation: 'create', entity: 'VendorCredit', body: vendorTxn(doc, 300 + i) };
    });
    const batchesBefore = counters(sandbox, realmId).byTag.batch ?? 0;
    const outcomes = await client.batch(items, { requestId: 'txn-batch-create' });
    expect((counters(sandbox, realmId).byTag.batch ?? 0) - batchesBefore).toBe(2);

    expect(outcomes.map((o) => o.key)).toEqual(items.map((i) => ('key' in i ? i.key : '')));
    const refused = outcomes.filter((o) => !o.ok);
    expect(refused.map((o) => o.key)).toEqual(['B-17']);
    const error = (refused[0] as { error: Error }).error;
    expect(error).toBeInstanceOf(QboApiError);
    expect(error).toMatchObject({ code: '2300', message: 'Amount on debits not equal to credits' });
    expect((error as QboApiError).detail).toMatch(/10\.00.*9\.99|9\.99.*10\.00/);

    for (const [i, outcome] of outcomes.entries()) {
      if (i === 17) continue;
      const entity = i % 3 === 0 ? 'JournalEntry' : i % 3 === 1 ? 'Bill' : 'VendorCredit';
      expect(outcome).toMatchObject({ ok: true, entity, value: { DocNumber: `B-${i}` } });
    }
    const bills = await client.queryTxns('Bill', { docNumbers: items.map((i) => ('key' in i ? String(i.key) : '')) });
    expect(bills.map((b) => b.DocNumber).sort()).toEqual(
      ['B-1', 'B-4', 'B-7', 'B-10', 'B-13', 'B-16', 'B-19', 'B-22', 'B-25', 'B-28', 'B-31'].sort(),
    );
  });

  it('updates with full bodies and deletes in one batch, a stale SyncToken failing alone', async () => {
    const created = await client.batch(
      ['U-1', 'U-2', 'U-3', 'U-4'].map((doc) => ({
        key: doc,
        operation: 'create' as const,
        entity: 'JournalEntry' as const,
        body: { ...journal(doc, 4200), PrivateNote: 'before' },
      })),
      { requestId: 'txn-batch-seed' },
    );
    const [one, two, three, four] = created.map((o) => (o.ok ? (o.value as QboJournalEntry) : undefined));
    expect([one, two, three, four].every(Boolean)).toBe(true);

    const outcomes = await client.batch(
      [
        {
          key: 'update',
          operation: 'update',
          entity: 'JournalEntry',
          body: fullUpdateBody(one!, journal('U-1', 4300)),
        },
        { key: 'delete', operation: 'delete', entity: 'JournalEntry', body: deleteBody(two!) },
        { key: 'stale', operation: 'delete', entity: 'JournalEntry', body: deleteBody({ ...three!, SyncToken: '7' }) },
        { key: 'find', query: "SELECT * FROM JournalEntry WHERE DocNumber = 'U-4'" },
      ],
      { requestId: 'txn-batch-change' },
    );
    expect(outcomes[0]).toMatchObject({ key: 'update', ok: true, value: { Id: one!.Id, SyncToken: '1' } });
    expect((outcomes[0] as { value: QboJournalEntry }).value.PrivateNote).toBeUndefined();
    expect(outcomes[1]).toMatchObject({ key: 'delete', ok: true, value: { Id: two!.Id, status: 'Deleted' } });
    expect(outcomes[2]).toMatchObject({ key: 'stale', ok: false });
    expect((outcomes[2] as { error: Error }).error).toBeInstanceOf(QboStaleObjectError);
    expect(outcomes[3]).toMatchObject({ key: 'find', ok: true, value: { JournalEntry: [{ Id: four!.Id }] } });

    await expect(client.read('JournalEntry', two!.Id)).rejects.toBeInstanceOf(QboNotFoundError);
    expect((await client.read('JournalEntry', three!.Id)).SyncToken).toBe('0');
  });
});
