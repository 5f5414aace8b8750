/**
 * The domain record of each entity type: the fields that travel between CStoreOffice and QBO,
 * side-neutral, declared in the type's module (types/). Each side's adapter parses its API payload
 * and maps it onto these; `id` and `parentId` are ids on the record's own side.
 */
import type { z } from 'zod';
import type { EntityTypeId, ModuleOf } from './registry';

export { AccountRecord } from './types/account';
export { ClassRecord } from './types/class';
export { CustomerRecord } from './types/customer';
export { DataTypeRecord } from './types/data-type';
export { LocationRecord } from './types/location';
export { VendorRecord } from './types/vendor';

export type RecordByType = { [K in EntityTypeId]: z.infer<ModuleOf<K>['schema']> };

export type DomainRecord = RecordByType[EntityTypeId];
