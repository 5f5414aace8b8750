/**
 * The store's transactions as the posting engine sees them (CONTRACT.md v1.4): audited days and
 * vendor invoices from CStoreOffice, and what each becomes in QuickBooks. Amounts are whole cents
 * from end to end: nothing here is a float, so a month ties out to the cent.
 */
export interface DayLine {
  id: string;
  dataTypeId: string;
  amountCents: number;
  customerId: string | null;
  vendorId: string | null;
  memo: string | null;
}

export interface AuditDay {
  id: string;
  stationId: string;
  date: string;
  status: 'open' | 'audited' | 'reopened';
  version: number;
  lines: DayLine[];
}

export interface InvoiceLine {
  id: string;
  dataTypeId: string | null;
  accountId: string | null;
  amountCents: number;
  memo: string | null;
}

export interface VendorInvoice {
  id: string;
  vendorType: 'priceBookVendor' | 'accountingVendor';
  vendorId: string;
  number: string;
  date: string;
  dueDate: string;
  stationId: string;
  version: number;
  lines: InvoiceLine[];
}

export type TxnEntity = 'JournalEntry' | 'Bill' | 'VendorCredit';

/** QuickBooks keeps at most 21 characters of a DocNumber. */
export const DOC_NUMBER_MAX = 21;

/** One line of a QuickBooks transaction, by QuickBooks ids. */
export interface TxnLine {
  /** JournalEntry lines only; a Bill's or VendorCredit's lines are expenses against Accounts Payable. */
  postingType?: 'Debit' | 'Credit';
  accountId: string;
  /** Positive, in cents. */
  amountCents: number;
  /** The customer of an Accounts Receivable line, the vendor of an Accounts Payable line. */
  party?: { type: 'Customer' | 'Vendor'; id: string };
  classId?: string;
  departmentId?: string;
  description: string;
}

/** A transaction as it should stand in QuickBooks (composed from CStoreOffice), or as it stands there. */
export interface TxnBody {
  entity: TxnEntity;
  docNumber: string;
  txnDate: string;
  dueDate?: string;
  /** Bill and VendorCredit. */
  vendorId?: string;
  departmentId?: string;
  privateNote: string;
  lines: TxnLine[];
}

/** A transaction QuickBooks holds, with what its next update or delete needs. */
export interface PostedTxn extends TxnBody {
  id: string;
  syncToken: string;
}

/** Why a document cannot be posted, in a bookkeeper's words, with the amount concerned. */
export interface PostingIssue {
  code:
    | 'unmappedDataType'
    | 'unlinkedAccount'
    | 'unlinkedParty'
    | 'partyMissing'
    | 'unlinkedStation'
    | 'booksClosed'
    | 'unbalanced'
    | 'negativeLine'
    | 'docNumberTooLong'
    | 'nothingToPost'
    | 'numberTaken'
    | 'suspense';
  title: string;
  detail: string;
  amountCents: number | null;
}

/** Amounts posted to the suspense account instead of their own, each with why (books.ts `suspense`). */
export interface Suspended {
  amountCents: number;
  reasons: PostingIssue[];
}

export type Composed = { ok: true; body: TxnBody; suspended?: Suspended } | { ok: false; issue: PostingIssue };
