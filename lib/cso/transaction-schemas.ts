// zod schemas for the store's transactions (CONTRACT.md v1.4): audit days and vendor invoices.
// Amounts are whole cents; a fractional amount is a malformed answer, never rounded here, because
// the days must tie out to the cent in QuickBooks.
import { z } from 'zod';
import { CsoTimestamp, CsoTombstone } from './schemas';

const id = z.string().min(1);
const cents = z.number().int().refine(Number.isSafeInteger, 'not a safe whole number of cents');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a YYYY-MM-DD date');
// Every key is always present; an absent one is read as null so a lax server still parses.
const ref = id
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const memo = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const common = { id, version: z.number().int().positive(), updatedAt: CsoTimestamp };

const CsoAuditDayLine = z.object({ id, dataTypeId: id, amountCents: cents, customerId: ref, vendorId: ref, memo });

const CsoAuditDay = z.object({
  ...common,
  stationId: id,
  date,
  status: z.enum(['open', 'audited', 'reopened']),
  lines: z.array(CsoAuditDayLine),
});
export type CsoAuditDay = z.infer<typeof CsoAuditDay>;

const CsoVendorInvoiceLine = z
  .object({ id, dataTypeId: ref, accountId: ref, amountCents: cents, memo })
  .refine((l) => (l.dataTypeId === null) !== (l.accountId === null), 'a line posts to a data type or an account');

export const CsoVendorInvoice = z.object({
  ...common,
  vendorType: z.enum(['priceBookVendor', 'accountingVendor']),
  vendorId: id,
  number: z.string(),
  date,
  dueDate: date,
  stationId: id,
  lines: z.array(CsoVendorInvoiceLine),
});
export type CsoVendorInvoice = z.infer<typeof CsoVendorInvoice>;

/** One page of a transaction listing; a tombstone is tried first, as for entity pages. */
const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(z.union([CsoTombstone, item])),
    nextCursor: z.string().min(1).nullable(),
    total: z.number().int().nonnegative().optional(),
    serverTime: CsoTimestamp,
  });
export const CsoAuditDayPage = pageOf(CsoAuditDay);
export const CsoVendorInvoicePage = pageOf(CsoVendorInvoice);
