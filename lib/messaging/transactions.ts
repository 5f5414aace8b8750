/**
 * What the Transactions section asks of the background and is told: the store's audited days and
 * vendor invoices as rows, a run's outcome in words, and the tie-out per account, class and location.
 */
import type { SyncStatusId } from '@/lib/entities';

export interface TxnPanelRow {
  /** `day:<id>` or `invoice:<id>`. */
  key: string;
  kind: 'day' | 'invoice';
  date: string;
  station: string;
  document: string;
  /** CStoreOffice's total in cents; a vendor credit is negative. */
  totalCents: number;
  qboId: string | null;
  /** Opens the transaction in QuickBooks. */
  qboUrl: string | null;
  status: SyncStatusId;
  statusText: string;
  issue: { code: string; title: string; detail: string } | null;
  /** An error the user chose to ignore: shown as synchronized until the issue or the total changes. */
  ignored: boolean;
}

/** `read`: whether the documents were read since the background started (else the table is empty). */
export interface TxnRowsReply {
  rows: TxnPanelRow[];
  read: boolean;
}

export interface TxnPreviewReply {
  message: string;
  rows: TxnPanelRow[];
}

export interface TxnRunReply {
  outcome: 'success' | 'partial' | 'failed';
  message: string;
  rows: TxnPanelRow[];
}

export interface TieOutRow {
  account: string;
  className: string | null;
  location: string | null;
  csoCents: number;
  qboCents: number;
  differenceCents: number;
}

export interface TieOutReply {
  from: string;
  to: string;
  lines: TieOutRow[];
  /** Audited days and invoices of the period that are held (not in QuickBooks), in words. */
  held: string[];
}

/** The popup's line about a company's transactions. */
export interface TxnCounts {
  synchronized: number;
  waiting: number;
  errors: number;
}
