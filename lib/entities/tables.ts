/**
 * Per-type tables derived from the registered modules (registry.ts): every table about entity types
 * that the catalog and both sides keep is built with these, so a registered type is in all of them.
 */
import { ENTITY_MODULES, type EntityTypeId, type RegisteredModule } from './registry';
import type { FieldSides } from './types/shape';

/** One value per registered type, keyed by its id. */
export function tableOf<T>(pick: (module: RegisteredModule) => T): Readonly<Record<EntityTypeId, T>> {
  return Object.fromEntries(ENTITY_MODULES.map((m) => [m.id, pick(m)])) as Record<EntityTypeId, T>;
}

/** Each type's fields whose sides pass `test`, in the order its module lists them (snapshots and ops follow it). */
export function fieldsWhere(test: (sides: FieldSides) => boolean): Readonly<Record<EntityTypeId, readonly string[]>> {
  return tableOf((m) =>
    Object.entries<FieldSides>(m.fields)
      .filter(([, sides]) => test(sides))
      .map(([field]) => field),
  );
}
