/**
 * Which way a type's changes travel, chosen per company in the first-sync setup (and later in that
 * company's settings). A one-way type still reads and links both sides, so its names keep their
 * place in QBO's shared namespace and its rows can say what they would do; it only never writes
 * to the side it does not flow to. `off` writes nothing at all.
 */
import type { EntityTypeId } from '../entities';

export const DIRECTIONS = ['both', 'toQbo', 'toCso', 'off'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const DIRECTION_LABELS: Readonly<Record<Direction, string>> = {
  both: 'Both ways',
  toQbo: 'CStoreOffice → QuickBooks only',
  toCso: 'QuickBooks → CStoreOffice only',
  off: 'Off',
};

/** Each type's direction; a type left out goes both ways. */
export type Directions = Readonly<Partial<Record<EntityTypeId, Direction>>>;

export function directionOf(directions: Directions | undefined, typeId: EntityTypeId): Direction {
  return directions?.[typeId] ?? 'both';
}
