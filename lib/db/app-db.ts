/**
 * The background's IndexedDB. Only the background opens it: content scripts run in the page's
 * origin and could not see it anyway, and tokens must never leave the background.
 *
 * Everything except `companies` and `connections` is scoped to one connection by a leading
 * `connection` key part (the CStoreOffice company key, see `companyKey`), so one range on a
 * compound index reads or clears exactly one company's data.
 *
 * Versioning: nothing has shipped yet, so version 1 is the first schema. A later change adds
 * `this.version(2).stores({...changed tables only}).upgrade(tx => ...)` below it and keeps version 1,
 * because Dexie needs the old declaration to run an upgrade. Bump only when data must be migrated.
 */
import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { StoredConnection } from '../auth/token-store';
import type { AnyRecord, Cursor, Link, ReservedName } from '../sync/types';
import type { IgnoreMarker, JournalBatch, JournalOp, RowHold, StoredIssue } from '../sync/ports';
import type { UndoLog } from '../sync/run-writes';
import type { SyncPlan } from '../sync/plan-types';
import type { Side } from '../entities';
import type { HistoryEntry } from './history-types';
import type { RowText, StoredRow } from './row-keys';

export interface CompanyRow {
  /** `${origin}|${companyId}`: the same company id on two CStoreOffice shards is two companies. */
  key: string;
  origin: string;
  companyId: string;
  companyName: string;
  lastSeenAt: string;
}

/** A link, tagged with the connection it belongs to. */
export type LinkRow = Link & { connection: string };

/** One record of one side's last read. */
export interface MirrorRow {
  connection: string;
  side: Side;
  list: string;
  id: string;
  record: AnyRecord;
}

export type ReservedRow = ReservedName & { connection: string };

/** Per-connection scalars: read cursors and the realm the links were made with. */
export interface MetaRow {
  connection: string;
  cursors: { cso: Cursor | null; qbo: Cursor | null };
  realmId: string | null;
  /** A first sync's creates in CStoreOffice wait for the user's review (not indexed: no schema change). */
  createsHeld?: boolean;
  /** The last writing run's writes, for Undo (not indexed: no schema change). */
  undoLog?: UndoLog;
  /** Rows held for the user after an Undo (not indexed: no schema change). */
  holds?: RowHold[];
}

/** `seq` keeps the engine's order; issues are always replaced as a whole list. */
export type IssueRow = StoredIssue & { connection: string; seq?: number };
export type IgnoreRow = IgnoreMarker & { connection: string };

/** IndexedDB cannot index booleans, so a run is 'open' or 'finished'. */
export interface RunRow {
  runId: string;
  connection: string;
  startedAt: string;
  plan: SyncPlan;
  batches: JournalBatch[];
  state: 'open' | 'finished';
}

/** `seq` is the op's position in the run, so `open()` returns ops in plan order. */
export type RunOpRow = JournalOp & { runId: string; seq: number };

export class AppDb extends Dexie {
  companies!: EntityTable<CompanyRow, 'key'>;
  /** Tokens, one connection per company; keyed by `StoredConnection.companyId`. */
  connections!: EntityTable<StoredConnection, 'companyId'>;
  links!: Table<LinkRow, [string, string, string]>;
  mirror!: Table<MirrorRow, [string, Side, string, string]>;
  reserved!: Table<ReservedRow, [string, string, string]>;
  meta!: EntityTable<MetaRow, 'connection'>;
  issues!: EntityTable<IssueRow, 'seq'>;
  ignores!: Table<IgnoreRow, [string, string]>;
  runs!: EntityTable<RunRow, 'runId'>;
  runOps!: Table<RunOpRow, [string, string]>;
  history!: EntityTable<HistoryEntry, 'id'>;
  rows!: Table<StoredRow, [string, string]>;
  rowText!: Table<RowText, [string, string]>;

  constructor(name = 'qbo-sync-manager', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      companies: 'key, origin, lastSeenAt',
      connections: 'companyId',
      // Primary key is the port's identity (csoType, csoId); the QBO index finds a QBO record's links
      // (two vendor kinds may share one QBO vendor).
      links: '[connection+csoType+csoId], [connection+qboEntity+qboId]',
      mirror: '[connection+side+list+id]',
      reserved: '[connection+entity+id]',
      meta: 'connection',
      issues: '++seq, connection',
      ignores: '[connection+rowKey]',
      // A restarted worker finds the unfinished run of its connection with one index lookup.
      runs: 'runId, [connection+state]',
      runOps: '[runId+opId], runId',
      history: '++id, [connection+startedAt]',
      // One index per sortable column (ties fall back to the primary key, so order is total), plus a
      // facet index for counts and type/status filters.
      rows: [
        '[connection+key]',
        '[connection+nameKey]',
        '[connection+typeSort+nameKey]',
        '[connection+statusRank+nameKey]',
        '[connection+csoSort]',
        '[connection+qboSort]',
        '[connection+issueKey+nameKey]',
        '[connection+statusRank+typeId]',
      ].join(', '),
      // What the search box matches, apart from the rows: a search reads these small records, never rows.
      rowText: '[connection+key]',
    });
  }
}

export function companyKey(origin: string, companyId: string): string {
  return `${origin}|${companyId}`;
}

/** Bounds of every key starting with `prefix` on a compound index of `width` parts. */
export function prefixRange(prefix: unknown[], width: number): [unknown[], unknown[]] {
  const pad = width - prefix.length;
  return [[...prefix, ...Array<unknown>(pad).fill(Dexie.minKey)], [...prefix, ...Array<unknown>(pad).fill(Dexie.maxKey)]];
}
