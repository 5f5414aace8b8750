// Company-wide rules on transactions: the books closing date (Preferences.AccountingInfoPrefs.
// BookCloseDate, set through the control API or POST /preferences) and class / location tracking.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { faultOf, startHarness, type Harness, type Json } from './harness';
import { expenseLine, journalLine, loadFixtures, type Fixtures } from './txn-fixtures';

let h: Harness;
let f: Fixtures;
beforeAll(async () => {
  h = await startHarness();
  f = await loadFixtures(h);
});
afterAll(() => h.sb.stop());
beforeEach(async () => {
  await h.control('PUT', `realms/${h.realm}/book-close-date`, { date: null });
  await h.control('PUT', 'switches', { enforceBookCloseDate: true, enforceTrackingPrefs: false });
});

const journal = (txnDate: string, extra: Json = {}) => ({
  TxnDate: txnDate,
  Line: [
    journalLine('Debit', 310.25, f.account('Store Safe')),
    journalLine('Credit', 310.25, f.account('Merchandise Sales:Grocery')),
  ],
  ...extra,
});
const bill = (txnDate: string) => ({
  TxnDate: txnDate,
  VendorRef: { value: f.vendor('Hill Country Beverage') },
  Line: [expenseLine(88, f.account('Cost of Merchandise'))],
});
const closeBooks = (date: string | null) =>
  h.expectJson(h.control('PUT', `realms/${h.realm}/book-close-date`, { date }), 200);
const PERIOD_CLOSED = { code: '6210', Message: 'Account Period Closed', Detail: 'The account period has closed. {1}' };

describe('books closing date', () => {
  it('shows in Preferences.AccountingInfoPrefs.BookCloseDate and moves the Preferences SyncToken', async () => {
    const before = (await h.expectJson(h.get('preferences'), 200)).Preferences;
    await closeBooks('2026-02-28');
    const after = (await h.expectJson(h.get('preferences'), 200)).Preferences;
    expect(after.AccountingInfoPrefs.BookCloseDate).toBe('2026-02-28');
    expect(after.AccountingInfoPrefs.TrackDepartments).toBe(true);
    expect(Number(after.SyncToken)).toBe(Number(before.SyncToken) + 1);
    await closeBooks(null);
    expect(
      (await h.expectJson(h.get('preferences'), 200)).Preferences.AccountingInfoPrefs.BookCloseDate,
    ).toBeUndefined();
    expect((await h.control('PUT', `realms/${h.realm}/book-close-date`, { date: '28/02/2026' })).status).toBe(400);
  });

  it('refuses creates dated on or before it (6210) and accepts the day after, for each entity', async () => {
    await closeBooks('2026-02-28');
    for (const [path, body] of [
      ['journalentry', journal],
      ['bill', bill],
      ['vendorcredit', bill],
    ] as const) {
      expect(faultOf(await h.expectJson(h.post(path, body('2026-02-28')), 400))).toMatchObject(PERIOD_CLOSED);
      expect(faultOf(await h.expectJson(h.post(path, body('2025-12-31')), 400)).code).toBe('6210');
      await h.expectJson(h.post(path, body('2026-03-01')), 200);
    }
  });

  it('refuses updating or deleting a transaction in the closed period, and moving one into it', async () => {
    const old = (await h.expectJson(h.post('journalentry', journal('2026-02-15')), 200)).JournalEntry;
    const open = (await h.expectJson(h.post('journalentry', journal('2026-03-01')), 200)).JournalEntry;
    await closeBooks('2026-02-28');
    const patch = (je: Json, extra: Json) =>
      h.post('journalentry', { Id: je.Id, SyncToken: je.SyncToken, sparse: true, ...extra });
    expect(faultOf(await h.expectJson(patch(old, { PrivateNote: 'late fix' }), 400)).code).toBe('6210');
    expect(faultOf(await h.expectJson(patch(old, { TxnDate: '2026-03-02' }), 400)).code).toBe('6210');
    expect(faultOf(await h.expectJson(patch(open, { TxnDate: '2026-02-27' }), 400)).code).toBe('6210');
    const remove = h.post('journalentry?operation=delete', { Id: old.Id, SyncToken: old.SyncToken });
    expect(faultOf(await h.expectJson(remove, 400)).code).toBe('6210');
    await h.expectJson(h.get(`journalentry/${old.Id}`), 200);
    await h.expectJson(patch(open, { PrivateNote: 'still open' }), 200);
  });

  it('is also set through POST /preferences, and the enforceBookCloseDate switch turns the refusal off', async () => {
    const prefs = (await h.expectJson(h.get('preferences'), 200)).Preferences;
    await h.expectJson(
      h.post('preferences', {
        Id: '1',
        SyncToken: prefs.SyncToken,
        sparse: true,
        AccountingInfoPrefs: { BookCloseDate: '2026-01-31' },
      }),
      200,
    );
    expect(faultOf(await h.expectJson(h.post('bill', bill('2026-01-31')), 400)).code).toBe('6210');
    await h.control('PUT', 'switches', { enforceBookCloseDate: false });
    await h.expectJson(h.post('bill', bill('2026-01-31')), 200);
  });
});

describe('class and location tracking on transactions (enforceTrackingPrefs)', () => {
  const turnOff = async (group: Json) => {
    const prefs = (await h.expectJson(h.get('preferences'), 200)).Preferences;
    await h.expectJson(
      h.post('preferences', { Id: '1', SyncToken: prefs.SyncToken, sparse: true, AccountingInfoPrefs: group }),
      200,
    );
  };
  const classLine = () => ({
    Line: [
      journalLine('Debit', 5, f.account('Store Safe'), { ClassRef: { value: f.klass('Store') } }),
      journalLine('Credit', 5, f.account('Merchandise Sales:Grocery')),
    ],
  });
  const locatedBill = () => ({
    ...bill('2026-03-02'),
    DepartmentRef: { value: f.department('Station 103 - Lakeside') },
  });

  it('accepts classes and locations whatever the preferences while the switch is off (the default)', async () => {
    await turnOff({ ClassTrackingPerTxn: false, ClassTrackingPerTxnLine: false, TrackDepartments: false });
    try {
      await h.expectJson(h.post('journalentry', classLine()), 200);
      await h.expectJson(h.post('bill', locatedBill()), 200);
    } finally {
      await turnOff({ ClassTrackingPerTxn: true, TrackDepartments: true });
    }
  });

  it('refuses a ClassRef while class tracking is off and a DepartmentRef while locations are off (6000)', async () => {
    await h.control('PUT', 'switches', { enforceTrackingPrefs: true });
    await h.expectJson(h.post('journalentry', classLine()), 200);
    await turnOff({ ClassTrackingPerTxn: false, ClassTrackingPerTxnLine: false, TrackDepartments: false });
    try {
      const klass = faultOf(await h.expectJson(h.post('journalentry', classLine()), 400));
      expect(klass).toMatchObject({ code: '6000' });
      expect(klass.Detail).toContain('Class tracking is turned off');
      const location = faultOf(await h.expectJson(h.post('bill', locatedBill()), 400));
      expect(location.Detail).toContain('Location tracking is turned off');
      const lineClass = {
        ...bill('2026-03-02'),
        Line: [expenseLine(1, f.account('Utilities'), { ClassRef: { value: f.klass('Fuel') } })],
      };
      expect(faultOf(await h.expectJson(h.post('vendorcredit', lineClass), 400)).code).toBe('6000');
    } finally {
      await turnOff({ ClassTrackingPerTxn: true, TrackDepartments: true });
    }
  });
});
