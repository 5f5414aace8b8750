/**
 * A posting snapshot as it is read back from the browser's storage (a boundary: a damaged or older
 * value must not be taken for the truth). One that does not parse is dropped, and the next run reads
 * both sides whole.
 */
import { z } from 'zod';
import type { PostingSnapshot } from './ports';

const id = z.string().min(1);
const cents = z.number().int();
const nullable = z.string().nullable();

const DayLine = z.object({
  id,
  dataTypeId: id,
  amountCents: cents,
  customerId: nullable,
  vendorId: nullable,
  memo: nullable,
});
const AuditDay = z.object({
  id,
  stationId: id,
  date: z.string(),
  status: z.enum(['open', 'audited', 'reopened']),
  version: z.number().int(),
  lines: z.array(DayLine),
});
const InvoiceLine = z.object({ id, dataTypeId: nullable, accountId: nullable, amountCents: cents, memo: nullable });
const VendorInvoice = z.object({
  id,
  vendorType: z.enum(['priceBookVendor', 'accountingVendor']),
  vendorId: id,
  number: z.string(),
  date: z.string(),
  dueDate: z.string(),
  stationId: id,
  version: z.number().int(),
  lines: z.array(InvoiceLine),
});
const TxnLine = z.object({
  postingType: z.enum(['Debit', 'Credit']).optional(),
  accountId: id,
  amountCents: cents.nonnegative(),
  party: z.object({ type: z.enum(['Customer', 'Vendor']), id }).optional(),
  classId: z.string().optional(),
  departmentId: z.string().optional(),
  description: z.string(),
});
const PostedTxn = z.object({
  id,
  syncToken: z.string(),
  entity: z.enum(['JournalEntry', 'Bill', 'VendorCredit']),
  docNumber: z.string(),
  txnDate: z.string(),
  dueDate: z.string().optional(),
  vendorId: z.string().optional(),
  departmentId: z.string().optional(),
  privateNote: z.string(),
  lines: z.array(TxnLine),
});
const Snapshot = z.object({
  days: z.array(AuditDay),
  invoices: z.array(VendorInvoice),
  posted: z.array(PostedTxn),
  from: z.string(),
  csoCursor: z.string(),
  qboCursor: z.string(),
  takenAt: z.string(),
});

/** The snapshot stored, or null when there is none or it is damaged. */
export function parseSnapshot(value: unknown): PostingSnapshot | null {
  const parsed = Snapshot.safeParse(value);
  return parsed.success ? (parsed.data as PostingSnapshot) : null;
}
