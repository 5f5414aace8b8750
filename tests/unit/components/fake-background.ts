/**
 * A fake background for component tests: serves rows from memory with the same paging, sorting and
 * filtering contract as the real one, records every message, and lets a test push status events.
 */
import {
  ENTITY_TYPES,
  type EntityTypeId,
  SYNC_STATUS_IDS,
  SYNC_STATUS_LABELS,
  type SyncStatusId,
} from '@/lib/entities';
import type {
  CompanySummary,
  PanelRow,
  PanelRowExportQuery,
  PanelRowQuery,
  ProtocolMap,
} from '@/lib/messaging/protocol';
import type { StatusEvent } from '@/lib/messaging/status-port';
import { type CompanySettings, companyDefaults } from '@/lib/storage/company-settings';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';

const ORIGIN = 'https://03.cstoreoffice.com';

export function makeRow(i: number, over: Partial<PanelRow> = {}): PanelRow {
  const typeId: EntityTypeId = over.typeId ?? (['account', 'customer', 'class'] as const)[i % 3]!;
  const status: SyncStatusId = over.status ?? SYNC_STATUS_IDS[i % SYNC_STATUS_IDS.length]!;
  return {
    key: `${typeId}:${i}`,
    typeId,
    typeLabel: ENTITY_TYPES[typeId].label,
    csoId: String(1000 + i),
    qboId: status === 'waitingForCreation' ? null : String(i),
    name: `Entity ${String(i).padStart(3, '0')}`,
    qboName: null,
    status,
    statusText: SYNC_STATUS_LABELS[status],
    issue:
      status === 'error'
        ? {
            code: 'conflict',
            title: 'Changed on both sides',
            detail: 'Both sides changed the name.',
            remedies: ['keepCso', 'keepQbo', 'ignore'],
          }
        : null,
    ignored: false,
    csoUrl: `${ORIGIN}/entity/${1000 + i}`,
    qboUrl: status === 'waitingForCreation' ? null : `https://qbo.example/app/${i}`,
    ...over,
  };
}

export function createFakeBackground(rows: PanelRow[], summary: Partial<CompanySummary> = {}) {
  const calls: { type: keyof ProtocolMap; data: unknown }[] = [];
  let listener: ((event: StatusEvent) => void) | null = null;
  const company: CompanySummary = {
    companyId: '42',
    companyName: 'Speedy Stop LLC',
    origin: ORIGIN,
    state: 'connected',
    realmId: '9130',
    qboCompanyName: 'Speedy Stop Books',
    environment: 'sandbox',
    // A company that synchronized before: its first-sync setup is behind it (first-minutes tests start earlier).
    lastSync: { at: '2026-12-01T10:00:00Z', outcome: 'success', message: 'Nothing needed to change.' },
    counts: {
      synchronized: 0,
      waitingForCreation: 0,
      waitingForUpdate: 0,
      waitingForDeletion: 0,
      error: 0,
      notSynced: 0,
    },
    running: null,
    readState: 'read',
    lostReason: null,
    qboNotices: [],
    ...summary,
  };

  function query(q: PanelRowExportQuery): PanelRow[] {
    const f = q.filters ?? {};
    const search = f.search?.toLowerCase();
    const out = rows.filter(
      (r) =>
        (!f.types || f.types.includes(r.typeId)) &&
        (!f.statuses || f.statuses.includes(r.status)) &&
        (!search || `${r.name} ${r.csoId} ${r.qboId} ${r.issue?.detail ?? ''}`.toLowerCase().includes(search)),
    );
    if (q.sort) {
      const key = (r: PanelRow) =>
        ({
          type: r.typeLabel,
          csoId: r.csoId ?? '',
          name: r.name,
          qboId: r.qboId ?? '',
          issue: r.issue?.title ?? '',
          status: r.statusText,
        })[q.sort!.field];
      out.sort((a, b) => key(a).localeCompare(key(b)) * (q.sort!.dir === 'asc' ? 1 : -1));
    }
    return out;
  }

  // The company's own settings, as the background keeps them; null while it follows the options.
  const defaults: CompanySettings = { ...companyDefaults(DEFAULT_SETTINGS), setupConfirmedAt: null };
  let settings: CompanySettings | null = null;
  const settingsReply = () => ({ settings: settings ?? defaults, isDefault: settings === null });

  const handlers: { [K in keyof ProtocolMap]?: (data: never) => unknown } = {
    getCompanySettings: settingsReply,
    saveCompanySettings: (data: {
      settings: Omit<CompanySettings, 'setupConfirmedAt'> | null;
      confirmSetup?: boolean;
    }) => {
      const confirmed = data.confirmSetup ? '2026-12-05T09:00:00.000Z' : (settings ?? defaults).setupConfirmedAt;
      settings = data.settings ? { ...data.settings, setupConfirmedAt: confirmed } : null;
      if (!settings) defaults.setupConfirmedAt = confirmed;
      return { ok: true, ...settingsReply() };
    },
    // The first-sync setup's summary: a type turned off creates nothing.
    previewSetup: (data: { directions: Partial<Record<EntityTypeId, string>> }) => {
      const byType = [
        {
          typeId: 'account',
          typeLabel: 'Account',
          toQbo: { count: 2, names: ['Sales', 'Fuel'] },
          toCso: { count: 0, names: [] },
          links: 1,
        },
        {
          typeId: 'customer',
          typeLabel: 'Customer',
          toQbo: { count: 1, names: ['Acme'] },
          toCso: { count: 3, names: ['Quincy', 'Rita', 'Sam'] },
          links: 0,
        },
      ].filter((t) => data.directions[t.typeId as EntityTypeId] !== 'off');
      return { byType, creates: byType.reduce((n, t) => n + t.toQbo.count + t.toCso.count, 0) };
    },
    getCompany: () => company,
    getRows: (data: { query: PanelRowQuery }) => {
      const all = query(data.query);
      const start = data.query.page * data.query.pageSize;
      const counts = Object.fromEntries(SYNC_STATUS_IDS.map((s) => [s, rows.filter((r) => r.status === s).length]));
      return { rows: all.slice(start, start + data.query.pageSize), total: all.length, counts };
    },
    exportRows: (data: { query: PanelRowExportQuery }) =>
      query(data.query)
        .map((r) => r.name)
        .join('\n'),
    preview: () => ({
      counts: {
        createInQbo: 2,
        createInCso: 1,
        updateQbo: 0,
        updateCso: 0,
        deactivateInQbo: 0,
        deleteInCso: 0,
        link: 3,
      },
      errors: 1,
      keptOut: 2,
      total: 8,
    }),
    synchronize: () => ({ outcome: 'success', message: 'All done.', summary: { counts: {}, errors: 0, total: 0 } }),
    runAction: (data: { rowKeys: string[] }) => ({
      ok: true,
      changed: data.rowKeys.length,
      message: `${data.rowKeys.length} changed`,
    }),
    getHistory: () => ({ entries: [], total: 0, shared: null }),
    exportHistory: () => '',
    undoRun: () => ({
      ok: true,
      changed: 2,
      message: 'Undone: 2 restored. The next Synchronize copies what was restored to the other system.',
    }),
    getTransactions: () => ({ rows: [], read: false }),
    connect: () => ({ ok: true, summary: company }),
    disconnect: () => company,
  };

  return {
    calls,
    company,
    /** Tests replace an answer here (a history with entries, a refusal). */
    handlers,
    callsOf: (type: keyof ProtocolMap) => calls.filter((c) => c.type === type).map((c) => c.data),
    async sendMessage(type: keyof ProtocolMap, data: unknown) {
      calls.push({ type, data });
      const handler = handlers[type] as ((d: unknown) => unknown) | undefined;
      if (!handler) throw new Error(`No fake for ${type}`);
      return structuredClone(handler(data));
    },
    subscribeStatus(onEvent: (event: StatusEvent) => void) {
      listener = onEvent;
      return () => (listener = null);
    },
    emit(event: StatusEvent) {
      listener?.(event);
    },
  };
}
