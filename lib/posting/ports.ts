/**
 * Posting's ports: CStoreOffice's documents, QuickBooks' posted transactions, and the books (the
 * entity sync's records and links). Adapters over the two clients implement them; tests use fakes.
 */
import type { PostingBooks } from './books';
import type { PostingOp } from './plan';
import type { AuditDay, PostedTxn, TxnEntity, VendorInvoice } from './types';

/** Documents read, and where the next read of changes starts. */
export interface DocumentRead {
  days: AuditDay[];
  invoices: VendorInvoice[];
  cursor: string;
}

export interface DocumentSource {
  /** Every day and invoice CStoreOffice lists now, read to the end (a short read rejects). */
  read(): Promise<DocumentRead>;
  /** The days and invoices changed since `cursor`, and the invoices deleted since (tombstones). */
  changes(cursor: string): Promise<DocumentRead & { deletedInvoices: string[] }>;
  /** Asked of an invoice a listing no longer shows, before its bill is deleted. */
  invoiceExists(id: string): Promise<boolean>;
}

/** Why QuickBooks refused one op, in its own terms (translated for the row by failure-words.ts). */
export interface PostingFailure {
  code: string;
  message: string;
  detail?: string;
  /** True when the same request may succeed later (throttling, timeouts, 5xx). */
  retryable: boolean;
}

export type PostingResult = { ok: true; posted: PostedTxn | null } | { ok: false; failure: PostingFailure };

export interface PostedStore {
  /** Every JournalEntry, Bill and VendorCredit dated on or after `from` (YYYY-MM-DD), and where changes start. */
  posted(from: string): Promise<{ txns: PostedTxn[]; cursor: string }>;
  /** The transactions created, changed or deleted since `cursor` (QBO's change feed, 30 days back at most). */
  changes(
    cursor: string,
  ): Promise<{ changed: PostedTxn[]; deleted: { entity: TxnEntity; id: string }[]; cursor: string }>;
  /**
   * Sends the ops, 30 to a batch request; one result per op, in order. `requestId` is the run's:
   * a retry of the same batch is answered from QuickBooks' memory instead of written twice.
   */
  write(ops: readonly PostingOp[], requestId: string): Promise<PostingResult[]>;
}

/** What the last read of both sides found, kept between runs so the next reads only changes. */
export interface PostingSnapshot {
  days: AuditDay[];
  invoices: VendorInvoice[];
  posted: PostedTxn[];
  /** The earliest document date the postings were read from. */
  from: string;
  csoCursor: string;
  qboCursor: string;
  /** When QBO's cursor was taken (its change feed looks back 30 days at most). */
  takenAt: string;
}

export interface PostingCache {
  load(): Promise<PostingSnapshot | null>;
  save(snapshot: PostingSnapshot | null): Promise<void>;
}

export interface PostingPorts {
  documents: DocumentSource;
  qbo: PostedStore;
  /** Absent: every run reads both sides whole. */
  cache?: PostingCache;
  now?: () => Date;
  /** The entity sync's view of the company, read after its own run. */
  books(): Promise<PostingBooks>;
  newRunId(): string;
}
