import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QboSandbox } from '@/sandbox/qbo/index';
import {
  QboApiError,
  QboDuplicateDocNumberError,
  QboNotFoundError,
  QboPeriodClosedError,
  type QboClient,
} from '@/lib/qbo';
import { clientFor, startSandbox } from './harness';
import { expenseLine, journalLine, loadTxnFixtures, type TxnFixtures } from './txn-fixtures';

let sandbox: QboSandbox;
let realmId: string;
let client: QboClient;
let f: TxnFixtures;
let seq = 0;
const rid = (): string => `fault-${(seq += 1)}`;

beforeAll(async () => {
  sandbox = await startSandbox([{ seed: 'convenience-store' }]);
  realmId = sandbox.realmIds[0]!;
  client = clientFor(sandbox, realmId).client;
  f = await loadTxnFixtures(client);
});
afterAll(() => sandbox.stop());

async function closeBooks(date: string | null): Promise<void> {
  const res = await fetch(`${sandbox.url}/__sandbox/realms/${realmId}/book-close-date`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ date }),
  });
  expect(res.status).toBe(200);
}

/** The error a write was refused with (the test fails if the write went through). */
async function refusal(write: Promise<unknown>): Promise<QboApiError> {
  const error = await write.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(QboApiError);
  return error as QboApiError;
}

const journal = (
  txnDate: string,
  lines = [
    journalLine('Debit', 31_025, f.account('Store Safe')),
    journalLine('Credit', 31_025, f.account('Merchandise Sales:Grocery')),
  ],
) => ({ TxnDate: txnDate, Line: lines });
const bill = (extra: Record<string, unknown> = {}) => ({
  TxnDate: '2025-05-20',
  VendorRef: { value: f.vendor('Hill Country Beverage') },
  Line: [expenseLine(8_800, f.account('Cost of Merchandise'))],
  ...extra,
});

describe('transaction faults come out typed, with code and detail', () => {
  it('debits not equal to credits: 2300', async () => {
    const error = await refusal(
      client.create(
        'JournalEntry',
        journal('2025-05-20', [
          journalLine('Debit', 10_000, f.account('Store Safe')),
          journalLine('Credit', 9_999, f.account('Merchandise Sales:Grocery')),
        ]),
        { requestId: rid() },
      ),
    );
    expect(error).toMatchObject({ status: 400, code: '2300', message: 'Amount on debits not equal to credits' });
    expect(error.detail).toMatch(/100\.00/);
  });

  it('a closed period refuses create, update and delete as QboPeriodClosedError', async () => {
    const before = await client.create('JournalEntry', journal('2025-03-15'), { requestId: rid() });
    const open = await client.create('Bill', bill({ TxnDate: '2025-04-01', DocNumber: 'OPEN-1' }), {
      requestId: rid(),
    });
    await closeBooks('2025-03-31');
    try {
      expect((await client.companyPreferences()).bookCloseDate).toBe('2025-03-31');
      const created = await refusal(client.create('JournalEntry', journal('2025-03-31'), { requestId: rid() }));
      expect(created).toBeInstanceOf(QboPeriodClosedError);
      expect(created).toMatchObject({
        code: '6210',
        message: 'Account Period Closed',
        detail: expect.stringMatching(/account period has closed/),
      });
      const updated = await refusal(
        client.replace('JournalEntry', before, journal('2025-04-02'), { requestId: rid() }),
      );
      expect(updated).toBeInstanceOf(QboPeriodClosedError);
      const redated = await refusal(
        client.replace('Bill', open, bill({ TxnDate: '2025-03-30', DocNumber: 'OPEN-1' }), { requestId: rid() }),
      );
      expect(redated).toBeInstanceOf(QboPeriodClosedError);
      const deleted = await refusal(client.delete('JournalEntry', before, { requestId: rid() }));
      expect(deleted).toBeInstanceOf(QboPeriodClosedError);

      const [inBatch] = await client.batch(
        [{ key: 'late', operation: 'create', entity: 'VendorCredit', body: bill({ TxnDate: '2025-01-02' }) }],
        { requestId: rid() },
      );
      expect(inBatch).toMatchObject({ ok: false, error: expect.any(QboPeriodClosedError) });
    } finally {
      await closeBooks(null);
    }
  });

  it('a bill number the vendor already used: 6140 naming the bill that has it', async () => {
    const first = await client.create('Bill', bill({ DocNumber: 'HCB-1001' }), { requestId: rid() });
    const error = await refusal(client.create('Bill', bill({ DocNumber: 'HCB-1001' }), { requestId: rid() }));
    expect(error).toBeInstanceOf(QboDuplicateDocNumberError);
    expect(error).toMatchObject({ code: '6140', message: 'Duplicate Document Number Error' });
    expect((error as QboDuplicateDocNumberError).existingTxnId).toBe(first.Id);
  });

  it('a reference to nothing: 2500 naming the element', async () => {
    const error = await refusal(
      client.create('Bill', bill({ Line: [expenseLine(100, '999999')] }), { requestId: rid() }),
    );
    expect(error).toMatchObject({ code: '2500', message: 'Invalid Reference Id' });
    expect(error.detail).toMatch(/999999 not found/);
  });

  it('a reference to an inactive vendor or account: 610, said to be inactive', async () => {
    for (const body of [
      bill({ VendorRef: { value: f.vendor('Old Ice Supplier') } }),
      bill({ Line: [expenseLine(100, f.account('Old Car Wash Equipment'))] }),
    ]) {
      const error = await refusal(client.create('Bill', body, { requestId: rid() }));
      expect(error).toBeInstanceOf(QboNotFoundError);
      expect(error).toMatchObject({ code: '610' });
      expect(error.detail).toMatch(/made inactive/);
    }
  });

  it.each([
    ['Accounts Receivable (A/R)', 'customer'],
    ['Accounts Payable (A/P)', 'vendor'],
  ])('a journal line on %s without a %s: 6000', async (account, who) => {
    const error = await refusal(
      client.create(
        'JournalEntry',
        journal('2025-05-20', [
          journalLine('Debit', 500, f.account('Store Safe')),
          journalLine('Credit', 500, f.account(account)),
        ]),
        { requestId: rid() },
      ),
    );
    expect(error.code).toBe('6000');
    expect(error.detail).toMatch(new RegExp(`must choose a ${who}`, 'i'));
  });
});
