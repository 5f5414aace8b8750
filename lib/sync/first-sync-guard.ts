/**
 * The first sync of a connection asks before it fills CStoreOffice: when it would create more than
 * 20 records there from QuickBooks, those creates are held (the rest of the run goes ahead) and the
 * manager shows what would be created, by type with the first names, until the user confirms.
 * Held once, they stay held run after run (the alarm's included) until confirmed.
 */
import type { EntityTypeId } from '../entities';
import { issues } from './issues';
import { countOf } from './issue-words';
import type { SyncRow } from './rows';
import type { PlanOp } from './types';

const FIRST_SYNC_CREATE_LIMIT = 20;
/** Names shown per type in the review; the count says how many more. */
const NAMES_SHOWN = 10;

export interface HeldCreates {
  count: number;
  byType: { typeId: EntityTypeId; count: number; names: string[] }[];
  rowKeys: string[];
}

/** A write that creates a record in CStoreOffice. */
const createsInCso = (op: PlanOp) => op.kind === 'create' && op.target === 'cso';

/**
 * The creates in CStoreOffice to hold: on a first sync (no link yet) past the limit, or any while an
 * earlier run's hold waits for the user. Null when nothing is held. Marks the held rows in words.
 */
export function findHeldCreates(
  ops: readonly PlanOp[],
  rows: readonly SyncRow[],
  state: { firstSync: boolean; alreadyHeld: boolean },
): HeldCreates | null {
  const creates = ops.filter(createsInCso);
  const holds = state.alreadyHeld ? creates.length > 0 : state.firstSync && creates.length > FIRST_SYNC_CREATE_LIMIT;
  if (!holds) return null;
  const rowKeys = creates.flatMap((op) => op.rowKeys);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const byType = new Map<EntityTypeId, { typeId: EntityTypeId; count: number; names: string[] }>();
  for (const key of rowKeys) {
    const row = byKey.get(key);
    if (!row) continue;
    let entry = byType.get(row.typeId);
    if (!entry) byType.set(row.typeId, (entry = { typeId: row.typeId, count: 0, names: [] }));
    entry.count++;
    if (entry.names.length < NAMES_SHOWN) entry.names.push(row.name);
  }
  const held: HeldCreates = { count: rowKeys.length, byType: [...byType.values()], rowKeys };
  markHeldCreates(rows, held);
  return held;
}

/** Puts the words on the held rows (their status stays Waiting for Creation in CStoreOffice). */
export function markHeldCreates(rows: readonly SyncRow[], held: HeldCreates | null): void {
  if (!held) return;
  const keys = new Set(held.rowKeys);
  for (const row of rows)
    if (keys.has(row.key) && row.status === 'waitingForCreation') row.issue = issues.createsHeld(held.count);
}

/** One line for the run's message and a notification. */
export function describeHeldCreates(held: HeldCreates): string {
  const kinds = held.byType.map((t) => countOf(t.count, t.typeId)).join(', ');
  return `This first sync would create ${held.count} records in CStoreOffice from QuickBooks (${kinds}); they wait for your review and none was created.`;
}
