/**
 * The background's answers to every message of the protocol. Each handler resolves which company
 * is meant (a content script may only speak for its own page's origin), then asks a service.
 */
import { type AppDb, type CompanyDirectory, type CompanyRow, companyKey, createRunHistory, historyToCsv, type RowStore } from '@/lib/db';
import type { TokenStore } from '@/lib/auth';
import type { Handlers, Sender } from '@/lib/messaging/handle';
import type { CompanySummary, CompanyTarget, PanelRowExportQuery } from '@/lib/messaging/protocol';
import type { Settings } from '@/lib/storage/settings';
import { summarizeCompany } from '@/lib/status/company-summary';
import type { ConnectService, ConnectionMetaStore } from './connect-service';
import { targetOf as target } from './connected-companies';
import { toCsv } from '@/lib/shared/csv';
import type { SyncService } from './sync-service';
import { qboWebBase, toHistoryEntry, toLastSync, toPanelRow } from './views';

export interface HandlerDeps {
  db: AppDb;
  /** The background's one row store: the sync service writes through it, so its index is current. */
  rows: RowStore;
  companies: CompanyDirectory;
  tokens: TokenStore;
  meta: ConnectionMetaStore;
  connect: ConnectService;
  sync: SyncService;
  readSettings: () => Promise<Settings>;
  openOptionsPage: () => Promise<void>;
  /** The companies CStoreOffice itself lists for the signed-in user at `origin` (its `/companies`). */
  auditableCompanies: (origin: string) => Promise<{ id: string; name: string }[]>;
  now?: () => number;
}

/** CStoreOffice could not be asked (signed out, offline): the company is neither confirmed nor refused. */
class UncheckedCompanyError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** How long CStoreOffice's word that the user may audit a company is taken before asking again. */
const VERIFIED_FOR_MS = 10 * 60_000;

const senderOrigin = (sender: Sender): string | null => {
  const url = sender.origin ?? sender.url;
  if (!url) return null;
  const origin = new URL(url).origin;
  return origin.startsWith('http') ? origin : null;
};

/**
 * Who pressed Synchronize, in words for History: the user the Audit page shows, or "You" from the
 * toolbar (an extension page: it cannot know the CStoreOffice user, and a name it sends is not taken).
 */
export function whoAsked(user: string | undefined, sender: Sender): string {
  if (!senderOrigin(sender)) return 'You (toolbar)';
  return user ?? 'A CStoreOffice user (name not shown on the Audit page)';
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { rows } = deps;
  const now = deps.now ?? Date.now;
  const verified = new Map<string, { name: string; at: number }>();

  /**
   * The page's word is not taken: the company id comes from the Audit page's DOM, which any page
   * script can change, so CStoreOffice's own list for the signed-in user decides, and names it.
   */
  async function auditable(origin: string, companyId: string): Promise<string> {
    const key = companyKey(origin, companyId);
    const known = verified.get(key);
    if (known && now() - known.at < VERIFIED_FOR_MS) return known.name;
    let listed: { id: string; name: string } | undefined;
    try {
      listed = (await deps.auditableCompanies(origin)).find((c) => c.id === companyId);
    } catch (error) {
      throw new UncheckedCompanyError(error);
    }
    if (!listed) throw new Error(`CStoreOffice does not list company ${companyId} among the companies your user may audit at ${new URL(origin).host}. Choose a company you may audit on the Audit page.`);
    verified.set(key, { name: listed.name, at: now() });
    return listed.name;
  }

  /** The company of a writing request: as `resolve`, and CStoreOffice must still list it for the user. */
  async function resolveForWrite(data: CompanyTarget, sender: Sender): Promise<CompanyRow> {
    const company = await resolve(data, sender);
    try {
      await auditable(company.origin, company.companyId);
    } catch (error) {
      if (error instanceof UncheckedCompanyError) throw new Error(`CStoreOffice could not confirm that your user may audit this company (${error.message}). Sign in to CStoreOffice, then try again; nothing was written.`);
      throw error;
    }
    return company;
  }

  async function resolve(data: CompanyTarget, sender: Sender): Promise<CompanyRow> {
    const own = senderOrigin(sender);
    // A content script speaks only for the CStoreOffice origin it runs on.
    const origin = own ?? data.origin;
    if (!origin) throw new Error('Which CStoreOffice site? The request names no origin.');
    if (own && data.origin && data.origin !== own) throw new Error('A page may only ask about its own CStoreOffice site.');
    const company = await deps.db.companies.get(companyKey(origin, data.companyId));
    if (!company) throw new Error('This company has not been opened on the Audit page yet. Open Transactions → Audit and choose it first.');
    return company;
  }

  async function summarize(company: CompanyRow, settings?: Settings): Promise<CompanySummary> {
    const [s, connection, meta, counts, last] = await Promise.all([
      settings ?? deps.readSettings(),
      deps.tokens.get(company.key),
      deps.meta.get(company.key),
      rows.countRows(company.key),
      createRunHistory(deps.db, company.key).list({ page: 0, pageSize: 1 }),
    ]);
    const state = !connection ? 'notConnected' : connection.status === 'reconnect-needed' ? 'reconnectNeeded' : 'connected';
    return summarizeCompany(
      company,
      {
        state,
        realmId: meta?.realmId ?? connection?.realmId ?? null,
        qboCompanyName: meta?.qboCompanyName ?? null,
        lastSync: toLastSync(last.entries[0]),
        counts: counts.byStatus,
        running: deps.sync.status(company.key),
      },
      s.environment,
    );
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

  return {
    async getOverview() {
      const settings = await deps.readSettings();
      const seen = await deps.companies.list();
      return { environment: settings.environment, companies: await Promise.all(seen.map((c) => summarize(c, settings))) };
    },
    async getCompany(data, sender) {
      const origin = senderOrigin(sender);
      if (!origin) throw new Error('Only the Audit page can report the company it shows.');
      // Shown with the page's name while CStoreOffice cannot be asked; writing waits for its word.
      const companyName = await auditable(origin, data.companyId).catch((error: unknown) => {
        if (error instanceof UncheckedCompanyError) return data.companyName;
        throw error;
      });
      return summarize(await deps.companies.remember({ ...data, companyName, origin }));
    },
    async connect(data, sender) {
      const company = await resolveForWrite(data, sender);
      const result = await deps.connect.connect(company.key);
      if (!result.ok) return result;
      // Reconnect to QBO also re-reads QuickBooks and recomputes every status.
      if (await deps.db.meta.get(company.key)) await deps.sync.action(target(company), 'reconnect', []);
      return { ok: true, summary: await summarize(company) };
    },
    async disconnect(data, sender) {
      const company = await resolve(data, sender);
      await deps.connect.disconnect(company.key);
      return summarize(company);
    },
    async getRows(data, sender) {
      const company = await resolve(data, sender);
      const [settings, meta, page] = await Promise.all([deps.readSettings(), deps.meta.get(company.key), rows.queryRows(company.key, data.query)]);
      const base = qboWebBase(settings);
      return { rows: page.rows.map((r) => toPanelRow(r, company, base, meta?.realmId ?? null)), total: page.total, counts: page.counts.byStatus };
    },
    async exportRows(data, sender) {
      const company = await resolve(data, sender);
      const all = await queryAll(company, data.query);
      return toCsv(
        ['Type', 'CSO Id', 'Name', 'QBO Id', 'Issue detail', 'Synchronization status'],
        all.map((r) => [r.typeLabel, r.csoId, r.name, r.qboId, r.issue ? `${r.issue.title}: ${r.issue.detail}` : '', r.statusText]),
      );
    },
    async preview(data, sender) {
      return deps.sync.preview(target(await resolve(data, sender)));
    },
    async synchronize(data, sender) {
      const company = await resolveForWrite(data, sender);
      return deps.sync.synchronize(target(company), { trigger: 'user', who: whoAsked(data.user, sender), ...(data.selection ? { selection: data.selection } : {}), ...(data.confirmDeletions ? { confirmDeletions: data.confirmDeletions } : {}), ...(data.confirmCreates ? { confirmCreates: true } : {}) });
    },
    async runAction(data, sender) {
      return deps.sync.action(target(await resolveForWrite(data, sender)), data.action, data.rowKeys);
    },
    async getHistory(data, sender) {
      const company = await resolve(data, sender);
      const [page, meta] = await Promise.all([createRunHistory(deps.db, company.key).list({ page: data.page, pageSize: data.pageSize }), deps.db.meta.get(company.key)]);
      const log = meta?.undoLog;
      const mark = log ? { runId: log.runId, undone: !!log.undone } : null;
      return { entries: page.entries.map((e) => toHistoryEntry(e, mark)), total: page.total };
    },
    async undoRun(data, sender) {
      const company = await resolveForWrite(data, sender);
      return deps.sync.undo(target(company), data.runId, whoAsked(data.user, sender));
    },
    async exportHistory(data, sender) {
      const company = await resolve(data, sender);
      return historyToCsv(await createRunHistory(deps.db, company.key).exportAll());
    },
    async openOptions() {
      await deps.openOptionsPage();
    },
  };
}
