/**
 * Each connection's own settings over their storage item (only the background writes it). The
 * realm comes from the connection, or from the links when disconnected, so an entry chosen for one
 * QBO company is never applied to another.
 */
import type { CompanySettingsReply } from '@/lib/messaging/protocol';
import {
  type CompanySettingsInput,
  type StoredCompanySettings,
  resolveCompanySettings,
} from '@/lib/storage/company-settings';
import type { Settings } from '@/lib/storage/settings';

export interface CompanySettingsItem {
  getValue(): Promise<Record<string, unknown>>;
  setValue(value: Record<string, unknown>): Promise<void>;
}

export type SaveOutcome = { ok: true; view: CompanySettingsReply } | { ok: false; message: string };

export function createCompanySettingsStore(deps: {
  item: CompanySettingsItem;
  readSettings: () => Promise<Settings>;
  /** The QBO realm of the company's connection (or of its links); null when it has neither. */
  realmOf: (key: string) => Promise<string | null>;
  now: () => Date;
}) {
  async function read(key: string): Promise<CompanySettingsReply> {
    const [all, realmId, options] = await Promise.all([deps.item.getValue(), deps.realmOf(key), deps.readSettings()]);
    return resolveCompanySettings(all[key], realmId, options);
  }

  return {
    read,

    /**
     * Stores the company's own values (null: follow the options again). `confirmSetup` stamps the
     * first-sync setup as confirmed; a confirmation once given is kept by later saves.
     */
    async save(
      key: string,
      own: CompanySettingsInput | null,
      opts: { confirmSetup?: boolean } = {},
    ): Promise<SaveOutcome> {
      const realmId = await deps.realmOf(key);
      if (!realmId) return { ok: false, message: 'Connect this company to QuickBooks Online first.' };
      const before = await read(key);
      const entry: StoredCompanySettings = {
        realmId,
        own,
        setupConfirmedAt: opts.confirmSetup ? deps.now().toISOString() : before.settings.setupConfirmedAt,
      };
      await deps.item.setValue({ ...(await deps.item.getValue()), [key]: entry });
      return { ok: true, view: await read(key) };
    },
  };
}

export type CompanySettingsStore = ReturnType<typeof createCompanySettingsStore>;
