import { describe, expect, it } from 'vitest';
import { postingPrefsOf } from '@/lib/background/posting-prefs';
import { nameTieOut } from '@/lib/background/tie-out-names';
import { countTxnRows, toTxnPanelRow } from '@/lib/background/txn-views';
import type { TxnRow } from '@/lib/posting/plan';
import type { QboCompanyPrefs } from '@/lib/sync/qbo-company';

const web = { base: 'https://app.sandbox.qbo.intuit.com/', realmId: '9130' };

const row = (over: Partial<TxnRow> = {}): TxnRow => ({
  key: 'invoice:7',
  kind: 'invoice',
  date: '2026-11-03',
  station: 'Main St',
  document: 'INV-7',
  totalCents: -500,
  qboEntity: 'VendorCredit',
  qboId: '88',
  status: 'synchronized',
  statusText: 'Synchronized',
  issue: null,
  opIds: [],
  ...over,
});

describe('transaction rows as the section shows them', () => {
  it('links each kind of posting to its QuickBooks page', () => {
    expect(toTxnPanelRow(row(), {}, web).qboUrl).toBe(
      'https://app.sandbox.qbo.intuit.com/app/vendorcredit?txnId=88&companyId=9130',
    );
    expect(toTxnPanelRow(row({ qboEntity: 'Bill' }), {}, web).qboUrl).toContain('/app/bill?txnId=88');
    expect(toTxnPanelRow(row({ qboEntity: 'JournalEntry' }), {}, web).qboUrl).toContain('/app/journal?txnId=88');
    expect(toTxnPanelRow(row({ qboEntity: null, qboId: null }), {}, web).qboUrl).toBeNull();
  });

  it('shows an ignored error as Synchronized (ignored) while its issue and total stay', () => {
    const issue = { code: 'unlinkedAccount', title: 'Account not linked', detail: '…' };
    const error = row({ status: 'error', statusText: 'Synchronization Error', issue });
    const markers = { 'invoice:7': { code: 'unlinkedAccount', totalCents: -500 } };
    expect(toTxnPanelRow(error, markers, web)).toMatchObject({ statusText: 'Synchronized (ignored)', ignored: true });
    expect(toTxnPanelRow({ ...error, totalCents: -501 }, markers, web).status).toBe('error');
  });

  it('counts synchronized, waiting and errors, leaving days not audited out', () => {
    const statuses = ['synchronized', 'waitingForCreation', 'waitingForDeletion', 'error', 'notSynced'] as const;
    expect(countTxnRows(statuses.map((status) => ({ status })))).toEqual({ synchronized: 1, waiting: 2, errors: 1 });
  });
});

describe('the QuickBooks preferences posting reads', () => {
  const prefs: QboCompanyPrefs = {
    classTracking: true,
    locationTracking: false,
    locationLabel: 'Location',
    accountNumbers: false,
    bookCloseDate: null,
  };

  it('takes tracking from the company, and the close date when the books are closed', () => {
    expect(postingPrefsOf(prefs)).toEqual({ tracking: { classes: true, locations: false }, bookCloseDate: null });
    const closed = { ...prefs, bookCloseDate: '2026-10-31' };
    expect(postingPrefsOf(closed).bookCloseDate).toBe('2026-10-31');
    expect(postingPrefsOf({ ...prefs, bookCloseDate: '' }).bookCloseDate).toBeNull();
  });
});

describe("the tie-out's names", () => {
  it('maps QuickBooks ids back through the links, and shows an unknown id as itself', () => {
    const records = {
      account: [{ id: 'a1', name: 'Fuel Sales' }],
      class: [],
      location: [{ id: 's1', name: 'Main St' }],
    };
    const links: Record<string, string> = { a1: '31', s1: '4' };
    const view = {
      records: (type: string) => (records[type as keyof typeof records] ?? []) as never,
      qboIdOf: (_type: string, id: string) => links[id] ?? null,
      qboAccountNamed: () => null,
    };
    const [line] = nameTieOut(
      [{ accountId: '31', classId: '9', departmentId: '4', csoCents: 100, qboCents: 90, differenceCents: -10 }],
      view,
    );
    expect(line).toEqual({
      account: 'Fuel Sales',
      className: '9',
      location: 'Main St',
      csoCents: 100,
      qboCents: 90,
      differenceCents: -10,
    });
  });
});
