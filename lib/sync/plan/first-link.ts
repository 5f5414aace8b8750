/**
 * What a first link (a pair matched by name, no snapshot yet) compares beside the shared fields:
 * whether the pair already agrees, and what QBO shows of the fields it masks.
 */
import { comparedFields, sharedFields, WRITE_ONLY_QBO_FIELDS } from '../fields';
import type { Pair } from '../match';
import { shownValue, showsSame } from '../shown';
import type { FieldValue, RecordValues } from '../types';

/** True when `firstLinkDiff` would write nothing: every shared field equal, no one-sided field set. */
export function alreadyEqual(
  typeId: Pair['typeId'],
  cso: RecordValues,
  qbo: RecordValues,
  toQbo: (field: string, value: FieldValue) => FieldValue | undefined,
  shown: RecordValues | undefined,
): boolean {
  for (const field of sharedFields(typeId)) if (toQbo(field, cso[field] ?? null) !== qbo[field]) return false;
  for (const field of comparedFields(typeId, 'cso'))
    if (!(field in qbo) && cso[field] !== null && !showsSame(cso[field], shown?.[field])) return false;
  return true;
}

/** What QBO shows of the fields it masks, when it shows any (most records: none). */
export function shownOf(pair: Pair): RecordValues | undefined {
  const fields = WRITE_ONLY_QBO_FIELDS[pair.typeId];
  if (!fields) return undefined;
  const out: RecordValues = {};
  for (const field of fields) out[field] = shownValue(pair.qbo, field) ?? null;
  return out;
}
