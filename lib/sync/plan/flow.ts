/**
 * Which way a type's changes may travel in this plan: the company's direction for it (its setup),
 * narrowed by what QuickBooks takes (its Preferences: a list whose tracking is off takes nothing),
 * with the words a row shows when something is not sent for that reason.
 */
import type { EntityTypeId } from '../../entities';
import { type Direction, directionOf } from '../directions';
import { ACCOUNT_NUMBERS_OFF, type QboCompanyPrefs, typesQboRefuses } from '../qbo-company';
import type { PlanOptions } from './types';

export interface Flow {
  direction: Direction;
  /** Why QuickBooks takes nothing of this type (its tracking is off); null when it does. */
  qboRefuses: string | null;
}

export function flowOf(options: Pick<PlanOptions, 'directions' | 'qboPrefs'>, typeId: EntityTypeId): Flow {
  const chosen = directionOf(options.directions, typeId);
  const refuses = options.qboPrefs ? (refusedBy(options.qboPrefs)[typeId] ?? null) : null;
  if (refuses === null) return { direction: chosen, qboRefuses: null };
  // QuickBooks takes nothing: what still flows is QuickBooks → CStoreOffice, if the company wants it.
  return { direction: chosen === 'both' || chosen === 'toCso' ? 'toCso' : 'off', qboRefuses: refuses };
}

// Asked per record while planning: the company's refusals are worked out once per settings object.
const refusals = new WeakMap<QboCompanyPrefs, Partial<Record<EntityTypeId, string>>>();
function refusedBy(prefs: QboCompanyPrefs): Partial<Record<EntityTypeId, string>> {
  let refused = refusals.get(prefs);
  if (!refused) refusals.set(prefs, (refused = typesQboRefuses(prefs)));
  return refused;
}

/** Fields a type never sends to QuickBooks under its settings, with why (account numbers turned off). */
export function fieldsQboRefuses(
  options: Pick<PlanOptions, 'qboPrefs'>,
  typeId: EntityTypeId,
): { fields: readonly string[]; why: string } | null {
  if (typeId !== 'account' || !options.qboPrefs || options.qboPrefs.accountNumbers) return null;
  return { fields: ['number'], why: ACCOUNT_NUMBERS_OFF };
}
