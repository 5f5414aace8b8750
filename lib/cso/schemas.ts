// zod schemas for everything CStoreOffice answers (CONTRACT.md). Parsed at the edge, in client.ts;
// the rest of the extension sees the inferred types only.
import { z } from 'zod';
import type { EntityTypeId } from '../entities';

export const CSO_ACCOUNT_TYPES = [
  'Bank',
  'Accounts Receivable',
  'Other Current Asset',
  'Fixed Asset',
  'Other Asset',
  'Accounts Payable',
  'Credit Card',
  'Other Current Liability',
  'Long Term Liability',
  'Equity',
  'Income',
  'Cost of Goods Sold',
  'Expense',
  'Other Income',
  'Other Expense',
] as const;
const CSO_VENDOR_CATEGORIES = ['Merchandise', 'Fuel', 'Expenses', 'Lottery'] as const;
const CSO_DATA_TYPE_CATEGORIES = ['Sales', 'Purchases', 'Receipts', 'Payouts', 'Other'] as const;

const text = z.string().nullable();
export const CsoTimestamp = z.iso.datetime({ offset: true });
const timestamp = CsoTimestamp;
/** A record's QuickBooks link (v1.3): which QuickBooks company and record it is linked to. */
const CsoQboLink = z.object({ realmId: z.string().min(1), id: z.string().min(1) });
export type CsoQboLink = z.infer<typeof CsoQboLink>;
const base = {
  id: z.string().min(1),
  name: z.string(),
  active: z.boolean(),
  version: z.number().int().positive(),
  updatedAt: timestamp,
  // Since v1.3. Absent (a server before it) is not null: the link is unknown there, not missing.
  qbo: CsoQboLink.nullable().optional(),
};
const tree = { parentId: z.string().min(1).nullable() };
const contact = { taxId: text, email: text, phone: text };

const CsoAccount = z.object({
  ...base,
  ...tree,
  number: text,
  accountType: z.enum(CSO_ACCOUNT_TYPES),
  description: text,
  // Since v1.2; a server before it has no detail types (none known: null).
  detailType: text.optional().transform((v) => v ?? null),
});
const CsoClass = z.object({ ...base, ...tree });
const CsoCustomer = z.object({ ...base, companyName: text, email: text, phone: text });
const CsoPriceBookVendor = z.object({ ...base, ...contact, category: z.enum(CSO_VENDOR_CATEGORIES) });
const CsoAccountingVendor = z.object({ ...base, ...contact });
const CsoDataType = z.object({
  ...base,
  category: z.enum(CSO_DATA_TYPE_CATEGORIES),
  debitAccountId: text,
  creditAccountId: text,
});
const CsoLocation = z.object({ ...base, ...tree, stationCode: z.string(), address: text });

type CsoAccount = z.infer<typeof CsoAccount>;
type CsoClass = z.infer<typeof CsoClass>;
type CsoCustomer = z.infer<typeof CsoCustomer>;
type CsoPriceBookVendor = z.infer<typeof CsoPriceBookVendor>;
type CsoAccountingVendor = z.infer<typeof CsoAccountingVendor>;
type CsoDataType = z.infer<typeof CsoDataType>;
type CsoLocation = z.infer<typeof CsoLocation>;

export const CSO_RECORD_SCHEMAS = {
  account: CsoAccount,
  class: CsoClass,
  customer: CsoCustomer,
  priceBookVendor: CsoPriceBookVendor,
  accountingVendor: CsoAccountingVendor,
  dataType: CsoDataType,
  location: CsoLocation,
} as const satisfies Record<EntityTypeId, z.ZodType>;

export type CsoRecordByType = { [K in EntityTypeId]: z.infer<(typeof CSO_RECORD_SCHEMAS)[K]> };
export type CsoRecord = CsoRecordByType[EntityTypeId];

type Writable<R> = Omit<R, 'id' | 'version' | 'updatedAt'>;
/** A create body: the name is required, everything else takes the server's default when omitted. */
export type CsoCreateInput<T extends EntityTypeId> = Partial<Writable<CsoRecordByType[T]>> & { name: string };
/** An update body: only the fields sent change. */
export type CsoUpdateInput<T extends EntityTypeId> = Partial<Writable<CsoRecordByType[T]>>;

export const CsoTombstone = z.object({ id: z.string().min(1), deleted: z.literal(true), updatedAt: timestamp });
export type CsoTombstone = z.infer<typeof CsoTombstone>;

export const CsoCompany = z.object({ id: z.string().min(1), name: z.string() });
export type CsoCompany = z.infer<typeof CsoCompany>;
export const CsoCompanyList = z.object({ items: z.array(CsoCompany) });

/** One page of a listing; a tombstone is tried first so `deleted: true` is never read as a record. */
export function csoPageSchema<T extends EntityTypeId>(type: T) {
  const record = CSO_RECORD_SCHEMAS[type] as unknown as z.ZodType<CsoRecordByType[T]>;
  return z.object({
    items: z.array(z.union([CsoTombstone, record])),
    nextCursor: z.string().min(1).nullable(),
    total: z.number().int().nonnegative().optional(),
    serverTime: timestamp,
  });
}
export interface CsoPage<T extends EntityTypeId> {
  items: Array<CsoRecordByType[T] | CsoTombstone>;
  nextCursor: string | null;
  total?: number | undefined;
  serverTime: string;
}

export const CsoErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    existingId: z.string().optional(),
  }),
});
export type CsoErrorBody = z.infer<typeof CsoErrorBody>['error'];

export const isTombstone = (item: CsoRecord | CsoTombstone): item is CsoTombstone =>
  'deleted' in item && item.deleted === true;
