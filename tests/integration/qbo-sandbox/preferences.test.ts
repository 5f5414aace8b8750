// Preferences over raw HTTP: read, sparse and full update under the SyncToken, and what a new
// company's preferences do to Class, Department and AcctNum writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultOf, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ realms: [{ seed: 'new-company' }] });
});
afterAll(() => h.sb.stop());

const read = async () => (await h.expectJson(h.get('preferences'), 200)).Preferences;
const setSwitches = (switches: Record<string, boolean>) => h.expectJson(h.control('PUT', 'switches', switches), 200);

describe('reading Preferences', () => {
  it('answers {"Preferences": {...}, "time"} with the record at SyncToken 0', async () => {
    const body = await h.expectJson(h.get('preferences?minorversion=75'), 200);
    expect(Object.keys(body).sort()).toEqual(['Preferences', 'time']);
    expect(body.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}-07:00$/);
    expect(body.Preferences).toMatchObject({ Id: '1', SyncToken: '0', domain: 'QBO', sparse: false });
    expect(body.Preferences.MetaData.CreateTime).toMatch(/-07:00$/);
  });

  it('shows a new company without class or location tracking and without account numbers', async () => {
    expect((await read()).AccountingInfoPrefs).toMatchObject({
      ClassTrackingPerTxn: false,
      ClassTrackingPerTxnLine: false,
      TrackDepartments: false,
      DepartmentTerminology: 'Location',
      UseAccountNumbers: false,
    });
  });

  it('shows the convenience store with classes, locations and account numbers on', async () => {
    const store = await startHarness();
    try {
      const prefs = (await store.expectJson(store.get('preferences'), 200)).Preferences;
      expect(prefs.AccountingInfoPrefs).toMatchObject({
        ClassTrackingPerTxn: true,
        TrackDepartments: true,
        UseAccountNumbers: true,
      });
    } finally {
      await store.sb.stop();
    }
  });
});

describe('updating Preferences', () => {
  it('refuses an update without a SyncToken (2020) and one with a stale SyncToken (5010)', async () => {
    const before = await read();
    const missing = faultOf(await h.expectJson(h.post('preferences', { AccountingInfoPrefs: {} }), 400));
    expect(missing).toMatchObject({ code: '2020', Detail: 'Required parameter SyncToken is missing in the request' });
    const stale = faultOf(
      await h.expectJson(
        h.post('preferences', { SyncToken: '41', sparse: true, AccountingInfoPrefs: { TrackDepartments: true } }),
        400,
      ),
    );
    expect(stale).toMatchObject({ code: '5010', Message: 'Stale Object Error' });
    expect(await read()).toEqual(before);
  });

  it('refuses a property Preferences does not have (2010)', async () => {
    const { SyncToken } = await read();
    const error = faultOf(await h.expectJson(h.post('preferences', { SyncToken, sparse: true, Colour: 'red' }), 400));
    expect(error).toMatchObject({ code: '2010', element: 'Colour' });
  });

  it('changes only the fields a sparse update sends, and moves the SyncToken on', async () => {
    const before = await read();
    const body = await h.expectJson(
      h.post('preferences', {
        Id: '1',
        SyncToken: before.SyncToken,
        sparse: true,
        AccountingInfoPrefs: { TrackDepartments: true },
      }),
      200,
    );
    expect(Object.keys(body).sort()).toEqual(['Preferences', 'time']);
    expect(body.Preferences.SyncToken).toBe(String(Number(before.SyncToken) + 1));
    expect(body.Preferences.AccountingInfoPrefs).toEqual({ ...before.AccountingInfoPrefs, TrackDepartments: true });
    expect(body.Preferences.ProductAndServicesPrefs).toEqual(before.ProductAndServicesPrefs);
    expect(await read()).toEqual(body.Preferences);
  });

  it('replaces each group a full update sends and keeps the groups it leaves out', async () => {
    const before = await read();
    const sent = { ...before.AccountingInfoPrefs, ClassTrackingPerTxnLine: true };
    delete sent.CustomerTerminology;
    const after = (
      await h.expectJson(h.post('preferences', { SyncToken: before.SyncToken, AccountingInfoPrefs: sent }), 200)
    ).Preferences;
    expect(after.AccountingInfoPrefs).toEqual(sent);
    expect(after.CurrencyPrefs).toEqual(before.CurrencyPrefs);
  });
});

describe('writes a new company’s preferences affect', () => {
  it('by default accepts a Class and a Location while tracking is off, as Intuit documents no refusal', async () => {
    await h.expectJson(
      h.post('preferences', {
        SyncToken: (await read()).SyncToken,
        sparse: true,
        AccountingInfoPrefs: { ClassTrackingPerTxn: false, ClassTrackingPerTxnLine: false, TrackDepartments: false },
      }),
      200,
    );
    expect((await h.expectJson(h.post('class', { Name: 'Wash Bay' }), 200)).Class.Name).toBe('Wash Bay');
    expect((await h.expectJson(h.post('department', { Name: 'North Lot' }), 200)).Department.Name).toBe('North Lot');
  });

  it('with enforceTrackingPrefs refuses Class and Department writes until tracking is turned on', async () => {
    await setSwitches({ enforceTrackingPrefs: true });
    try {
      expect(faultOf(await h.expectJson(h.post('class', { Name: 'Detailing' }), 400)).code).toBe('6000');
      expect(faultOf(await h.expectJson(h.post('department', { Name: 'South Lot' }), 400)).code).toBe('6000');
      const { SyncToken } = await read();
      await h.expectJson(
        h.post('preferences', {
          SyncToken,
          sparse: true,
          AccountingInfoPrefs: { ClassTrackingPerTxnLine: true, TrackDepartments: true },
        }),
        200,
      );
      await h.expectJson(h.post('class', { Name: 'Detailing' }), 200);
      await h.expectJson(h.post('department', { Name: 'South Lot' }), 200);
    } finally {
      await setSwitches({ enforceTrackingPrefs: false });
    }
  });

  it('keeps an AcctNum by default, and with enforceAccountNumbersPref saves none while numbers are off', async () => {
    const kept = (await h.expectJson(h.post('account', { Name: 'Soap', AccountType: 'Expense', AcctNum: '6100' }), 200))
      .Account;
    expect(kept.AcctNum).toBe('6100');
    await setSwitches({ enforceAccountNumbersPref: true });
    try {
      const bare = (
        await h.expectJson(h.post('account', { Name: 'Water', AccountType: 'Expense', AcctNum: '6200' }), 200)
      ).Account;
      expect(bare.AcctNum).toBeUndefined();
      const renumbered = (
        await h.expectJson(
          h.post('account', { Id: kept.Id, SyncToken: kept.SyncToken, sparse: true, Name: 'Soap', AcctNum: '6101' }),
          200,
        )
      ).Account;
      expect(renumbered.AcctNum).toBe('6100');
    } finally {
      await setSwitches({ enforceAccountNumbersPref: false });
    }
  });
});
