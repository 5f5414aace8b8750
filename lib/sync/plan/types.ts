/**
 * The planner's types: what it is given, what it returns, and what its steps hand each other. The
 * plan itself (SyncPlan, PlanOp) is the engine's data and lives with the links in ../types.ts.
 */
import type { EntityTypeId } from '../../entities';
import type { AbsenceVerdicts } from '../confirm-absence';
import type { Directions } from '../directions';
import type { QboCompanyPrefs } from '../qbo-company';
import type { RowIssue } from '../issues';
import type { MatchOptions, Pair, Unpaired } from '../match';
import type { ConflictPolicy } from '../policy';
import type { IgnoreMarker, RowHold, StoredIssue } from '../ports';
import type { SyncRow } from '../rows';
import type { TranslateOptions } from '../translate';
import type { AnyRecord, LinkBase, PlanOp, PlanValue, RecordValues, SyncPlan } from '../types';

export interface BatchSizes {
  cso: number;
  qbo: number;
}

export interface PlanOptions extends TranslateOptions, MatchOptions {
  policy: ConflictPolicy;
  batchSizes: BatchSizes;
  /**
   * The types the user synchronizes (Options → Entities to synchronize); all when absent. The others
   * are still read and matched — their names still take QBO's shared namespace and their links
   * still stand — but nothing is written for them and the table leaves them out.
   */
  enabledTypes?: ReadonlySet<EntityTypeId>;
  /** Which way each type's changes travel (lib/sync/directions.ts); both ways when absent. */
  directions?: Directions;
  /** The QuickBooks company's settings the plan obeys (tracking, account numbers); all on when absent. */
  qboPrefs?: QboCompanyPrefs;
}

/** What earlier runs left that the plan must respect. */
export interface PlanMemory {
  /** Failures of earlier runs, shown on their rows while the op is still planned. */
  issues: readonly StoredIssue[];
  ignores: readonly IgnoreMarker[];
  /** Rows kept out of the plan after an Undo, until the user synchronizes them (ports.ts RowHold). */
  holds?: readonly RowHold[];
  /** Rows the user asked to synchronize: their parked failures are tried again. */
  retryRows?: ReadonlySet<string>;
  /** What asking by id said of linked records missing from the read (none asked: nothing is confirmed gone). */
  absences?: AbsenceVerdicts;
}

export interface Analysis {
  plan: SyncPlan;
  rows: SyncRow[];
}

/** A matched pair after change detection: what each side receives. */
export interface PairWork {
  pair: Pair;
  /** The CStoreOffice record's row, carried along so later steps need no look-up by key. */
  row: SyncRow;
  rowKey: string;
  csoKey: string;
  qboKey: string;
  /** Matched by name in this run: a link op stores `base` first. */
  fresh: boolean;
  base: LinkBase;
  /** The base differs from the stored link (fresh, or fields both sides changed alike). */
  refresh: boolean;
  toQbo: string[];
  toCso: string[];
  csoValues: RecordValues;
  /** QBO's values as they will be after this run's writes to it (for the values sent to CSO). */
  qboValues: RecordValues;
  /** Row keys of the vendors sharing this QBO vendor whose QBO writes this one receives: it waits for them. */
  receivedFrom: string[];
  /** Fields that differ but that a one-way type does not carry this way (one-way.ts): the row says so. */
  withheld: string[];
  /** Fields QuickBooks' settings keep from being sent (account numbers turned off), with why. */
  qboRefused?: { fields: string[]; why: string };
}

/** A record to create on the other side, with its row (looked up once, then carried along). */
export interface CreateWork {
  item: Unpaired;
  row: SyncRow;
}

/** The table's rows while planning. */
export interface RowBook {
  /** Every row, in the table's order. */
  readonly all: SyncRow[];
  get(key: string): SyncRow | undefined;
  /** The row of a CStoreOffice record. */
  ofCso(record: AnyRecord): SyncRow | undefined;
  /** The row of a QBO record, made on the first ask. */
  ofQbo(typeId: EntityTypeId, record: AnyRecord): SyncRow;
  add(row: SyncRow): void;
  /** The row with its records' hashes, computed on the first ask (only ignores and parked issues need them). */
  withHashes(row: SyncRow): SyncRow;
}

/**
 * The plan's ops in the order they are made, found by id. Only the ops others will ask for (the
 * maker says so) are indexed as they are made; asking for any other id indexes every op, once, so
 * every answer stays exact and only its cost depends on the hint (see PERFORMANCE.md).
 */
export interface OpIndex {
  /** `asked`: other ops may wait for this one, or look it up by id. */
  add(op: PlanOp, asked: boolean): void;
  get(id: string): PlanOp | undefined;
  has(id: string): boolean;
  delete(id: string): void;
  /** The ops still in the plan, in the order they were made. */
  values(): readonly PlanOp[];
}

/** An op as its maker gives it: the fields it sets; the others take their empty value. */
export type OpInit = Partial<PlanOp> & Pick<PlanOp, 'id' | 'kind' | 'typeId' | 'rowKeys'>;

/** The values an op sends, or why it cannot be sent. */
export interface OpValues {
  values?: Record<string, PlanValue>;
  blocked?: RowIssue;
}

/** The plan's ops while planning, with what every kind of op needs to be made. */
export interface OpBook {
  /** The ops by id, in the order they were made. */
  readonly ops: OpIndex;
  readonly rows: RowBook;
  readonly options: PlanOptions;
  /**
   * Makes an op and shows it on its rows (`row`: its only row, when the caller holds it). `asked`:
   * false when no op will wait for this one or look it up (a hint, see OpIndex).
   */
  addOp(init: OpInit, row?: SyncRow, asked?: boolean): PlanOp;
  /**
   * The values of `fields` in the target's terms. A value naming another record adds the op that
   * gives that record its counterpart to `deps`; when no op will, the op is blocked.
   */
  valuesFor(
    typeId: EntityTypeId,
    fields: readonly string[],
    basis: RecordValues,
    from: 'cso' | 'qbo',
    deps: string[],
  ): OpValues;
  /** The row becomes an error, and its records will get no counterpart in this run. */
  block(row: SyncRow, issue: RowIssue, typeId: EntityTypeId, csoId: string | null, qboId: string | null): void;
  /** True for the types some field names: records of other types are never waited for. */
  named(typeId: EntityTypeId): boolean;
  /** Records that get a counterpart in this run: the op giving it ('' when linked already). */
  setProducer(side: 'cso' | 'qbo', typeId: EntityTypeId, id: string, opId: string): void;
}
