/**
 * The ports: everything the engine needs from the outside world. Adapters over the QBO REST
 * client, the CStoreOffice REST client and Dexie implement them; tests use in-memory fakes. All are
 * async because the real ones are network- or IndexedDB-backed. One set of ports serves one
 * connection (one CStoreOffice company ↔ one QBO realm).
 */
import type { EntityTypeId, QboEntityName, Side } from '../entities';
import type { SyncPlan, UndoLog } from './types';
import type { LinkMirror } from './link-mirror';
import type { DecisionBoard } from './decision-board';
import type { AnyRecord, Cursor, Link, RecordValues, ReservedName, SideRecord } from './types';

/** CStoreOffice lists are addressed by the seven type ids; QBO lists by QBO entity name. */
export type CsoListKey = EntityTypeId;
export type QboListKey = QboEntityName;

export interface ReadRequest {
  /**
   * The cursor of the previous read, or null for a full read. The engine passes null after Clear
   * Sync History, on Reconnect and when a QBO cursor is older than 30 days (CDC's look-back limit).
   */
  since: string | null;
}

export interface ReadResult<K extends string> {
  /** True when `records` is the whole current state (records absent from it are gone). */
  full: boolean;
  /**
   * Full read: every record of every list, inactive ones included (QBO: `Active IN (true,false)`;
   * Items of Type=Service only). Delta: the records changed since the cursor; QBO's CDC reports a
   * deactivation as the full record with active=false. Names as the records are named: QBO's
   * ` (deleted)` suffix on inactive accounts is the QBO adapter's to see through (lib/qbo/map.ts).
   */
  records: Partial<Record<K, SideRecord[]>>;
  /** Ids removed since the cursor (CSO tombstones; QBO merges). Empty on a full read. */
  removed: Partial<Record<K, string[]>>;
  /**
   * QBO only: names held by records the engine does not sync but which block a create: Employees
   * (they share the Customer/Vendor DisplayName namespace) and non-Service Items (Item names are
   * unique across types). Full read: all of them; delta: the changed ones. Read in the same CDC
   * request, so the engine predicts a 6240 without sending anything.
   */
  reserved?: ReservedName[];
  /** Where the next incremental read starts (QBO: the server time of this read). */
  cursor: string;
}

export type WriteOp<K extends string> =
  /** `link`: the QBO id a CStoreOffice record created from a QBO one is linked to, sent with it. */
  | { kind: 'create'; requestId: string; list: K; values: RecordValues; link?: string }
  /**
   * Sparse update of `values` only. The adapter adds what the service requires on every update
   * (QBO: Id, SyncToken, and Name for Account and Class; CSO: If-Match with `revision`).
   */
  | { kind: 'update'; requestId: string; list: K; id: string; revision: string; values: RecordValues }
  /** QBO: Active=false (its only "delete" for name lists). */
  | { kind: 'deactivate'; requestId: string; list: K; id: string; revision: string }
  /** CStoreOffice: DELETE with If-Match. */
  | { kind: 'delete'; requestId: string; list: K; id: string; revision: string };

export interface WriteBatch<K extends string> {
  /**
   * Idempotency key of the whole batch (QBO batch `requestid`, ≤ 36 characters). Stored in the
   * journal before sending: a resumed run re-sends the same ops with the same key, and the service
   * replays its first answer instead of writing twice.
   */
  requestId: string;
  /**
   * Ops of one dependency level, at most the source's `batchSize`. Each op carries its own
   * `requestId` (≤ 36 characters), for services keyed per write (CSO `Idempotency-Key`).
   */
  ops: WriteOp<K>[];
}

/** Why a write failed, in the service's own terms; the engine translates it for the table. */
export interface WriteFailure {
  /** Service code: QBO fault code ('6240', '5010', '2040', '610', …) or CSO HTTP status ('409', '412', '422', '404'). */
  code: string;
  message: string;
  detail?: string;
  /** The record already holding the name (QBO 6240 `Id=…`, CSO 409 `existingId`). */
  existingId?: string;
  /** True when the same request may succeed later (throttling, timeouts, 5xx). */
  retryable: boolean;
}

export type WriteResult =
  /** The record as the side now stores it, with its new revision; null after a delete. */
  { ok: true; record: SideRecord | null } | { ok: false; failure: WriteFailure };

export interface RecordSource<K extends string> {
  readonly side: Side;
  /** The most ops one `write` call accepts (QBO: 30). */
  readonly batchSize: number;
  read(request: ReadRequest): Promise<ReadResult<K>>;
  /** One record by id, inactive included; null when it no longer exists (after a stale-write race). */
  get(list: K, id: string): Promise<SideRecord | null>;
  /** Applies one batch; returns one result per op, in the ops' order. Rejects only if nothing is known. */
  write(batch: WriteBatch<K>): Promise<WriteResult[]>;
}

export type CsoSource = RecordSource<CsoListKey>;
export type QboSource = RecordSource<QboListKey>;

/** Links and their last-synced snapshots, per connection (RxDB's "assumed master state"). */
export interface LinkStore {
  all(): Promise<Link[]>;
  /** Inserts or replaces by (csoType, csoId). */
  put(links: Link[]): Promise<void>;
  remove(keys: { csoType: EntityTypeId; csoId: string }[]): Promise<void>;
  clear(): Promise<void>;
}

/** A translated failure or blocking problem kept for a row between runs. */
export interface StoredIssue {
  rowKey: string;
  /** The op that failed, so the issue is dropped once that op is no longer planned. */
  opId: string;
  code: string;
  title: string;
  detail: string;
  /**
   * False when sending the same op again would fail the same way (a duplicate name, a refused value):
   * the op then stays out of the plan while both records keep these hashes.
   */
  retryable: boolean;
  csoHash: string | null;
  qboHash: string | null;
  at: string;
}

/** An ignored error on a row without a link: valid while both sides keep these hashes. */
export interface IgnoreMarker {
  rowKey: string;
  csoHash: string | null;
  qboHash: string | null;
  at: string;
}

/** The last-read records of both sides, so rows can be computed without re-reading everything. */
export interface MirrorData {
  cso: Partial<Record<CsoListKey, AnyRecord[]>>;
  qbo: Partial<Record<QboListKey, AnyRecord[]>>;
  reserved: ReservedName[];
  cursors: { cso: Cursor | null; qbo: Cursor | null };
  issues: StoredIssue[];
  ignores: IgnoreMarker[];
  /** The QBO realm the links were made with; a different realm is refused until history is cleared. */
  realmId: string | null;
  /**
   * A first sync held its creates in CStoreOffice for the user's review (see first-sync-guard.ts);
   * they stay held, run after run, until the user confirms them.
   */
  createsHeld?: boolean;
  /** The writes of the last run that wrote anything, for Undo (run-writes.ts). */
  undoLog?: UndoLog;
  /** Rows kept out of the plan until the user synchronizes them by name (see RowHold). */
  holds?: RowHold[];
}

/**
 * A row whose writes wait for the user: a record whose creation was undone (it is not created
 * again on its own), or one Undo could not put back. Released when the user selects the row and
 * synchronizes it, or clears the sync history.
 */
export interface RowHold {
  rowKey: string;
  code: 'createUndone' | 'undoRefused';
  title: string;
  detail: string;
  at: string;
}

export interface StateStore {
  load(): Promise<MirrorData>;
  /** Full read: replaces everything held for that side (and the reserved names, for QBO). */
  replaceSide(side: Side, lists: Partial<Record<string, AnyRecord[]>>, reserved?: ReservedName[]): Promise<void>;
  /** Inserts or replaces records by id. */
  putRecords(side: Side, list: string, records: AnyRecord[]): Promise<void>;
  removeRecords(side: Side, list: string, ids: string[]): Promise<void>;
  putReserved(names: ReservedName[]): Promise<void>;
  setCursor(side: Side, cursor: Cursor | null): Promise<void>;
  /** Replaces all stored issues. */
  setIssues(issues: StoredIssue[]): Promise<void>;
  setIgnores(ignores: IgnoreMarker[]): Promise<void>;
  setRealm(realmId: string | null): Promise<void>;
  setCreatesHeld(held: boolean): Promise<void>;
  setUndoLog(log: UndoLog | null): Promise<void>;
  setHolds(holds: RowHold[]): Promise<void>;
  /** Clear Sync History: records, cursors, issues and ignores (links live in the LinkStore). */
  clear(): Promise<void>;
}

export type OpState = 'pending' | 'sent' | 'done' | 'failed';

export interface JournalOp {
  opId: string;
  /** Per-op idempotency key, chosen before anything is sent. */
  requestId: string;
  state: OpState;
  failure?: WriteFailure;
}

export interface JournalBatch {
  batchId: string;
  /** Batch idempotency key, chosen before anything is sent. */
  requestId: string;
}

export interface JournalRun {
  runId: string;
  startedAt: string;
  plan: SyncPlan;
  batches: JournalBatch[];
  ops: JournalOp[];
  finished: boolean;
}

/** A run's plan and each op's progress, written before sending so a killed worker resumes. */
export interface Journal {
  /** The unfinished run, if a previous worker died during one. */
  open(): Promise<JournalRun | null>;
  begin(run: JournalRun): Promise<void>;
  /** Records op state changes (merge by opId). */
  mark(runId: string, ops: JournalOp[]): Promise<void>;
  finish(runId: string): Promise<void>;
  clear(): Promise<void>;
}

export interface Clock {
  now(): Date;
}

/** Fresh ids for runs and idempotency keys (UUIDs in production, counters in tests). */
export interface IdSource {
  next(): string;
}

export interface SyncPorts {
  cso: CsoSource;
  qbo: QboSource;
  links: LinkStore;
  state: StateStore;
  journal: Journal;
  clock: Clock;
  ids?: IdSource;
  /** CStoreOffice's links (v1.3); without it links live in `links` only. */
  linkMirror?: LinkMirror;
  /** The decisions made in the manager, shared with every browser through CStoreOffice (v1.3). */
  decisions?: DecisionBoard;
}
