// The extension's entity type ids and the contract's URL segments (CONTRACT.md, "Entity types").
import type { EntityTypeId } from '../entities';

export const CSO_SEGMENTS: Readonly<Record<EntityTypeId, string>> = {
  account: 'accounts',
  class: 'classes',
  customer: 'customers',
  priceBookVendor: 'price-book-vendors',
  accountingVendor: 'accounting-vendors',
  dataType: 'data-types',
  location: 'locations',
};

/** The page a person opens for one record (the panel's "CSO Id" link). */
export function csoRecordPageUrl(origin: string, type: EntityTypeId, id: string): string {
  return `${origin.replace(/\/+$/, '')}/app.php/accounting/${CSO_SEGMENTS[type]}/${encodeURIComponent(id)}`;
}
