/**
 * The row model: one row per CStoreOffice entity (and per link whose CStoreOffice entity is gone
 * until QBO is updated) and one per unlinked active QBO entity, with its status, the side a pending
 * status will write, and an issue in words a bookkeeper understands.
 */
import { describeStatus, type EntityTypeId, ENTITY_TYPES, type Side, type SyncStatusId } from '../entities';
import type { RowIssue } from './issues';

export interface SyncRow {
  /** `cso:<type>:<id>` for CStoreOffice entities and links, `qbo:<entity>:<id>` for QBO-only ones. */
  key: string;
  typeId: EntityTypeId;
  typeLabel: string;
  csoId: string | null;
  qboId: string | null;
  /** The full `Parent:Child` path for hierarchical types. */
  name: string;
  /** QuickBooks' name for a linked record when it differs from CStoreOffice's (see row-names.ts). */
  qboName?: string;
  status: SyncStatusId;
  /** The side a pending status writes; 'both' when each side takes the other's changes. */
  target: Side | 'both' | null;
  /** "Waiting for Creation in QuickBooks", "Synchronization Error", … */
  statusText: string;
  issue: RowIssue | null;
  /** An error the user chose to ignore; shown as synchronized until either side changes. */
  ignored: boolean;
  /** Hashes of the compared values of each side's record, for Ignore Issues. */
  csoHash: string | null;
  qboHash: string | null;
  /** The plan ops that serve this row. */
  opIds: string[];
}

const SYNCHRONIZED = describeStatus('synchronized');

export function newRow(
  init: Pick<SyncRow, 'key' | 'typeId' | 'csoId' | 'qboId' | 'name' | 'csoHash' | 'qboHash'>,
): SyncRow {
  return {
    key: init.key,
    typeId: init.typeId,
    typeLabel: ENTITY_TYPES[init.typeId].label,
    csoId: init.csoId,
    qboId: init.qboId,
    name: init.name,
    status: 'synchronized',
    target: null,
    statusText: SYNCHRONIZED,
    issue: null,
    ignored: false,
    csoHash: init.csoHash,
    qboHash: init.qboHash,
    opIds: NO_OP_IDS,
  };
}

/** Shared by every row without ops (frozen: a list is replaced, never pushed to). */
const NO_OP_IDS = Object.freeze([]) as unknown as string[];

/** Shows op `opId` on `row` (a new list of the exact size: a row has one or two ops, see lib/sync/plan/PERFORMANCE.md). */
export function addOpId(row: SyncRow, opId: string): void {
  row.opIds = row.opIds.length === 0 ? [opId] : [...row.opIds, opId];
}

/** Status texts by status and target, built once each instead of per row (no key string per call). */
const statusTexts = new Map<SyncStatusId, Map<Side | 'both' | null, string>>();

function statusText(status: SyncStatusId, target: Side | 'both' | null): string {
  let byTarget = statusTexts.get(status);
  if (!byTarget) statusTexts.set(status, (byTarget = new Map()));
  let text = byTarget.get(target);
  if (text === undefined) {
    text = target === 'both' ? `${describeStatus(status)} in both` : describeStatus(status, target ?? undefined);
    byTarget.set(target, text);
  }
  return text;
}

export function setStatus(
  row: SyncRow,
  status: SyncStatusId,
  target: Side | 'both' | null = null,
  issue: RowIssue | null = null,
): void {
  row.status = status;
  row.target = status === 'error' || status === 'synchronized' || status === 'notSynced' ? null : target;
  row.issue = issue;
  row.statusText = statusText(status, row.target);
}

/**
 * The row is kept out on purpose (a QuickBooks system record, a one-way type): nothing is pending,
 * `text` says what the row is ("QuickBooks only (not imported)") and `why` explains it.
 */
export function keepOut(row: SyncRow, text: string, why: RowIssue): void {
  setStatus(row, 'notSynced', null, why);
  row.statusText = text;
}

/** Adds a pending write toward `side` to a row, widening the target to 'both' when needed. */
export function addPending(row: SyncRow, status: SyncStatusId, side: Side): void {
  if (row.status === 'error') return;
  const target = row.target && row.target !== side ? 'both' : side;
  const keep = row.status === 'waitingForDeletion' || row.status === 'waitingForCreation' ? row.status : status;
  setStatus(row, keep, target);
}

export interface RowCounts {
  total: number;
  byStatus: Record<SyncStatusId, number>;
}

export function countRows(rows: readonly SyncRow[]): RowCounts {
  const byStatus: Record<SyncStatusId, number> = {
    synchronized: 0,
    waitingForCreation: 0,
    waitingForUpdate: 0,
    waitingForDeletion: 0,
    error: 0,
    notSynced: 0,
  };
  for (const row of rows) byStatus[row.status]++;
  return { total: rows.length, byStatus };
}
