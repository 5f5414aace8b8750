/**
 * Each company's own settings through the background: the messages the manager sends, and what a
 * company's engine is built with.
 */
import { describe, expect, it, vi } from 'vitest';
import { createCompanySettingsStore } from '@/lib/background/company-settings-store';
import { engineOptionsOf } from '@/lib/background/engine-factory';
import { createHandlers, type HandlerDeps } from '@/lib/background/handlers';
import { createCompanyDirectory, createRowStore } from '@/lib/db';
import type { Sender } from '@/lib/messaging/handle';
import { companyDefaults } from '@/lib/storage/company-settings';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { freshDb } from '../db/db-fixtures';

const ORIGIN = 'https://03.cstoreoffice.com';
const page = (id: string) => ({ url: `${ORIGIN}/app.php/accounting/audit?company=${id}` }) as Sender;
const defaults = companyDefaults(DEFAULT_SETTINGS);

async function setup() {
  const { db } = freshDb();
  const companies = createCompanyDirectory(db, () => new Date('2026-12-05T00:00:00Z'));
  for (const id of ['1', '2']) await companies.remember({ origin: ORIGIN, companyId: id, companyName: `Co ${id}` });
  let stored: Record<string, unknown> = {};
  const companySettings = createCompanySettingsStore({
    item: { getValue: async () => stored, setValue: async (value) => void (stored = value) },
    readSettings: async () => DEFAULT_SETTINGS,
    realmOf: async (key) => (key.endsWith('|1') ? 'realm-1' : key.endsWith('|2') ? 'realm-2' : null),
    now: () => new Date('2026-12-05T01:00:00.000Z'),
  });
  const refreshRows = vi.fn(async () => true);
  const deps = {
    db,
    rows: createRowStore(db),
    companies,
    tokens: { get: async () => undefined },
    meta: { get: async () => undefined, put: async () => {}, remove: async () => {} },
    connect: {},
    sync: { status: () => null, refreshRows },
    readSettings: async () => DEFAULT_SETTINGS,
    companySettings,
    openOptionsPage: async () => {},
    auditableCompanies: async () => [
      { id: '1', name: 'Co 1' },
      { id: '2', name: 'Co 2' },
    ],
  } as unknown as HandlerDeps;
  return { handlers: createHandlers(deps), companySettings, refreshRows };
}

describe('company settings messages', () => {
  it("saves one company's choice, answers it back, and leaves the other company on the defaults", async () => {
    const { handlers, refreshRows } = await setup();
    const choice = {
      ...defaults,
      conflictPolicy: 'csoWins' as const,
      directions: { ...defaults.directions, class: 'toCso' as const },
    };
    const reply = await handlers.saveCompanySettings({ companyId: '1', settings: choice }, page('1'));
    expect(reply).toMatchObject({ ok: true, isDefault: false, settings: { conflictPolicy: 'csoWins' } });
    expect(refreshRows).toHaveBeenCalledWith(expect.objectContaining({ companyId: '1' }));
    expect((await handlers.getCompanySettings({ companyId: '1' }, page('1'))).settings.directions.class).toBe('toCso');
    expect(await handlers.getCompanySettings({ companyId: '2' }, page('2'))).toMatchObject({
      settings: { conflictPolicy: 'report', setupConfirmedAt: null },
      isDefault: true,
    });
  });

  it('answers errors by field and saves nothing when a value is refused', async () => {
    const { handlers, refreshRows } = await setup();
    const reply = await handlers.saveCompanySettings(
      { companyId: '1', settings: { ...defaults, autoSyncMinutes: 1, conflictPolicy: 'coinFlip' as never } },
      page('1'),
    );
    expect(reply).toEqual({
      ok: false,
      errors: {
        autoSyncMinutes: 'Automatic sync runs at most every 5 minutes (or choose Off)',
        conflictPolicy: expect.any(String),
      },
    });
    expect(refreshRows).not.toHaveBeenCalled();
    expect((await handlers.getCompanySettings({ companyId: '1' }, page('1'))).isDefault).toBe(true);
  });

  it('confirms the first-sync setup with the options’ values, and keeps it when going back to them', async () => {
    const { handlers } = await setup();
    await handlers.saveCompanySettings({ companyId: '1', settings: defaults, confirmSetup: true }, page('1'));
    await handlers.saveCompanySettings({ companyId: '1', settings: { ...defaults, autoSyncMinutes: 60 } }, page('1'));
    const reply = await handlers.saveCompanySettings({ companyId: '1', settings: null }, page('1'));
    expect(reply).toMatchObject({
      ok: true,
      isDefault: true,
      settings: { autoSyncMinutes: 15, setupConfirmedAt: '2026-12-05T01:00:00.000Z' },
    });
  });
});

describe("a company's engine", () => {
  it("is built with the company's policy and directions, synchronizing only the types not turned off", () => {
    const options = engineOptionsOf({
      ...defaults,
      conflictPolicy: 'qboWins',
      directions: { ...defaults.directions, customer: 'toQbo', class: 'off', accountingVendor: 'off' },
      setupConfirmedAt: null,
    });
    expect(options.policy).toBe('qboWins');
    expect(options.directions.customer).toBe('toQbo');
    expect(options.enabledTypes).not.toContain('class');
    expect(options.enabledTypes).toContain('customer');
    // Accounting vendors are off: a vendor found only in QBO becomes a price book vendor.
    expect(options.qboOnlyVendorType).toBe('priceBookVendor');
  });
});
