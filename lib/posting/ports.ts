/**
 * Posting's ports: CStoreOffice's documents, QuickBooks' posted transactions, and the books (the
 * entity sync's records and links). Adapters over the two clients implement them; tests use fakes.
 */
import type { PostingBooks } from './books';
import type { PostingOp } from './plan';
import type { AuditDay, PostedTxn, VendorInvoice } from './types';

export interface DocumentSource {
  /** Every day and invoice CStoreOffice lists now, read to the end (a short read rejects). */
  read(): Promise<{ days: AuditDay[]; invoices: VendorInvoice[] }>;
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
  /** Every JournalEntry, Bill and VendorCredit dated on or after `from` (YYYY-MM-DD). */
  posted(from: string): Promise<PostedTxn[]>;
  /**
   * Sends the ops, 30 to a batch request; one result per op, in order. `requestId` is the run's:
   * a retry of the same batch is answered from QuickBooks' memory instead of written twice.
   */
  write(ops: readonly PostingOp[], requestId: string): Promise<PostingResult[]>;
}

export interface PostingPorts {
  documents: DocumentSource;
  qbo: PostedStore;
  /** The entity sync's view of the company, read after its own run. */
  books(): Promise<PostingBooks>;
  newRunId(): string;
}
