/**
 * What a first link (a pair matched by name, no snapshot yet) compares beside the shared fields:
 * whether the pair already agrees, and what QBO shows of the fields it masks.
 */
import type { EntityTypeId } from '../../entities';
import { comparedFields, pickValues, sharedFields, WRITE_ONLY_QBO_FIELDS } from '../fields';
import type { Pair } from '../match';
import { shownValue, showsSame } from '../shown';
import type { TranslateOptions } from '../translate';
import type { AnyRecord, FieldValue, RecordValues } from '../types';
import type { World } from '../world';
import { pairTranslator } from './matched-ids';

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

/**
 * True when a pair linked elsewhere (its link read back from CStoreOffice, no snapshot here) agrees
 * in every field now, so its values can be its snapshots. A reference not linked yet reads as a
 * difference: the pair then keeps the merge, as any first link does.
 */
export function linkedPairAgrees(
  world: World,
  options: TranslateOptions,
  typeId: EntityTypeId,
  cso: AnyRecord,
  qbo: AnyRecord,
): boolean {
  const toQbo = pairTranslator(world, options, new Map(), typeId);
  const shown = shownOf({ typeId, cso, qbo, link: null });
  return alreadyEqual(typeId, pickValues(typeId, 'cso', cso), pickValues(typeId, 'qbo', qbo), toQbo, shown);
}
