/**
 * Three-way change detection for one linked pair: each side's current values against that side's
 * snapshot from the last success. Changed on one side → written to the other; changed on both to
 * the same value → only the snapshots move; changed on both differently → a conflict. Comparing
 * across sides goes through `toQbo`, which translates CStoreOffice ids through the links. A
 * decision stored on the link (a kept side, a first link's merge) decides instead, until written.
 */
import { type EntityTypeId, type Side } from '../entities';
import { applyAccountRules } from './account-diff';
import { sharedFields, WRITE_ONLY_QBO_FIELDS } from './fields';
import { showsSame } from './shown';
import type { FieldValue, RecordValues, Resolution, Snapshot } from './types';

export interface DiffInput {
  typeId: EntityTypeId;
  cso: RecordValues;
  qbo: RecordValues;
  base: { cso: Snapshot; qbo: Snapshot };
  /** A CStoreOffice value in QBO's terms (ids translated); undefined when it cannot be translated. */
  toQbo: (field: string, value: FieldValue) => FieldValue | undefined;
  /** A decision stored on the link (`Resolution`): it decides instead of the snapshots. */
  keep?: Resolution['keep'] | undefined;
  /** What QBO shows of fields it masks (lib/sync/shown.ts): a first link does not rewrite what it shows alike. */
  qboShown?: RecordValues | undefined;
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
  if (input.keep) return keptSide(input, input.keep);
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
  applyAccountRules(input.typeId, input.cso, input.qbo, diff, true);
  return diff;
}

/** A decision on the pair, carried out whatever the snapshots say (see `Resolution`). */
function keptSide(input: DiffInput, keep: Side | 'merge'): PairDiff {
  if (keep === 'merge') return firstLinkDiff(input);
  const fields = [...sharedFields(input.typeId)];
  if (keep === 'qbo') return { toQbo: [], toCso: fields, agreed: [], conflicts: [] };
  const diff = {
    toQbo: [...fields, ...(WRITE_ONLY_QBO_FIELDS[input.typeId] ?? [])],
    toCso: [],
    agreed: [],
    conflicts: [],
  };
  applyAccountRules(input.typeId, input.cso, input.qbo, diff, true);
  return diff;
}

/**
 * The first-link merge of a pair matched by name: CStoreOffice's values win, except that an empty
 * CStoreOffice field takes QBO's value; `active` always follows CStoreOffice (a match to an inactive
 * QBO record reactivates it). Worked out from the current values each run until it is written.
 */
export function firstLinkDiff(input: Omit<DiffInput, 'base' | 'keep'>): PairDiff {
  const diff: PairDiff = { toQbo: [], toCso: [], agreed: [], conflicts: [] };
  for (const field of sharedFields(input.typeId)) {
    const csoValue = input.cso[field] ?? null;
    if (input.toQbo(field, csoValue) === input.qbo[field]) continue;
    const qboWins = csoValue === null && input.qbo[field] !== null && field !== 'active';
    (qboWins ? diff.toCso : diff.toQbo).push(field);
  }
  for (const field of WRITE_ONLY_QBO_FIELDS[input.typeId] ?? []) {
    const value = input.cso[field];
    if (value !== null && value !== undefined && !showsSame(value, input.qboShown?.[field])) diff.toQbo.push(field);
  }
  applyAccountRules(input.typeId, input.cso, input.qbo, diff, false);
  return diff;
}
