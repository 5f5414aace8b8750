/**
 * The background's answers to every message of the protocol. Each handler resolves which company
 * is meant (a content script may only speak for its own page's origin), then asks a service.
 */
import {
  type CompanyDirectory,
  type CompanyRow,
  createRunHistory,
  historyToCsv,
  type RowStore,
  syncStateSummary,
} from '@/lib/db';
import type { TokenStore } from '@/lib/auth';
import type { Handlers } from '@/lib/messaging/handle';
import type { CompanySummary, PanelRowExportQuery } from '@/lib/messaging/protocol';
import type { Settings } from '@/lib/storage/settings';
import { summarizeCompany } from '@/lib/status/company-summary';
import type { ConnectService, ConnectionMetaStore } from './connect-service';
import { type CompanyAccessDeps, createCompanyAccess, whoAsked } from './company-access';
import { createCompanySettingsHandlers } from './company-settings-handlers';
import type { CompanySettingsStore } from './company-settings-store';
import { targetOf as target } from './connected-companies';
import { toCsv } from '@/lib/shared/csv';
import type { SyncService } from './sync-service';
import type { PostingService } from './posting-service';
import { createTransactionHandlers, transactionCounts, unavailableTransactions } from './transaction-handlers';
import { createHistoryReader, type RunLister } from './history-reader';
import { createLatestSharedRun } from './latest-shared-run';
import { qboWebBase, toLastSync, toPanelRow, typeLabelOf } from './views';

export interface HandlerDeps extends CompanyAccessDeps {
  /** The background's one row store: the sync service writes through it, so its index is current. */
  rows: RowStore;
  companies: CompanyDirectory;
  tokens: TokenStore;
  meta: ConnectionMetaStore;
  connect: ConnectService;
  sync: SyncService;
  /** Posting transactions; absent, the Transactions messages are not answered (tests of other parts). */
  posting?: PostingService;
  readSettings: () => Promise<Settings>;
  companySettings: CompanySettingsStore;
  openOptionsPage: () => Promise<void>;
  /** CStoreOffice's run history at an origin, merged into History; absent, History is this browser's only. */
  runs?: (origin: string) => RunLister;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { rows } = deps;
  const { resolve, resolveForWrite, pageCompanyName } = createCompanyAccess(deps);
  const history = createHistoryReader({
    ...(deps.runs ? { client: deps.runs } : {}),
    history: (key) => createRunHistory(deps.db, key),
    undoMark: async (key) => (await syncStateSummary(deps.db, key)).undo,
  });
  const latest = deps.runs ? createLatestSharedRun({ client: deps.runs, now: () => Date.now() }) : null;

  async function summarize(company: CompanyRow, settings?: Settings): Promise<CompanySummary> {
    const [s, connection, meta, counts, last, sync] = await Promise.all([
      settings ?? deps.readSettings(),
      deps.tokens.get(company.key),
      deps.meta.get(company.key),
      rows.countRows(company.key),
      createRunHistory(deps.db, company.key).list({ page: 0, pageSize: 1 }),
      syncStateSummary(deps.db, company.key),
    ]);
    // Another bookkeeper's run is the company's last sync too (CStoreOffice's run history).
    const lastRun = latest && connection ? await latest.lastOf(company, last.entries[0]) : last.entries[0];
    const state = !connection
      ? 'notConnected'
      : connection.status === 'reconnect-needed'
        ? 'reconnectNeeded'
        : 'connected';
    const transactions = deps.posting ? await transactionCounts(deps.posting, company) : null;
    const summary = summarizeCompany(
      company,
      {
        state,
        realmId: meta?.realmId ?? connection?.realmId ?? null,
        qboCompanyName: meta?.qboCompanyName ?? null,
        lastSync: toLastSync(lastRun),
        counts: counts.byStatus,
        running: deps.sync.status(company.key),
        readState: deps.sync.reading(company.key) ? 'reading' : sync.read ? 'read' : 'notRead',
        lostReason: connection?.lostReason,
        qboPrefs: meta?.qboPrefs,
      },
      s.environment,
    );
    return transactions ? { ...summary, transactions } : summary;
  }

  async function queryAll(company: CompanyRow, query: PanelRowExportQuery) {
    const pageSize = 500;
    const all = [];
    for (let page = 0; ; page++) {
      const result = await rows.queryRows(company.key, { ...query, page, pageSize });
      all.push(...result.rows);
      if (result.rows.length < pageSize) return all;
    }
  }

  const transactionHandlers = deps.posting
    ? createTransactionHandlers({
        posting: deps.posting,
        meta: deps.meta,
        readSettings: deps.readSettings,
        resolve,
        resolveForWrite,
      })
    : null;

  return {
    ...(transactionHandlers ?? unavailableTransactions()),
    ...createCompanySettingsHandlers({
      companySettings: deps.companySettings,
      resolve,
      resolveForWrite,
      refreshRows: (t) => deps.sync.refreshRows(t),
    }),
    async getOverview() {
      const settings = await deps.readSettings();
      const seen = await deps.companies.list();
      return {
        environment: settings.environment,
        companies: await Promise.all(seen.map((c) => summarize(c, settings))),
      };
    },
    async getCompany(data, sender) {
      const { origin, companyName } = await pageCompanyName(data, sender);
      return summarize(await deps.companies.remember({ ...data, companyName, origin }));
    },
    async connect(data, sender) {
      const company = await resolveForWrite(data, sender);
      const result = await deps.connect.connect(company.key);
      if (!result.ok) return result;
      // Connect and Reconnect then read both sides and recompute every status by themselves, so the
      // table lists every row without another click. The reply does not wait: the surfaces show the
      // connection at once and follow the read through its status events.
      void deps.sync.reread(target(company));
      return { ok: true, summary: await summarize(company) };
    },
    async disconnect(data, sender) {
      const company = await resolve(data, sender);
      await deps.connect.disconnect(company.key);
      return summarize(company);
    },
    async getRows(data, sender) {
      const company = await resolve(data, sender);
      const [settings, meta, page] = await Promise.all([
        deps.readSettings(),
        deps.meta.get(company.key),
        rows.queryRows(company.key, data.query),
      ]);
      const base = qboWebBase(settings);
      return {
        rows: page.rows.map((r) => toPanelRow(r, company, base, meta?.realmId ?? null)),
        total: page.total,
        counts: page.counts.byStatus,
      };
    },
    async exportRows(data, sender) {
      const company = await resolve(data, sender);
      const all = await queryAll(company, data.query);
      return toCsv(
        ['Type', 'CSO Id', 'Name', 'QBO Id', 'Issue detail', 'Synchronization status'],
        all.map((r) => [
          typeLabelOf(r),
          r.csoId,
          r.name,
          r.qboId,
          r.issue ? `${r.issue.title}: ${r.issue.detail}` : '',
          r.statusText,
        ]),
      );
    },
    async preview(data, sender) {
      return deps.sync.preview(target(await resolve(data, sender)));
    },
    async previewSetup(data, sender) {
      return deps.sync.previewSetup(target(await resolve(data, sender)), data.directions);
    },
    async synchronize(data, sender) {
      const company = await resolveForWrite(data, sender);
      return deps.sync.synchronize(target(company), {
        trigger: 'user',
        who: whoAsked(data.user, sender),
        ...(data.selection ? { selection: data.selection } : {}),
        ...(data.confirmDeletions ? { confirmDeletions: data.confirmDeletions } : {}),
        ...(data.confirmCreates ? { confirmCreates: true } : {}),
      });
    },
    async runAction(data, sender) {
      return deps.sync.action(target(await resolveForWrite(data, sender)), data.action, data.rowKeys);
    },
    async getHistory(data, sender) {
      return history.page(target(await resolve(data, sender)), data.page, data.pageSize);
    },
    async undoRun(data, sender) {
      const company = await resolveForWrite(data, sender);
      return deps.sync.undo(target(company), data.runId, whoAsked(data.user, sender));
    },
    async exportHistory(data, sender) {
      return historyToCsv(await history.exportAll(target(await resolve(data, sender))));
    },
    async openOptions() {
      await deps.openOptionsPage();
    },
  };
}
