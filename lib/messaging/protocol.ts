/**
 * Everything the popup, the options page and the Audit-page panel may ask of the background, in
 * one typed map. Each message's data is also described by a zod schema in payloads.ts, checked in
 * the background before any handler runs; the table's queries are typed from their schemas
 * (row-query-schema.ts). Nothing here ever carries a token.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { EntityTypeId, SyncStatusId } from '@/lib/entities';
import type { CompanySettings, CompanySettingsInput } from '@/lib/storage/company-settings';
import type { Environment } from '@/lib/storage/settings';
import type { Remedy } from '@/lib/sync';
import type { Directions } from '@/lib/sync/directions';
import type { SetupPreview } from './setup-preview';
import type { TieOutReply, TxnCounts, TxnPreviewReply, TxnRowsReply, TxnRunReply } from './transactions';
import type { RunCountKey, RunTrigger } from '@/lib/db/history-types';

export type { RunTrigger };
import type { PanelRowExportQuery, PanelRowQuery } from './row-query-schema';

export type { PanelRowExportQuery, PanelRowQuery, PanelSortField } from './row-query-schema';

export type ConnectionState = 'notConnected' | 'connected' | 'reconnectNeeded';

export type ReadState = 'notRead' | 'reading' | 'read';

export interface LastSync {
  at: string;
  outcome: 'success' | 'partial' | 'failed';
  message: string;
}

/** What the surfaces show about one CStoreOffice company. */
export interface CompanySummary {
  companyId: string;
  companyName: string;
  /** The CStoreOffice origin the company was seen on (its Audit page lives there). */
  origin: string;
  state: ConnectionState;
  realmId: string | null;
  qboCompanyName: string | null;
  environment: Environment;
  lastSync: LastSync | null;
  counts: Record<SyncStatusId, number>;
  /** A run in progress for this company, if any. */
  running: RunStatus | null;
  /** Whether both sides were read (the table lists what they hold), are being read, or never were. */
  readState: ReadState;
  /** While the connection is lost: why, in words. */
  lostReason: string | null;
  /** One notice per setting of the QuickBooks company that keeps something from being sent (tracking off…). */
  qboNotices: string[];
  /** The transactions' statuses as last read; absent before the documents were read. */
  transactions?: TxnCounts;
}

export interface Overview {
  environment: Environment;
  companies: CompanySummary[];
}

/** The longest signed-in user name the Audit page may pass with Synchronize. */
export const USER_NAME_MAX = 120;

export interface CompanyRef {
  companyId: string;
  companyName: string;
}

/** Which company a request is about; the origin is the sender's page, or given by the popup. */
export interface CompanyTarget {
  companyId: string;
  /** Required from the popup and options page; a content script's own origin is used otherwise. */
  origin?: string;
}

export interface PanelRow {
  key: string;
  typeId: EntityTypeId;
  typeLabel: string;
  csoId: string | null;
  qboId: string | null;
  /** The full `Parent:Child` path for hierarchical types. */
  name: string;
  /** QuickBooks' name when it differs from this one (renamed there, not synchronized yet). */
  qboName: string | null;
  status: SyncStatusId;
  /** "Waiting for Creation in QuickBooks", "Synchronization Error", … */
  statusText: string;
  issue: { code: string; title: string; detail: string; remedies: Remedy[]; otherName?: string } | null;
  ignored: boolean;
  /** Opens the entity in CStoreOffice. */
  csoUrl: string | null;
  /** Opens the QBO page that holds the entity. */
  qboUrl: string | null;
}

export interface PanelRowPage {
  rows: PanelRow[];
  /** Rows matching the filters (all pages). */
  total: number;
  /** Rows per status for the whole connection, ignoring filters. */
  counts: Record<SyncStatusId, number>;
}

/** What a run does, per kind of write: what a preview counts and what History keeps. */
export type PreviewAction = RunCountKey;

export interface PreviewSummary {
  counts: Record<PreviewAction, number>;
  /** Rows that will not be written until someone acts on them. */
  errors: number;
  /** Rows kept out on purpose (QuickBooks' own records, one-way types); absent in older History entries. */
  keptOut?: number;
  total: number;
}

export type RunPhase = 'resuming' | 'reading' | 'planning' | 'writing' | 'saving' | 'done' | 'failed';

export interface RunStatus {
  runId: string;
  companyId: string;
  origin: string;
  phase: RunPhase;
  done: number;
  total: number;
  errors: number;
  startedAt: string;
  trigger: RunTrigger;
  /** Words for the user when the run stopped: "Reconnect to QBO", "Sign in to CStoreOffice", … */
  message: string | null;
  /** While the run waits before asking a service again (throttled, retrying): why, and until when. */
  waiting?: { why: string; until: string } | null;
}

export interface RunOutcome {
  outcome: 'success' | 'partial' | 'failed';
  message: string;
  /** What the run applied, per action; `errors` and `total` describe the rows after it. */
  summary: PreviewSummary;
  /** Deletions and deactivations held for the user's review (the deletion breaker); none when absent. */
  heldDeletions?: HeldDeletionsView[];
  /** A first sync's creates in CStoreOffice held for the user's review; none when absent. */
  heldCreates?: HeldCreatesView;
}

/** What a first sync would create in CStoreOffice, as Review first sync lists it. */
export interface HeldCreatesView {
  count: number;
  byType: { typeId: EntityTypeId; typeLabel: string; count: number; names: string[] }[];
}

/** One type's held removals as the manager lists them under Review deletions. */
export interface HeldDeletionsView {
  typeId: EntityTypeId;
  typeLabel: string;
  count: number;
  linked: number;
  rows: { rowKey: string; name: string; target: 'cso' | 'qbo' }[];
}

export type RowAction =
  | 'removeLink'
  | 'ignoreIssues'
  | 'clearSyncHistory'
  | 'reconnect'
  | 'linkNearMatch'
  | 'keepCso'
  | 'keepQbo';

export type ActionReply = { ok: true; changed: number; message: string } | { ok: false; message: string };

export interface HistoryEntry {
  runId: string;
  startedAt: string;
  finishedAt: string | null;
  trigger: RunTrigger;
  /** Who started it, in words: the CStoreOffice user, "You (toolbar)", "Automatic sync", … */
  who: string;
  outcome: 'success' | 'partial' | 'failed' | 'running';
  summary: PreviewSummary;
  message: string;
  errors: string[];
  /** This is the last run that wrote: it can be undone ('available'), or was ('undone'). */
  undo: 'available' | 'undone' | null;
}

export type { CompanySettings, CompanySettingsInput };

/** A company's settings, and whether they are the options page's values it follows. */
export interface CompanySettingsReply {
  settings: CompanySettings;
  isDefault: boolean;
}

/** Errors are keyed by field (`form` for the whole), as the options page shows them. */
export type SaveCompanySettingsReply =
  | ({ ok: true } & CompanySettingsReply)
  | { ok: false; errors: Record<string, string> };

export type ConnectReply = { ok: true; summary: CompanySummary } | { ok: false; message: string };

export interface ProtocolMap {
  /** Popup: every company seen, with its connection and last sync. */
  getOverview(): Overview;
  /** Panel: the company chosen in the Audit page's dropdown; remembers it as seen. */
  getCompany(data: CompanyRef): CompanySummary;
  /** Connect to QBO / Reconnect to QBO: runs Intuit's sign-in in a browser window. */
  connect(data: CompanyTarget): ConnectReply;
  /** Revokes the tokens and forgets them; links and history stay. */
  disconnect(data: CompanyTarget): CompanySummary;
  /** A page of the table, sorted and filtered by the background. */
  getRows(data: CompanyTarget & { query: PanelRowQuery }): PanelRowPage;
  /** Every row matching the filters, as CSV (the table as filtered). */
  exportRows(data: CompanyTarget & { query: PanelRowExportQuery }): string;
  /** What Synchronize would do, without writing anything. */
  preview(data: CompanyTarget): PreviewSummary;
  /**
   * Synchronize everything, or the selected rows plus what they depend on. Joins a running run.
   * `user`: the CStoreOffice user the Audit page shows, for History (only a content script's counts).
   */
  /** `confirmDeletions` / `confirmCreates`: what the user reviewed and confirmed under Review deletions / Review first sync. */
  synchronize(
    data: CompanyTarget & {
      selection?: string[];
      user?: string;
      confirmDeletions?: string[];
      confirmCreates?: boolean;
    },
  ): RunOutcome;
  runAction(data: CompanyTarget & { action: RowAction; rowKeys: string[] }): ActionReply;
  /** `shared`: why CStoreOffice's history (runs made in other browsers) is missing from the page, or null. */
  getHistory(data: CompanyTarget & { page: number; pageSize: number }): {
    entries: HistoryEntry[];
    total: number;
    shared: string | null;
  };
  /** History → Undo this run: puts back what the last run that wrote changed (after the UI's confirmation). */
  undoRun(data: CompanyTarget & { runId: string; user?: string }): ActionReply;
  exportHistory(data: CompanyTarget): string;
  /** This company's own settings, or the options page's values while it has none. */
  getCompanySettings(data: CompanyTarget): CompanySettingsReply;
  /**
   * Saves this company's settings; `settings: null` follows the options page's values again.
   * `confirmSetup`: the user confirmed the first-sync setup, which automatic syncs wait for.
   */
  saveCompanySettings(
    data: CompanyTarget & { settings: CompanySettingsInput | null; confirmSetup?: boolean },
  ): SaveCompanySettingsReply;
  /** The first-sync setup's summary: what the first run would create, with these directions (not saved). */
  previewSetup(data: CompanyTarget & { directions: Directions }): SetupPreview;
  /** Transactions (transactions.ts): the last rows read, a preview, a posting run, ignoring, the tie-out. */
  getTransactions(data: CompanyTarget): TxnRowsReply;
  previewTransactions(data: CompanyTarget): TxnPreviewReply;
  synchronizeTransactions(data: CompanyTarget & { selection?: string[]; user?: string }): TxnRunReply;
  ignoreTransactionIssues(data: CompanyTarget & { rowKeys: string[] }): ActionReply;
  tieOutTransactions(data: CompanyTarget & { from: string; to: string }): TieOutReply;
  /** Opens the extension's options page (a content script cannot open it itself). */
  openOptions(): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
