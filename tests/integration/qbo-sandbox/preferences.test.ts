// Preferences over raw HTTP: read, and sparse and full update under the SyncToken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultOf, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ realms: [{ seed: 'new-company' }] });
});
afterAll(() => h.sb.stop());

const read = async () => (await h.expectJson(h.get('preferences'), 200)).Preferences;

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
