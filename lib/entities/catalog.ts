/**
 * The seven kinds of accounting entity the manager keeps in step, as the accountant sees them in
 * the table and as QuickBooks Online stores them, derived from their modules (registry.ts). Every
 * other module asks this catalog rather than hard-coding a type's QBO entity, name field or limits.
 */
import { ENTITY_MODULES, type EntityTypeId, type RegisteredModule } from './registry';
import { tableOf } from './tables';

export type { EntityTypeId } from './registry';

export const ENTITY_TYPE_IDS: readonly EntityTypeId[] = ENTITY_MODULES.map((m) => m.id);

/** The QBO lists the registered types are stored in. */
export type QboEntityName = RegisteredModule['qbo']['entity'];

export interface EntityType {
  id: EntityTypeId;
  /** The label in the Type column, exactly as the product documentation writes it. */
  label: string;
  qboEntity: QboEntityName;
  qboNameField: 'Name' | 'DisplayName';
  /** QBO's maximum length of the name field, in characters. */
  nameMaxLength: number;
  /** Characters QBO refuses in this name field (Fault 2040 "Invalid String"). */
  forbiddenChars: readonly string[];
  /** Hierarchical types match on the full `Parent:Child` path, like QBO's FullyQualifiedName. */
  hierarchical: boolean;
  /** QBO's documented nesting limit (levels, top level included); undefined where none is stated. */
  maxDepth?: number;
  /** Customer, Vendor and Employee display names share one namespace in QBO (Fault 6240). */
  sharesDisplayNameNamespace: boolean;
  /** Types whose links must exist before this type can be written (a data type needs its account). */
  dependsOn: readonly EntityTypeId[];
}

export const ENTITY_TYPES: Readonly<Record<EntityTypeId, EntityType>> = tableOf((m) => ({
  id: m.id,
  label: m.label,
  qboEntity: m.qbo.entity,
  qboNameField: m.qbo.nameField,
  nameMaxLength: m.nameMaxLength,
  forbiddenChars: m.forbiddenChars,
  hierarchical: m.hierarchical,
  ...('maxDepth' in m ? { maxDepth: m.maxDepth } : {}),
  sharesDisplayNameNamespace: m.sharesDisplayNameNamespace,
  dependsOn: m.dependsOn,
}));

/** The QBO lists the types are stored in, each once, in the order of the types that use them. */
export const QBO_ENTITY_NAMES: readonly QboEntityName[] = [...new Set(ENTITY_MODULES.map((m) => m.qbo.entity))];

/** Types in an order where every type comes after the types it depends on. */
export function typesInDependencyOrder(): EntityTypeId[] {
  const done = new Set<EntityTypeId>();
  const visit = (id: EntityTypeId) => {
    if (done.has(id)) return;
    ENTITY_TYPES[id].dependsOn.forEach(visit);
    done.add(id);
  };
  ENTITY_TYPE_IDS.forEach(visit);
  return [...done];
}

/** The CSO types that land in one QBO list (both vendor kinds share QBO's Vendor list). */
export function typesStoredAs(qboEntity: QboEntityName): EntityTypeId[] {
  return ENTITY_TYPE_IDS.filter((id) => ENTITY_TYPES[id].qboEntity === qboEntity);
}
