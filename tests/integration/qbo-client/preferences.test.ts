import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QboResponseError } from '@/lib/qbo';
import type { QboSandbox } from '@/sandbox/qbo/index';
import { clientFor, startSandbox } from './harness';

let sandbox: QboSandbox;
let store: string;
let fresh: string;

beforeAll(async () => {
  sandbox = await startSandbox([{ seed: 'convenience-store' }, { seed: 'new-company' }]);
  [store, fresh] = sandbox.realmIds as [string, string];
});
afterAll(() => sandbox.stop());

/** Changes a realm's Preferences the way QBO's settings page would: a sparse update under the SyncToken. */
async function updatePreferences(realmId: string, accountingInfo: Record<string, unknown>): Promise<void> {
  const url = `${sandbox.url}/v3/company/${realmId}/preferences`;
  const headers = { Authorization: `Bearer ${sandbox.mintToken(realmId).access_token}`, Accept: 'application/json' };
  const current = (await (await fetch(url, { headers })).json()) as { Preferences: { SyncToken: string } };
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      SyncToken: current.Preferences.SyncToken,
      sparse: true,
      AccountingInfoPrefs: accountingInfo,
    }),
  });
  expect(res.status).toBe(200);
}

describe('company preferences read through the client', () => {
  it('reads an established company that tracks classes and locations and numbers its accounts', async () => {
    expect(await clientFor(sandbox, store).client.companyPreferences()).toEqual({
      classTracking: true,
      locationTracking: true,
      locationLabel: 'Location',
      accountNumbers: true,
      bookCloseDate: null,
    });
  });

  it('reads a new company with tracking and account numbers off', async () => {
    expect(await clientFor(sandbox, fresh).client.companyPreferences()).toEqual({
      classTracking: false,
      locationTracking: false,
      locationLabel: 'Location',
      accountNumbers: false,
      bookCloseDate: null,
    });
  });

  it('sees the settings the company changed since: per-line classes, a renamed location list, numbers', async () => {
    const { client } = clientFor(sandbox, fresh);
    await updatePreferences(fresh, {
      ClassTrackingPerTxnLine: true,
      TrackDepartments: true,
      DepartmentTerminology: 'Store',
      UseAccountNumbers: true,
    });
    expect(await client.companyPreferences()).toEqual({
      classTracking: true,
      locationTracking: true,
      locationLabel: 'Store',
      accountNumbers: true,
      bookCloseDate: null,
    });
  });

  it('reads the books closing date, and null again once the books are reopened', async () => {
    const realmId = sandbox.addRealm({ seed: 'convenience-store' });
    const { client } = clientFor(sandbox, realmId);
    const closeBooks = async (date: string | null) => {
      const res = await fetch(`${sandbox.url}/__sandbox/realms/${realmId}/book-close-date`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ date }),
      });
      expect(res.status).toBe(200);
    };
    await closeBooks('2025-03-31');
    expect(await client.companyPreferences()).toMatchObject({ bookCloseDate: '2025-03-31', classTracking: true });
    await closeBooks(null);
    expect((await client.companyPreferences()).bookCloseDate).toBeNull();
    await updatePreferences(realmId, { BookCloseDate: '2025-04-30' });
    expect((await client.companyPreferences()).bookCloseDate).toBe('2025-04-30');
  });

  it('says which setting it could not read when an answer has the wrong shape', async () => {
    const realmId = sandbox.addRealm({ seed: 'new-company' });
    const prefs = sandbox.state.realms.get(realmId)!.preferences;
    prefs.data = { ...prefs.data, AccountingInfoPrefs: { TrackDepartments: 'yes' } };
    const read = clientFor(sandbox, realmId).client.companyPreferences();
    await expect(read).rejects.toBeInstanceOf(QboResponseError);
    await expect(read).rejects.toThrow(/company preferences.*AccountingInfoPrefs\.TrackDepartments/);
  });

  it('refuses an answer without AccountingInfoPrefs rather than guessing every setting off', async () => {
    const realmId = sandbox.addRealm({ seed: 'new-company' });
    const prefs = sandbox.state.realms.get(realmId)!.preferences;
    const { AccountingInfoPrefs: _dropped, ...rest } = prefs.data;
    prefs.data = rest;
    await expect(clientFor(sandbox, realmId).client.companyPreferences()).rejects.toThrow(
      /company preferences.*AccountingInfoPrefs/,
    );
  });
});
