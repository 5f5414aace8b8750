/**
 * The deletion breaker. A run that would delete or deactivate more than max(3, 10 %) of a type's
 * linked records holds every one of those writes back, whatever else it writes: such a run is far
 * more often a read that lied, a wrong company or a slip of the hand than a real clean-up. The user
 * reviews the list in the manager and confirms it; an automatic run never confirms.
 */
import type { EntityTypeId } from '../entities';
import { issues } from './issues';
import { countOf } from './issue-words';
import type { SyncRow } from './rows';
import type { PlanOp } from './types';
import type { World } from './world';

/** One held row: what the user is asked to confirm. */
export interface HeldRow {
  rowKey: string;
  typeId: EntityTypeId;
  name: string;
  /** The side where the record would be deleted or made inactive. */
  target: 'cso' | 'qbo';
}

export interface HeldDeletions {
  typeId: EntityTypeId;
  /** Deletions and deactivations the run would make of this type, and the type's linked records. */
  count: number;
  linked: number;
  rows: HeldRow[];
}

/** Fewer than this many, or up to 10 % of the linked records, go through without a review. */
const BREAKER_FLOOR = 3;
const BREAKER_SHARE = 0.1;

/** A write that deletes (CStoreOffice) or deactivates (either side) a linked record. */
function isRemoval(op: PlanOp): boolean {
  return op.kind === 'delete' || op.kind === 'deactivate' || (op.kind === 'update' && op.values.active === false);
}

/**
 * The types whose removals trip the breaker, with their rows, leaving out rows the user confirmed.
 * The rows found are marked in place (status unchanged, words added) so the table says why they wait.
 */
export function findHeldDeletions(
  ops: readonly PlanOp[],
  world: World,
  rows: readonly SyncRow[],
  confirmed: ReadonlySet<string>,
): HeldDeletions[] {
  const byType = new Map<EntityTypeId, PlanOp[]>();
  for (const op of ops) {
    if (!isRemoval(op)) continue;
    const list = byType.get(op.typeId);
    if (list) list.push(op);
    else byType.set(op.typeId, [op]);
  }
  if (byType.size === 0) return [];
  const linked = new Map<EntityTypeId, number>();
  for (const link of world.links.values()) linked.set(link.csoType, (linked.get(link.csoType) ?? 0) + 1);
  const rowByKey = new Map(rows.map((r) => [r.key, r]));
  const held: HeldDeletions[] = [];
  for (const [typeId, removals] of byType) {
    const count = removals.length;
    const links = linked.get(typeId) ?? 0;
    if (count <= Math.max(BREAKER_FLOOR, BREAKER_SHARE * links)) continue;
    const waiting: HeldRow[] = [];
    for (const op of removals) {
      for (const rowKey of op.rowKeys) {
        if (confirmed.has(rowKey)) continue;
        const row = rowByKey.get(rowKey);
        waiting.push({ rowKey, typeId, name: row?.name ?? rowKey, target: op.target === 'cso' ? 'cso' : 'qbo' });
      }
    }
    if (waiting.length) held.push({ typeId, count, linked: links, rows: waiting });
  }
  markHeld(rows, held);
  return held;
}

/** Puts the breaker's words on the held rows (their status stays Waiting for Deletion). */
export function markHeld(rows: readonly SyncRow[], held: readonly HeldDeletions[]): void {
  if (held.length === 0) return;
  const byKey = new Map(held.flatMap((h) => h.rows.map((r) => [r.rowKey, h] as const)));
  for (const row of rows) {
    const h = byKey.get(row.key);
    if (h && row.status === 'waitingForDeletion') row.issue = issues.deletionHeld(h.count, h.linked, h.typeId);
  }
}

/** Words for a run's held deletions, one line (for the run's message and a notification). */
export function describeHeld(held: readonly HeldDeletions[]): string {
  const total = held.reduce((n, h) => n + h.rows.length, 0);
  const kinds = held.map((h) => countOf(h.rows.length, h.typeId)).join(', ');
  return `${total} deletion${total === 1 ? '' : 's'} wait for your review (${kinds}): none of them was written.`;
}
