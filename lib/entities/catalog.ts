/**
 * The seven kinds of accounting entity the manager keeps in step, as the accountant sees them in
 * the table and as QuickBooks Online stores them. Every other module asks this catalog rather than
 * hard-coding a type's QBO entity, name field or limits.
 */
export const ENTITY_TYPE_IDS = [
  'account',
  'class',
  'customer',
  'priceBookVendor',
  'accountingVendor',
  'dataType',
  'location',
] as const;

export type EntityTypeId = (typeof ENTITY_TYPE_IDS)[number];

export type QboEntityName = 'Account' | 'Class' | 'Customer' | 'Vendor' | 'Item' | 'Department';

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

// Tab and line breaks are refused in every QBO name (2040); the colon separates hierarchy levels.
const NAME_LIST_FORBIDDEN = [':', '\t', '\n', '\r'] as const;

export const ENTITY_TYPES: Readonly<Record<EntityTypeId, EntityType>> = {
  account: {
    id: 'account',
    label: 'Account',
    qboEntity: 'Account',
    qboNameField: 'Name',
    nameMaxLength: 100,
    forbiddenChars: [...NAME_LIST_FORBIDDEN, '"'],
    hierarchical: true,
    sharesDisplayNameNamespace: false,
    dependsOn: [],
  },
  class: {
    id: 'class',
    label: 'Class',
    qboEntity: 'Class',
    qboNameField: 'Name',
    nameMaxLength: 100,
    forbiddenChars: NAME_LIST_FORBIDDEN,
    hierarchical: true,
    maxDepth: 5,
    sharesDisplayNameNamespace: false,
    dependsOn: [],
  },
  customer: {
    id: 'customer',
    label: 'Customer',
    qboEntity: 'Customer',
    qboNameField: 'DisplayName',
    nameMaxLength: 500,
    forbiddenChars: NAME_LIST_FORBIDDEN,
    hierarchical: false,
    sharesDisplayNameNamespace: true,
    dependsOn: [],
  },
  priceBookVendor: {
    id: 'priceBookVendor',
    label: 'Price book vendor',
    qboEntity: 'Vendor',
    qboNameField: 'DisplayName',
    nameMaxLength: 500,
    forbiddenChars: NAME_LIST_FORBIDDEN,
    hierarchical: false,
    sharesDisplayNameNamespace: true,
    dependsOn: [],
  },
  accountingVendor: {
    id: 'accountingVendor',
    label: 'Accounting vendor',
    qboEntity: 'Vendor',
    qboNameField: 'DisplayName',
    nameMaxLength: 500,
    forbiddenChars: NAME_LIST_FORBIDDEN,
    hierarchical: false,
    sharesDisplayNameNamespace: true,
    dependsOn: [],
  },
  dataType: {
    id: 'dataType',
    label: 'Data type',
    qboEntity: 'Item',
    qboNameField: 'Name',
    nameMaxLength: 100,
    forbiddenChars: NAME_LIST_FORBIDDEN,
    hierarchical: false,
    sharesDisplayNameNamespace: false,
    dependsOn: ['account'],
  },
  location: {
    id: 'location',
    label: 'Location (station)',
    qboEntity: 'Department',
    qboNameField: 'Name',
    nameMaxLength: 100,
    forbiddenChars: NAME_LIST_FORBIDDEN,
    hierarchical: true,
    maxDepth: 5,
    sharesDisplayNameNamespace: false,
    dependsOn: [],
  },
};

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
