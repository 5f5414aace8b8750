/**
 * Per side, type and id: the op giving that record its counterpart ('' when it is linked already),
 * so an op naming the record (parent, credit account) can wait for it. Only types some field names
 * are kept: customers and vendors are never named, and skipping them saves most of the work.
 */
import type { EntityTypeId } from '../../../lib/entities';
import { REF_FIELDS } from '../../../lib/sync/fields';

type Side = 'cso' | 'qbo';

/** The types a reference field points to (accounts, classes, locations). */
const NAMED: ReadonlySet<EntityTypeId> = new Set(
  Object.values(REF_FIELDS).flatMap((fields) => Object.values(fields ?? {})),
);

export function createProducers() {
  // Nested Maps instead of `side:type:id` keys: planning registers one per named record.
  const sides = {
    cso: new Map<EntityTypeId, Map<string, string>>(),
    qbo: new Map<EntityTypeId, Map<string, string>>(),
  };
  const of = (side: Side, typeId: EntityTypeId) => {
    let map = sides[side].get(typeId);
    if (!map) sides[side].set(typeId, (map = new Map()));
    return map;
  };
  return {
    /** False for types no field names: their producers are never asked for, so none are kept. */
    wanted: (typeId: EntityTypeId) => NAMED.has(typeId),
    get: (side: Side, typeId: EntityTypeId, id: string) => sides[side].get(typeId)?.get(id),
    set: (side: Side, typeId: EntityTypeId, id: string, opId: string) => void of(side, typeId).set(id, opId),
    delete: (side: Side, typeId: EntityTypeId, id: string) => void sides[side].get(typeId)?.delete(id),
  };
}
