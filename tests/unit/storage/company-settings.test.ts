import { describe, expect, it } from 'vitest';
import { createCompanySettingsStore } from '@/lib/background/company-settings-store';
import { ENTITY_TYPE_IDS } from '@/lib/entities';
import {
  type CompanySettingsInput,
  checkCompanySettings,
  companyDefaults,
  resolveCompanySettings,
} from '@/lib/storage/company-settings';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/storage/settings';

const A = 'https://03.cstoreoffice.com|1';
const B = 'https://03.cstoreoffice.com|2';

const own = (change: Partial<CompanySettingsInput> = {}): CompanySettingsInput => ({
  ...companyDefaults(DEFAULT_SETTINGS),
  ...change,
});

describe("a company's settings when it has none of its own", () => {
  it("are the options page's values, every checked type both ways and the setup unconfirmed", () => {
    const options: Settings = {
      ...DEFAULT_SETTINGS,
      conflictPolicy: 'qboWins',
      defaultIncomeAccount: 'Fuel Sales',
      autoSyncMinutes: 30,
      enabledTypes: ['account', 'customer'],
    };
    const { settings, isDefault } = resolveCompanySettings(undefined, 'realm-1', options);
    expect(isDefault).toBe(true);
    expect(settings).toMatchObject({
      conflictPolicy: 'qboWins',
      defaultIncomeAccount: 'Fuel Sales',
      autoSyncMinutes: 30,
      setupConfirmedAt: null,
    });
    expect(settings.directions.account).toBe('both');
    expect(settings.directions.customer).toBe('both');
    expect(settings.directions.class).toBe('off');
  });

  it.each([
    ['not an object', 'garbage'],
    [
      'an unknown direction',
      { realmId: 'realm-1', own: { ...own(), directions: { account: 'sideways' } }, setupConfirmedAt: null },
    ],
    [
      'a type missing its direction',
      { realmId: 'realm-1', own: { ...own(), directions: { account: 'both' } }, setupConfirmedAt: null },
    ],
    [
      'an interval below five minutes',
      { realmId: 'realm-1', own: own({ autoSyncMinutes: 2 }), setupConfirmedAt: null },
    ],
  ])('fall back to the defaults when the stored value is damaged (%s)', (_what, stored) => {
    expect(resolveCompanySettings(stored, 'realm-1', DEFAULT_SETTINGS)).toEqual({
      settings: { ...companyDefaults(DEFAULT_SETTINGS), setupConfirmedAt: null },
      isDefault: true,
    });
  });

  it('start from the defaults, unconfirmed, when the company is connected to another realm', () => {
    const stored = {
      realmId: 'realm-1',
      own: own({ conflictPolicy: 'csoWins' }),
      setupConfirmedAt: '2026-12-01T00:00:00.000Z',
    };
    expect(resolveCompanySettings(stored, 'realm-1', DEFAULT_SETTINGS).settings).toMatchObject({
      conflictPolicy: 'csoWins',
      setupConfirmedAt: '2026-12-01T00:00:00.000Z',
    });
    expect(resolveCompanySettings(stored, 'realm-2', DEFAULT_SETTINGS)).toMatchObject({
      settings: { conflictPolicy: 'report', setupConfirmedAt: null },
      isDefault: true,
    });
  });
});

describe('checking the company settings form', () => {
  it('refuses every type turned off, and a schedule QuickBooks would throttle, by field', () => {
    const allOff = Object.fromEntries(ENTITY_TYPE_IDS.map((id) => [id, 'off']));
    const result = checkCompanySettings({ ...own({ autoSyncMinutes: 3 }), directions: allOff });
    expect(result).toEqual({
      ok: false,
      errors: {
        directions: 'Choose at least one kind of entity to synchronize',
        autoSyncMinutes: 'Automatic sync runs at most every 5 minutes (or choose Off)',
      },
    });
  });
});

function setup(realms: Record<string, string | null> = { [A]: 'realm-1', [B]: 'realm-2' }) {
  let stored: Record<string, unknown> = {};
  let options = DEFAULT_SETTINGS;
  const store = createCompanySettingsStore({
    item: { getValue: async () => stored, setValue: async (value) => void (stored = value) },
    readSettings: async () => options,
    realmOf: async (key) => realms[key] ?? null,
    now: () => new Date('2026-12-05T01:00:00.000Z'),
  });
  return {
    store,
    realms,
    setOptions: (next: Settings) => (options = next),
    damage: (key: string) => (stored = { ...stored, [key]: { realmId: 42 } }),
  };
}

describe("the background's store of company settings", () => {
  it("keeps one company's choices for that company only", async () => {
    const { store } = setup();
    const choice = own({ conflictPolicy: 'newestWins', directions: { ...own().directions, customer: 'toQbo' } });
    await store.save(A, choice);
    expect(await store.read(A)).toEqual({ settings: { ...choice, setupConfirmedAt: null }, isDefault: false });
    expect(await store.read(B)).toMatchObject({ settings: { conflictPolicy: 'report' }, isDefault: true });
    expect((await store.read(B)).settings.directions.customer).toBe('both');
  });

  it('stamps the setup as confirmed, and keeps the stamp through later saves and a return to the defaults', async () => {
    const { store } = setup();
    await store.save(A, own(), { confirmSetup: true });
    await store.save(A, own({ autoSyncMinutes: 60 }));
    expect((await store.read(A)).settings).toMatchObject({
      autoSyncMinutes: 60,
      setupConfirmedAt: '2026-12-05T01:00:00.000Z',
    });
    await store.save(A, null);
    expect(await store.read(A)).toMatchObject({
      settings: { autoSyncMinutes: 15, setupConfirmedAt: '2026-12-05T01:00:00.000Z' },
      isDefault: true,
    });
  });

  it('follows the options page while the company has none of its own', async () => {
    const { store, setOptions } = setup();
    await store.save(B, own({ autoSyncMinutes: 60 }));
    setOptions({ ...DEFAULT_SETTINGS, autoSyncMinutes: 30 });
    expect((await store.read(A)).settings.autoSyncMinutes).toBe(30);
    expect((await store.read(B)).settings.autoSyncMinutes).toBe(60);
  });

  it('refuses to save for a company not connected to QuickBooks', async () => {
    const { store } = setup({ [A]: null });
    expect(await store.save(A, own())).toEqual({
      ok: false,
      message: 'Connect this company to QuickBooks Online first.',
    });
  });

  it('reads a damaged entry as the defaults, leaving the other companies alone', async () => {
    const { store, damage } = setup();
    await store.save(A, own({ conflictPolicy: 'csoWins' }));
    await store.save(B, own({ conflictPolicy: 'qboWins' }));
    damage(A);
    expect(await store.read(A)).toMatchObject({ settings: { conflictPolicy: 'report' }, isDefault: true });
    expect((await store.read(B)).settings.conflictPolicy).toBe('qboWins');
  });

  it('starts a company connected to a new realm from the defaults, unconfirmed', async () => {
    const { store, realms } = setup();
    await store.save(A, own({ conflictPolicy: 'csoWins' }), { confirmSetup: true });
    realms[A] = 'realm-9';
    expect(await store.read(A)).toMatchObject({
      settings: { conflictPolicy: 'report', setupConfirmedAt: null },
      isDefault: true,
    });
  });

  it('finds its settings again when the company is reconnected to the same realm', async () => {
    const { store, realms } = setup();
    await store.save(A, own({ conflictPolicy: 'csoWins' }), { confirmSetup: true });
    realms[A] = null;
    expect((await store.read(A)).isDefault).toBe(true);
    realms[A] = 'realm-1';
    expect(await store.read(A)).toMatchObject({
      settings: { conflictPolicy: 'csoWins', setupConfirmedAt: '2026-12-05T01:00:00.000Z' },
      isDefault: false,
    });
  });
});
