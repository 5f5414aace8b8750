import { browser } from 'wxt/browser';
import { AppDb } from '@/lib/db/app-db';
import { createCompanyDirectory } from '@/lib/db/company-directory';
import { type Handlers, registerHandlers } from '@/lib/messaging/handle';
import { PAYLOADS } from '@/lib/messaging/payloads';
import { onMessage } from '@/lib/messaging/protocol';
import { NOT_CONNECTED, summarizeCompany } from '@/lib/status/company-summary';
import { readSettings } from '@/lib/storage/items';

/** Builds the background's adapters and registers its message handlers. */
export function wireBackground(): void {
  const db = new AppDb();
  const companies = createCompanyDirectory(db, () => new Date());

  const handlers: Handlers = {
    async getOverview() {
      const [settings, seen] = await Promise.all([readSettings(), companies.list()]);
      return {
        environment: settings.environment,
        companies: seen.map((company) => summarizeCompany(company, NOT_CONNECTED, settings.environment)),
      };
    },
    async getCompany(data, sender) {
      const origin = sender.origin ?? (sender.url ? new URL(sender.url).origin : 'unknown');
      const [settings, company] = await Promise.all([readSettings(), companies.remember({ ...data, origin })]);
      return summarizeCompany(company, NOT_CONNECTED, settings.environment);
    },
  };

  registerHandlers({ onMessage, handlers, payloads: PAYLOADS, extensionId: browser.runtime.id });
}
