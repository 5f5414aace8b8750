/**
 * A one-way type's pair: the changes that flow the other way are held back, and a conflict goes to
 * the side the type flows to (its source changed, and that is the change the user asked to carry).
 * On a first link the source's values win, like CStoreOffice's do for a two-way type (DESIGN §3
 * "First link"); a source that is empty where the other side has a value is held back, not sent.
 */
import type { EntityTypeId } from '../../entities';
import type { PairDiff } from '../diff';
import type { Direction } from '../directions';
import { sharedFields } from '../fields';
import type { RecordValues } from '../types';

export interface DirectedDiff extends PairDiff {
  /** Shared fields that differ but that this type does not carry in that direction. */
  withheld: string[];
}

export function directDiff(
  typeId: EntityTypeId,
  direction: Direction,
  diff: PairDiff,
  /** A first link's merge (no snapshot yet): differences are not changes, the source's values win. */
  merging: boolean,
  qbo: RecordValues,
): DirectedDiff {
  if (direction === 'toQbo') {
    return {
      toQbo: [...diff.toQbo, ...diff.conflicts],
      toCso: [],
      agreed: diff.agreed,
      conflicts: [],
      withheld: diff.toCso,
    };
  }
  if (direction !== 'toCso') return { ...diff, withheld: [] };
  const shared = sharedFields(typeId);
  const fromQbo = merging ? diff.toQbo.filter((f) => shared.includes(f) && qbo[f] !== null) : [];
  return {
    toQbo: [],
    toCso: [...diff.toCso, ...fromQbo, ...diff.conflicts],
    agreed: diff.agreed,
    conflicts: [],
    withheld: diff.toQbo.filter((f) => shared.includes(f) && !fromQbo.includes(f)),
  };
}

/** Takes `fields` out of what goes to QuickBooks (its settings refuse them); returns those it took. */
export function holdBack(diff: PairDiff, fields: readonly string[]): string[] {
  const taken = diff.toQbo.filter((f) => fields.includes(f));
  if (taken.length > 0) diff.toQbo = diff.toQbo.filter((f) => !fields.includes(f));
  return taken;
}
