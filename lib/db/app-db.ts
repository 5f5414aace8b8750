/**
 * The background's IndexedDB. Only the background opens it: content scripts run in the page's
 * origin and could not see it anyway, and tokens must never leave the background.
 *
 * Everything except `companies` and `connections` is scoped to one connection by a leading
 * `connection` key part (the CStoreOffice company key, see `companyKey`), so one range on a
 * compound index reads or clears exactly one company's data.
 *
 * Versioning: each version below lists only the tables it changes (null deletes one); a table it
 * does not name keeps its declaration from the version before, so no version is removed. A version
 * that must rewrite stored data adds `.upgrade(tx => ...)`; tests/unit/db/app-db-upgrade.test.ts
 * opens a database made with the version before and checks what the upgrade keeps.
 */
import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { StoredConnection } from '../auth/token-store';
import type { AnyRecord, Cursor, Link, ReservedName } from '../sync/types';
import type { IgnoreMarker, JournalBatch, JournalOp, RowHold, StoredIssue } from '../sync/ports';
import type { UndoLog } from '../sync/types';
import type { SyncPlan } from '../sync/types';
import type { Side } from '../entities';
import type { StoredRun } from './history-types';
import type { StoredRow } from './row-keys';

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

/** The first schema, as it shipped (the upgrade test makes a database with it); version 2 changes `rows` and `rowText`. */
export const SCHEMA_V1: Readonly<Record<string, string>> = {
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
  rowText: '[connection+key]',
};

/** What version 1 stored beside each row for its indexes. */
const V1_ROW_SORT_KEYS = ['nameKey', 'typeSort', 'statusRank', 'csoSort', 'qboSort', 'issueKey'] as const;

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
  history!: EntityTable<StoredRun, 'id'>;
  rows!: Table<StoredRow, [string, string]>;

  constructor(name = 'qbo-sync-manager', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    // Rows are sorted, filtered and counted in memory (row-index.ts) and read from IndexedDB by
    // primary key only: the per-column indexes and the search text table were written on every save
    // and read by nothing. The sort keys stored beside each row for those indexes go too.
    this.version(2)
      .stores({ rows: '[connection+key]', rowText: null })
      .upgrade((tx) =>
        tx
          .table('rows')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            for (const key of V1_ROW_SORT_KEYS) delete row[key];
          }),
      );
  }
}

export function companyKey(origin: string, companyId: string): string {
  return `${origin}|${companyId}`;
}

/** Bounds of every key starting with `prefix` on a compound index of `width` parts. */
export function prefixRange(prefix: unknown[], width: number): [unknown[], unknown[]] {
  const pad = width - prefix.length;
  return [
    [...prefix, ...Array<unknown>(pad).fill(Dexie.minKey)],
    [...prefix, ...Array<unknown>(pad).fill(Dexie.maxKey)],
  ];
}
