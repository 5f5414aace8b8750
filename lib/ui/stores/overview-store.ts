/**
 * The popup's state: every company seen, its connection and last sync, and live progress of runs
 * (from the status port, so a run started on the Audit page or by the alarm shows here too).
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { browser } from 'wxt/browser';
import { type CompanySummary, type Overview, type RunStatus, sendMessage } from '@/lib/messaging/protocol';
import type { StatusEvent } from '@/lib/messaging/status-port';
import { auditPageUrl } from '@/lib/ui/audit-url';
import { errorText } from '@/lib/ui/labels';

export const companyKey = (c: { origin: string; companyId: string }) => `${c.origin}|${c.companyId}`;

export const useOverviewStore = defineStore('overview', () => {
  const overview = ref<Overview | null>(null);
  const error = ref<string | null>(null);
  const runs = ref<Record<string, RunStatus>>({});
  const busy = ref<Record<string, string>>({});
  /** The last words about each company's action (a result or an error), shown on its card. */
  const messages = ref<Record<string, { severity: 'success' | 'warn' | 'error'; text: string }>>({});

  async function load() {
    try {
      overview.value = await sendMessage('getOverview', undefined);
      error.value = null;
      for (const c of overview.value.companies) if (c.running) runs.value[companyKey(c)] = c.running;
    } catch (e) {
      error.value = errorText(e);
    }
  }

  function replace(summary: CompanySummary) {
    if (!overview.value) return;
    const key = companyKey(summary);
    overview.value.companies = overview.value.companies.map((c) => (companyKey(c) === key ? summary : c));
  }

  function onEvent(event: StatusEvent) {
    if (event.type === 'run') {
      runs.value[companyKey(event.status)] = event.status;
      if (event.status.phase === 'done' || event.status.phase === 'failed') void load();
    } else if (event.type === 'company') {
      replace(event.summary);
    }
  }

  async function withBusy(company: CompanySummary, what: string, work: () => Promise<void>) {
    const key = companyKey(company);
    busy.value[key] = what;
    delete messages.value[key];
    try {
      await work();
    } catch (e) {
      messages.value[key] = { severity: 'error', text: errorText(e) };
    } finally {
      delete busy.value[key];
    }
  }

  const target = (c: CompanySummary) => ({ companyId: c.companyId, origin: c.origin });

  const syncNow = (c: CompanySummary) =>
    withBusy(c, 'sync', async () => {
      // A company with store days and invoices: the entities first, then its audited documents, in one run.
      const result = c.transactions
        ? await sendMessage('synchronizeTransactions', target(c))
        : await sendMessage('synchronize', target(c));
      messages.value[companyKey(c)] = {
        severity: result.outcome === 'success' ? 'success' : result.outcome === 'partial' ? 'warn' : 'error',
        text: result.message,
      };
      await load();
    });

  const connect = (c: CompanySummary) =>
    withBusy(c, 'connect', async () => {
      const reply = await sendMessage('connect', target(c));
      if (reply.ok) replace(reply.summary);
      else messages.value[companyKey(c)] = { severity: 'error', text: reply.message };
    });

  const disconnect = (c: CompanySummary) =>
    withBusy(c, 'disconnect', async () => {
      replace(await sendMessage('disconnect', target(c)));
    });

  async function openAuditPage(c: CompanySummary) {
    await browser.tabs.create({ url: auditPageUrl(c.origin, c.companyId) });
  }

  return { overview, error, runs, busy, messages, load, onEvent, syncNow, connect, disconnect, openAuditPage };
});
