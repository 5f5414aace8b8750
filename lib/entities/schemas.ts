/**
 * The domain record of each entity type: the fields that travel between CStoreOffice and QBO,
 * side-neutral. Each side's adapter parses its API payload and maps it onto these; `id` and
 * `parentId` are ids on the record's own side.
 */
import { z } from 'zod';
import { ACCOUNT_TYPES } from './account-types';
import type { EntityTypeId } from './catalog';

const text = z.string().nullable();

const base = {
  id: z.string().min(1),
  name: z.string(),
  active: z.boolean(),
};

const hierarchy = { parentId: z.string().min(1).nullable() };

const contact = { companyName: text, email: text, phone: text };

export const AccountRecord = z.object({
  ...base,
  ...hierarchy,
  number: text,
  accountType: z.enum(ACCOUNT_TYPES),
  description: text,
});

export const ClassRecord = z.object({ ...base, ...hierarchy });

export const CustomerRecord = z.object({ ...base, ...contact });

/** Both vendor kinds; QBO masks TaxIdentifier on read, so taxId is written and never compared. */
export const VendorRecord = z.object({ ...base, ...contact, taxId: text });

export const DataTypeRecord = z.object({
  ...base,
  /** The account the data type credits; in QBO the Service item's IncomeAccountRef. */
  creditAccountId: z.string().min(1).nullable(),
});

export const LocationRecord = z.object({ ...base, ...hierarchy, address: text });

export type AccountRecord = z.infer<typeof AccountRecord>;
export type ClassRecord = z.infer<typeof ClassRecord>;
export type CustomerRecord = z.infer<typeof CustomerRecord>;
export type VendorRecord = z.infer<typeof VendorRecord>;
export type DataTypeRecord = z.infer<typeof DataTypeRecord>;
export type LocationRecord = z.infer<typeof LocationRecord>;

export interface RecordByType {
  account: AccountRecord;
  class: ClassRecord;
  customer: CustomerRecord;
  priceBookVendor: VendorRecord;
  accountingVendor: VendorRecord;
  dataType: DataTypeRecord;
  location: LocationRecord;
}

export type DomainRecord = RecordByType[EntityTypeId];

/** The fields compared by change detection, per type (ids excluded; parent compared by link). */
export const SYNCED_FIELDS: Readonly<{ [K in EntityTypeId]: readonly (keyof RecordByType[K])[] }> = {
  account: ['name', 'parentId', 'number', 'accountType', 'description', 'active'],
  class: ['name', 'parentId', 'active'],
  customer: ['name', 'companyName', 'email', 'phone', 'active'],
  priceBookVendor: ['name', 'companyName', 'email', 'phone', 'active'],
  accountingVendor: ['name', 'companyName', 'email', 'phone', 'active'],
  dataType: ['name', 'creditAccountId', 'active'],
  location: ['name', 'parentId', 'address', 'active'],
};
