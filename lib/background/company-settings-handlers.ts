/**
 * The answers to getCompanySettings and saveCompanySettings. A save recomputes the company's rows
 * from what was last read (directions, policy and income account decide what is planned), so the
 * table follows at once; its alarm follows through the storage item's watcher.
 */
import type { CompanyRow } from '@/lib/db';
import type { Handlers, Sender } from '@/lib/messaging/handle';
import type { CompanyTarget } from '@/lib/messaging/protocol';
import { checkCompanySettings } from '@/lib/storage/company-settings';
import type { CompanySettingsStore } from './company-settings-store';
import { targetOf } from './connected-companies';
import type { SyncTarget } from './sync-target';

type Resolve = (data: CompanyTarget, sender: Sender) => Promise<CompanyRow>;

export function createCompanySettingsHandlers(deps: {
  companySettings: CompanySettingsStore;
  resolve: Resolve;
  resolveForWrite: Resolve;
  refreshRows: (target: SyncTarget) => Promise<boolean>;
}): Pick<Handlers, 'getCompanySettings' | 'saveCompanySettings'> {
  return {
    async getCompanySettings(data, sender) {
      return deps.companySettings.read((await deps.resolve(data, sender)).key);
    },
    async saveCompanySettings(data, sender) {
      const company = await deps.resolveForWrite(data, sender);
      let own = null;
      if (data.settings) {
        const checked = checkCompanySettings(data.settings);
        if (!checked.ok) return checked;
        own = checked.settings;
      }
      const saved = await deps.companySettings.save(company.key, own, { confirmSetup: data.confirmSetup ?? false });
      if (!saved.ok) return { ok: false, errors: { form: saved.message } };
      // Saved all the same when the rows cannot be recomputed now: the next run plans with the new values.
      await deps.refreshRows(targetOf(company)).catch(() => false);
      return { ok: true, ...saved.view };
    },
  };
}
