/**
 * Builds one company's sync engine from its adapters: the CStoreOffice client on the company's own
 * origin (the signed-in user's session cookie goes along), the QBO client of its connection, and the
 * Dexie stores scoped to the company.
 */
import {
  type CsoClient,
  createCsoClient,
  createCsoDecisionBoard,
  createCsoLinkMirror,
  createCsoSource,
} from '@/lib/cso';
import { type AppDb, createJournal, createLinkStore, createStateStore, type RowStore } from '@/lib/db';
import { QboThrottleError, ReconnectNeededError, createQboSource } from '@/lib/qbo';
import { type CompanySettings, enabledTypesOf } from '@/lib/storage/company-settings';
import { type Progress, type StateStore, type SyncEngine, type SyncEngineOptions, createSyncEngine } from '@/lib/sync';
import type { ConnectionMetaStore } from './connect-service';
import type { QboAccess } from './qbo-access';
import type { EngineOverrides, RunWait, SyncTarget } from './sync-target';

export function createEngineFactory(deps: {
  db: AppDb;
  /** The background's row store: Clear Sync History deletes the rows it indexes. */
  rows: RowStore;
  access: QboAccess;
  meta: ConnectionMetaStore;
  /** The company's own settings, or the options' values it follows. */
  companySettings: (key: string) => Promise<CompanySettings>;
  /** fetch for CStoreOffice: sends the user's session cookie. */
  csoFetch: typeof fetch;
}) {
  const csoClients = new Map<string, CsoClient>();
  const csoClient = (origin: string) => {
    let client = csoClients.get(origin);
    if (!client) csoClients.set(origin, (client = createCsoClient({ baseUrl: origin, fetch: deps.csoFetch })));
    return client;
  };

  // A found account keeps its QBO id, so the mirror is read for it once, not on every engine build.
  const incomeAccounts = new Map<string, string>();
  const incomeAccountFor = async (
    key: string,
    realmId: string,
    state: StateStore,
    name: string,
  ): Promise<string | null> => {
    const cacheKey = `${key}|${realmId}|${name.trim().toLowerCase()}`;
    const known = incomeAccounts.get(cacheKey);
    if (known) return known;
    const found = await findIncomeAccount(state, name);
    if (found) incomeAccounts.set(cacheKey, found);
    return found;
  };

  return async function buildEngine(
    target: SyncTarget,
    onProgress: (progress: Progress) => void,
    onWait?: (wait: RunWait) => void,
    overrides: EngineOverrides = {},
  ): Promise<SyncEngine> {
    const meta = await deps.meta.get(target.key);
    if (!meta)
      throw new ReconnectNeededError('This company is not connected to QuickBooks Online. Click Connect to QBO first.');
    const saved = await deps.companySettings(target.key);
    const settings = overrides.directions
      ? { ...saved, directions: { ...saved.directions, ...overrides.directions } }
      : saved;
    const state = createStateStore(deps.db, target.key, deps.rows);
    const defaultIncomeAccountId = await incomeAccountFor(
      target.key,
      meta.realmId,
      state,
      settings.defaultIncomeAccount,
    );
    const qbo = await deps.access.client(
      target.key,
      meta.realmId,
      onWait ? { onRetry: ({ delayMs, error }) => onWait(qboWait(delayMs, error)) } : {},
    );
    // CStoreOffice holds the links (contract v1.3); IndexedDB's copy is a cache of them.
    const client = csoClient(target.origin);
    const linkMirror = createCsoLinkMirror({ client, companyId: target.companyId, realmId: meta.realmId });
    return createSyncEngine(
      {
        cso: createCsoSource({ client, companyId: target.companyId, links: linkMirror }),
        linkMirror,
        decisions: createCsoDecisionBoard({ client, companyId: target.companyId, realmId: meta.realmId }),
        qbo: createQboSource({ client: qbo, defaultIncomeAccountId }),
        links: createLinkStore(deps.db, target.key),
        state,
        journal: createJournal(deps.db, target.key),
        clock: { now: () => new Date() },
      },
      {
        realmId: meta.realmId,
        defaultIncomeAccountId,
        ...engineOptionsOf(settings),
        ...(meta.qboPrefs ? { qboPrefs: meta.qboPrefs } : {}),
        onProgress,
      },
    );
  };
}

/** What the company's settings decide of a run: its policy, and the types it writes and which way. */
export function engineOptionsOf(
  settings: CompanySettings,
): Required<Pick<SyncEngineOptions, 'policy' | 'directions' | 'enabledTypes' | 'qboOnlyVendorType'>> {
  const enabledTypes = enabledTypesOf(settings.directions);
  return {
    policy: settings.conflictPolicy,
    directions: settings.directions,
    enabledTypes,
    // A vendor found only in QBO is created as the vendor kind the user synchronizes.
    qboOnlyVendorType:
      enabledTypes.includes('accountingVendor') || !enabledTypes.includes('priceBookVendor')
        ? 'accountingVendor'
        : 'priceBookVendor',
  };
}

/** The QBO income account named in the company's settings, from the last read of QBO (none before the first). */
async function findIncomeAccount(state: StateStore, name: string): Promise<string | null> {
  const wanted = name.trim().toLowerCase();
  if (!wanted) return null;
  const accounts = (await state.load()).qbo.Account ?? [];
  const match = accounts.find((a) => a.active && a.name.trim().toLowerCase() === wanted);
  return match?.id ?? null;
}

/** A wait before QBO is asked again, in the user's words: throttling is QuickBooks' request, the rest a retry. */
function qboWait(delayMs: number, error: unknown): RunWait {
  const why =
    error instanceof QboThrottleError
      ? 'QuickBooks asked to slow down (too many requests)'
      : 'QuickBooks did not answer properly';
  return { why, delayMs };
}
