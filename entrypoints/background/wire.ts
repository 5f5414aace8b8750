import { browser } from 'wxt/browser';
import { createAttention } from '@/lib/background/attention';
import { createAutoSync } from '@/lib/background/auto-sync';
import { createCompanySettingsStore } from '@/lib/background/company-settings-store';
import { createConnectService } from '@/lib/background/connect-service';
import { connectedTargets } from '@/lib/background/connected-companies';
import { createConnectionMetaStore } from '@/lib/background/connection-meta-store';
import { createEngineFactory } from '@/lib/background/engine-factory';
import { createHandlers } from '@/lib/background/handlers';
import { createHistoryShare } from '@/lib/background/history-share';
import { postedStoreFor } from '@/lib/background/posted-store';
import { createPostingEngineFactory } from '@/lib/background/posting-engine-factory';
import { createPostingService } from '@/lib/background/posting-service';
import { createItemIgnores } from '@/lib/background/txn-ignores';
import { keyedItem } from '@/lib/background/keyed-item';
import { createQboAccess } from '@/lib/background/qbo-access';
import { resumeUnfinishedRuns } from '@/lib/background/resume';
import { changesPlanning, refreshConnectedRows } from '@/lib/background/settings-effects';
import { createSyncService } from '@/lib/background/sync-service';
import {
  AppDb,
  createCompanyDirectory,
  createDbTokenStore,
  createRowStore,
  createRunHistory,
  syncStateSummary,
} from '@/lib/db';
import { registerHandlers } from '@/lib/messaging/handle';
import { PAYLOADS } from '@/lib/messaging/payloads';
import { onMessage } from '@/lib/messaging/protocol';
import { createStatusHub } from '@/lib/messaging/status-port';
import { CsoSignedOutError, createCsoClient } from '@/lib/cso';
import {
  companySettingsItem,
  connectionMetaItem,
  readSettings,
  settingsItem,
  transactionIgnoresItem,
  transactionRowsItem,
  postingSnapshotsItem,
} from '@/lib/storage/items';

/** Builds the background's adapters and services and registers its listeners. */
export function wireBackground(): void {
  const db = new AppDb();
  const tokens = createDbTokenStore(db);
  const meta = createConnectionMetaStore();
  const hub = createStatusHub();
  const access = createQboAccess({ readSettings, tokenStore: tokens, clock: { now: () => Date.now() } });
  // CStoreOffice's API takes the signed-in user's session cookie, exactly as its own pages do.
  const csoFetch: typeof fetch = (input, init) => fetch(input, { ...init, credentials: 'include' });

  const csoClient = (origin: string) => createCsoClient({ baseUrl: origin, fetch: csoFetch });

  const rows = createRowStore(db);
  const companySettings = createCompanySettingsStore({
    item: companySettingsItem,
    readSettings,
    // Disconnected, a company's settings are still those of the realm its links were made with.
    realmOf: async (key) => (await meta.get(key))?.realmId ?? (await db.meta.get(key))?.realmId ?? null,
    now: () => new Date(),
  });
  const settingsOf = async (key: string) => (await companySettings.read(key)).settings;
  const attention = createAttention({
    action: browser.action,
    notifications: browser.notifications,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    errorCount: async () => {
      let errors = 0;
      for (const company of await db.companies.toArray()) {
        if (await tokens.get(company.key)) errors += (await rows.countRows(company.key)).byStatus.error;
      }
      return errors;
    },
  });
  const buildEngine = createEngineFactory({ db, rows, access, meta, companySettings: settingsOf, csoFetch });
  const shareHistory = createHistoryShare({ client: csoClient });
  const sync = createSyncService({
    buildEngine,
    rows,
    history: (key) => createRunHistory(db, key),
    shareHistory,
    hub,
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    locks: navigator.locks,
    onRunEnd: (target, outcome, stopKind, trigger) => {
      void attention.refreshBadge();
      if (stopKind)
        void db.companies
          .get(target.key)
          .then((c) => attention.notifyStop(c?.companyName ?? target.companyId, stopKind, outcome.message));
      else if ((outcome.heldDeletions?.length || outcome.heldCreates) && trigger !== 'user') {
        const signature = [
          ...(outcome.heldDeletions ?? []).flatMap((h) => h.rows.map((r) => r.rowKey)),
          ...(outcome.heldCreates ? [`creates:${outcome.heldCreates.count}`] : []),
        ];
        void db.companies
          .get(target.key)
          .then((c) => attention.notifyHeld(c?.companyName ?? target.companyId, outcome.message, signature));
      }
    },
  });
  const posting = createPostingService({
    buildPosting: createPostingEngineFactory({
      meta,
      access,
      csoClient,
      buildEngine,
      postedStore: postedStoreFor,
      companySettings: settingsOf,
      stored: keyedItem(postingSnapshotsItem),
      // A batch requestid holds 36 characters with its chunk suffix: 32 hex digits leave room for it.
      newId: () => crypto.randomUUID().replaceAll('-', ''),
    }),
    sync,
    history: (key) => createRunHistory(db, key),
    shareHistory,
    ignores: createItemIgnores(keyedItem(transactionIgnoresItem)),
    rowCache: keyedItem(transactionRowsItem),
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    locks: navigator.locks,
  });
  const autoSync = createAutoSync({
    alarms: browser.alarms,
    schedule: async (key) => {
      const settings = await settingsOf(key);
      // A company that synchronized before this setup existed has had its first sync: it is set up.
      const setupConfirmed = settings.setupConfirmedAt !== null || (await syncStateSummary(db, key)).started;
      return { minutes: settings.autoSyncMinutes, setupConfirmed };
    },
    companies: () => db.companies.toArray(),
    connection: (key) => tokens.get(key),
    signedIn: async (company) => {
      try {
        await createCsoClient({ baseUrl: company.origin, fetch: csoFetch }).listCompanies();
        return true;
      } catch (error) {
        return !(error instanceof CsoSignedOutError);
      }
    },
    sync,
    posting,
  });
  const connect = createConnectService({
    access,
    meta,
    linkedRealm: async (key) => (await db.meta.get(key))?.realmId ?? null,
    companies: () => db.companies.toArray(),
    launchWebAuthFlow: (url) => browser.identity.launchWebAuthFlow({ url, interactive: true }),
    redirectUri: browser.identity.getRedirectURL(),
    now: () => new Date(),
  });

  browser.runtime.onConnect.addListener((port) => hub.attach(port));
  browser.alarms.onAlarm.addListener((alarm) => void autoSync.onAlarm(alarm.name));
  settingsItem.watch((next, before) => {
    void autoSync.reschedule();
    if (!changesPlanning(before, next)) return;
    void refreshConnectedRows({
      connected: () => connectedTargets(db, meta),
      refreshRows: (target) => sync.refreshRows(target),
      onError: (target, error) => console.warn(`Rows of ${target.key} not recomputed after the options changed`, error),
    });
  });
  connectionMetaItem.watch(() => void autoSync.reschedule());
  companySettingsItem.watch(() => void autoSync.reschedule());
  registerHandlers({
    onMessage,
    handlers: createHandlers({
      db,
      rows,
      companies: createCompanyDirectory(db, () => new Date()),
      tokens,
      meta,
      connect,
      sync,
      posting,
      readSettings,
      companySettings,
      openOptionsPage: () => browser.runtime.openOptionsPage(),
      auditableCompanies: (origin) => csoClient(origin).listCompanies(),
      runs: csoClient,
    }),
    payloads: PAYLOADS,
    extensionId: browser.runtime.id,
  });
  void resumeUnfinishedRuns({ db, meta, sync });
  void autoSync.reschedule();
  void attention.refreshBadge();
}
