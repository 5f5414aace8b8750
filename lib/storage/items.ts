/**
 * Every storage item the extension keeps, declared once with its fallback and version.
 */
import type { TxnRow } from '@/lib/posting/plan';
import type { QboCompanyPrefs } from '@/lib/sync/qbo-company';
import { storage } from '#imports';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from './settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Reads the settings, repairing a damaged stored value with the defaults. */
export async function readSettings(): Promise<Settings> {
  const parsed = SettingsSchema.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** What the surfaces may know about a company's QBO connection. Tokens live in IndexedDB, not here. */
export interface ConnectionMeta {
  realmId: string;
  qboCompanyName: string;
  environment: Settings['environment'];
  connectedAt: string;
  /** The QBO company's settings the sync obeys, read at Connect and Reconnect (absent: not read). */
  qboPrefs?: QboCompanyPrefs;
}

export const connectionMetaItem = storage.defineItem<Record<string, ConnectionMeta>>('local:connectionMeta', {
  fallback: {},
  version: 1,
});

/**
 * Each connection's own settings by company key (company-settings.ts). Entries are `unknown` on
 * purpose: each is parsed on read, so one damaged entry falls back to the defaults alone.
 */
export const companySettingsItem = storage.defineItem<Record<string, unknown>>('local:companySettings', {
  fallback: {},
  version: 1,
});

/** Ignore Issues on transaction rows, per company key and row key: the issue and total ignored. */
export const transactionIgnoresItem = storage.defineItem<
  Record<string, Record<string, { code: string; totalCents: number }>>
>('local:transactionIgnores', { fallback: {}, version: 1 });

/**
 * Each company's last transaction rows, so the Transactions section opens on them after the worker
 * slept. Session storage: a browser restart reads the documents again, which the rows say they need.
 */
export const transactionRowsItem = storage.defineItem<Record<string, TxnRow[]>>('session:transactionRows', {
  fallback: {},
  version: 1,
});

/**
 * Each connection's last posting snapshot (lib/posting/ports.ts), so a run after the worker slept
 * reads only what changed. Session storage: a browser restart reads both sides whole again.
 */
export const postingSnapshotsItem = storage.defineItem<Record<string, unknown>>('session:postingSnapshots', {
  fallback: {},
  version: 1,
});
