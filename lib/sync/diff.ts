/**
 * Three-way change detection for one linked pair: each side's current values against that side's
 * snapshot from the last success. Changed on one side → written to the other; changed on both to
 * the same value → only the snapshots move; changed on both differently → a conflict. Comparing
 * across sides goes through `toQbo`, which translates CStoreOffice ids through the links.
 */
import { type EntityTypeId } from '../entities';
import { comparedFields, sharedFields, WRITE_ONLY_QBO_FIELDS } from './fields';
import type { FieldValue, RecordValues, Snapshot } from './types';

export interface DiffInput {
  typeId: EntityTypeId;
  cso: RecordValues;
  qbo: RecordValues;
  base: { cso: Snapshot; qbo: Snapshot };
  /** A CStoreOffice value in QBO's terms (ids translated); undefined when it cannot be translated. */
  toQbo: (field: string, value: FieldValue) => FieldValue | undefined;
}

export interface PairDiff {
  /** Fields changed in CStoreOffice only: write them to QBO. */
  toQbo: string[];
  /** Fields changed in QBO only: write them to CStoreOffice. */
  toCso: string[];
  /** Changed on both sides to the same value: nothing to write, the snapshots catch up. */
  agreed: string[];
  /** Changed on both sides differently. */
  conflicts: string[];
}

export function diffPair(input: DiffInput): PairDiff {
  const diff: PairDiff = { toQbo: [], toCso: [], agreed: [], conflicts: [] };
  for (const field of sharedFields(input.typeId)) {
    const csoChanged = input.cso[field] !== input.base.cso.values[field];
    const qboChanged = input.qbo[field] !== input.base.qbo.values[field];
    if (csoChanged && qboChanged) {
      const same = input.toQbo(field, input.cso[field] ?? null) === input.qbo[field];
      (same ? diff.agreed : diff.conflicts).push(field);
    } else if (csoChanged) diff.toQbo.push(field);
    else if (qboChanged) diff.toCso.push(field);
  }
  for (const field of WRITE_ONLY_QBO_FIELDS[input.typeId] ?? []) {
    if (input.cso[field] !== input.base.cso.values[field]) diff.toQbo.push(field);
  }
  // QBO's deactivation travels as `active: false`, like any field: a reversible act stays
  // reversible (reactivating in QBO reactivates in CStoreOffice), never a deletion.
  return diff;
}

/** Marks a snapshot value as "not what the other side holds", so the diff sees a change. */
export const UNSYNCED = '\u0000unsynced';

/**
 * The snapshots of a pair matched by name, chosen so that `diffPair` yields the first-link merge:
 * CStoreOffice's values win, except that an empty CStoreOffice field takes QBO's value; `active`
 * always follows CStoreOffice (a match to an inactive QBO record reactivates it).
 */
export function firstLinkBase(input: Omit<DiffInput, 'base'> & { csoRevision: string; qboRevision: string }): { cso: RecordValues; qbo: RecordValues } {
  const cso: RecordValues = { ...input.cso };
  const qbo: RecordValues = { ...input.qbo };
  for (const field of sharedFields(input.typeId)) {
    const csoValue = input.cso[field] ?? null;
    if (input.toQbo(field, csoValue) === input.qbo[field]) continue;
    const qboWins = csoValue === null && input.qbo[field] !== null && field !== 'active';
    if (qboWins) qbo[field] = UNSYNCED;
    else cso[field] = UNSYNCED;
  }
  for (const field of comparedFields(input.typeId, 'cso')) {
    if (!(field in qbo) && input.cso[field] !== null) cso[field] = UNSYNCED;
  }
  return { cso, qbo };
}
