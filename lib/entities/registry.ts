/**
 * The registered entity types, one module each (lib/entities/types/), in the order the table, the
 * options and every per-type loop list them. Adding a type: README.md in this folder.
 */
import { account } from './types/account';
import { accountingVendor } from './types/accounting-vendor';
import { classType } from './types/class';
import { customer } from './types/customer';
import { dataType } from './types/data-type';
import { location } from './types/location';
import { priceBookVendor } from './types/price-book-vendor';
import type { EntityModule } from './types/shape';

export const ENTITY_MODULES = register([
  account,
  classType,
  customer,
  priceBookVendor,
  accountingVendor,
  dataType,
  location,
]);

export type RegisteredModule = (typeof ENTITY_MODULES)[number];
export type EntityTypeId = RegisteredModule['id'];
/** The module of one type, with its literal types (its schema, its QBO list). */
export type ModuleOf<K extends EntityTypeId> = Extract<RegisteredModule, { id: K }>;

/** The types another type names (depends on, or refers to through a field): registered ones only. */
interface NamesRegistered<Id> {
  dependsOn: readonly Id[];
  refs: { readonly [field: string]: Id | undefined };
}

/** The modules as given; one naming a type that is not registered does not compile. */
function register<const M extends readonly EntityModule[]>(
  modules: M & readonly NamesRegistered<M[number]['id']>[],
): M {
  return modules;
}
