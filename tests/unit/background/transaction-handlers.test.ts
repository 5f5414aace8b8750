import { describe, expect, it, vi } from 'vitest';
import type { PostingService } from '@/lib/background/posting-service';
import { createTransactionHandlers, transactionCounts } from '@/lib/background/transaction-handlers';
import type { CompanyRow } from '@/lib/db';
import type { Sender } from '@/lib/messaging/handle';
import { PAYLOADS } from '@/lib/messaging/payloads';
import type { TxnRow } from '@/lib/posting/plan';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';

const company: CompanyRow = {
  key: 'https://03.cstoreoffice.com|42',
  origin: 'https://03.cstoreoffice.com',
  companyId: '42',
  companyName: 'Speedy Stop LLC',
  lastSeenAt: '',
};
const sender = { id: 'ext', url: 'https://03.cstoreoffice.com/audit' } as Sender;

const error: TxnRow = {
  key: 'day:2',
  kind: 'day',
  date: '2026-11-02',
  station: 'Main St',
  document: 'MAIN-20261102',
  totalCents: 100,
  qboEntity: 'JournalEntry',
  qboId: '12',
  status: 'error',
  statusText: 'Synchronization Error',
  issue: { code: 'unbalanced', title: 'Does not balance', detail: '' },
  opIds: [],
};

function setup(read: boolean) {
  const markers = { 'day:2': { code: 'unbalanced', totalCents: 100 } };
  const posting = {
    rows: vi.fn(async () => (read ? { rows: [error], markers } : null)),
    synchronize: vi.fn(async () => ({ outcome: 'success', message: 'ok', shown: { rows: [error], markers: {} } })),
  } as unknown as PostingService;
  const resolveForWrite = vi.fn(async () => company);
  const handlers = createTransactionHandlers({
    posting,
    meta: { get: async () => ({ realmId: '9130' }) } as never,
    readSettings: async () => ({ ...DEFAULT_SETTINGS, environment: 'sandbox' }),
    resolve: async () => company,
    resolveForWrite,
  });
  return { handlers, posting, resolveForWrite };
}

describe('the Transactions messages', () => {
  it('answers the rows last read, shaped with their QuickBooks links and ignores', async () => {
    const { handlers } = setup(true);
    const reply = await handlers.getTransactions({ companyId: '42' }, sender);
    expect(reply.read).toBe(true);
    expect(reply.rows[0]).toMatchObject({
      qboUrl: 'https://app.sandbox.qbo.intuit.com/app/journal?txnId=12&companyId=9130',
      statusText: 'Synchronized (ignored)',
    });
  });

  it('says when nothing was read yet, instead of an empty table that looks final', async () => {
    const { handlers } = setup(false);
    expect(await handlers.getTransactions({ companyId: '42' }, sender)).toEqual({ rows: [], read: false });
  });

  it('checks the company for a write, and passes the selection and who asked', async () => {
    const { handlers, posting, resolveForWrite } = setup(true);
    await handlers.synchronizeTransactions({ companyId: '42', selection: ['day:2'], user: 'Pat' }, sender);
    expect(resolveForWrite).toHaveBeenCalled();
    expect(posting.synchronize).toHaveBeenCalledWith(expect.objectContaining({ key: company.key }), {
      trigger: 'user',
      who: 'Pat',
      selection: ['day:2'],
    });
  });

  it('counts an ignored error as synchronized for the popup', async () => {
    expect(await transactionCounts(setup(true).posting, company)).toEqual({ synchronized: 1, waiting: 0, errors: 0 });
    expect(await transactionCounts(setup(false).posting, company)).toBeNull();
  });

  it('refuses a tie-out period that ends before it starts, or is not a date', () => {
    const check = (from: string, to: string) =>
      PAYLOADS.tieOutTransactions.safeParse({ companyId: '42', from, to }).success;
    expect(check('2026-11-01', '2026-11-30')).toBe(true);
    expect(check('2026-11-30', '2026-11-01')).toBe(false);
    expect(check('November', '2026-11-30')).toBe(false);
  });
});
