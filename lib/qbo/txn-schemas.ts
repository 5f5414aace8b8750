/**
 * zod schemas for the transactions a posting engine writes: JournalEntry, Bill and VendorCredit.
 * They live apart from the name lists because the entity engine's maps are exhaustive over the
 * lists it syncs; lib/qbo/records.ts joins both kinds for the client's generic reads and writes.
 * Loose objects for the same reason as the lists: QBO adds fields with every minor version.
 */
import { z } from 'zod';
import { MetaData, Ref } from './schemas';

const txnBase = {
  Id: z.string().min(1),
  SyncToken: z.string(),
  domain: z.string().optional(),
  sparse: z.boolean().optional(),
  MetaData: MetaData.optional(),
  DocNumber: z.string().optional(),
  TxnDate: z.string().optional(),
  PrivateNote: z.string().optional(),
  TotalAmt: z.number().optional(),
  CurrencyRef: Ref.optional(),
};

// A line's Amount is optional because DescriptionOnly lines post nothing and may carry none.
const lineBase = {
  Id: z.string().optional(),
  LineNum: z.number().optional(),
  Description: z.string().optional(),
  Amount: z.number().optional(),
  DetailType: z.string().optional(),
};

const QboJournalEntryLine = z.looseObject({
  ...lineBase,
  JournalEntryLineDetail: z
    .looseObject({
      PostingType: z.string(),
      AccountRef: Ref,
      Entity: z.looseObject({ Type: z.string().optional(), EntityRef: Ref.optional() }).optional(),
      ClassRef: Ref.optional(),
      DepartmentRef: Ref.optional(),
    })
    .optional(),
});

const QboJournalEntry = z.looseObject({
  ...txnBase,
  Adjustment: z.boolean().optional(),
  Line: z.array(QboJournalEntryLine),
});

// Item-based lines exist in QBO too; their detail is left loose since the posting engine writes none.
const QboExpenseLine = z.looseObject({
  ...lineBase,
  AccountBasedExpenseLineDetail: z
    .looseObject({
      AccountRef: Ref,
      ClassRef: Ref.optional(),
      CustomerRef: Ref.optional(),
      BillableStatus: z.string().optional(),
    })
    .optional(),
});

const vendorTxn = {
  ...txnBase,
  VendorRef: Ref,
  APAccountRef: Ref.optional(),
  DepartmentRef: Ref.optional(),
  Line: z.array(QboExpenseLine),
};

const QboBill = z.looseObject({ ...vendorTxn, DueDate: z.string().optional(), Balance: z.number().optional() });
const QboVendorCredit = z.looseObject(vendorTxn);

export const TXN_SCHEMAS = {
  JournalEntry: QboJournalEntry,
  Bill: QboBill,
  VendorCredit: QboVendorCredit,
} as const satisfies Record<string, z.ZodType>;

export type QboTxnEntity = keyof typeof TXN_SCHEMAS;
export type QboTxnMap = { [K in QboTxnEntity]: z.infer<(typeof TXN_SCHEMAS)[K]> };
export type QboJournalEntry = z.infer<typeof QboJournalEntry>;
export type QboJournalEntryLine = z.infer<typeof QboJournalEntryLine>;
export type QboBill = z.infer<typeof QboBill>;
export type QboVendorCredit = z.infer<typeof QboVendorCredit>;
export type QboExpenseLine = z.infer<typeof QboExpenseLine>;
