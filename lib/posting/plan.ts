/**
 * What Synchronize does with the store's transactions, and the rows that say so: each audited day
 * and each invoice composed, compared with what QuickBooks holds (found by the note each posting
 * carries, posted-index.ts), and turned into a create, an update, a delete or nothing. Pure: the
 * engine reads both sides, plans here, and sends the ops.
 */
import { describeStatus, type SyncStatusId } from '../entities';
import type { PostingBooks } from './books';
import { sameTxn, txnTotalCents } from './compare';
import { composeDay, dayDocNumber, dayTotalCents } from './compose-day';
import { composeInvoice, invoiceDocNumber, invoiceTotalCents } from './compose-invoice';
import { suspenseIssue, unmarkedEntryIssue } from './issue-words';
import { indexPosted, type SourceKind } from './posted-index';
import type { AuditDay, Composed, PostedTxn, TxnBody, TxnEntity, VendorInvoice } from './types';

export interface TxnRowIssue {
  code: string;
  title: string;
  detail: string;
}

export interface TxnRow {
  /** `day:<id>` or `invoice:<id>`. */
  key: string;
  kind: SourceKind;
  date: string;
  station: string;
  /** The document number QuickBooks shows (a day's entry number, the vendor's invoice number). */
  document: string;
  /** What CStoreOffice says the document is worth, in cents (an invoice's credit is negative). */
  totalCents: number;
  qboEntity: TxnEntity | null;
  qboId: string | null;
  status: SyncStatusId;
  statusText: string;
  issue: TxnRowIssue | null;
  opIds: string[];
}

export type PostingOp =
  | { id: string; kind: 'create'; rowKey: string; body: TxnBody }
  | { id: string; kind: 'update'; rowKey: string; body: TxnBody; qboId: string; syncToken: string }
  | { id: string; kind: 'delete'; rowKey: string; entity: TxnEntity; qboId: string; syncToken: string };

export interface PostingPlan {
  rows: TxnRow[];
  ops: PostingOp[];
}

interface Doc {
  kind: SourceKind;
  id: string;
  date: string;
  stationId: string;
  document: string;
  totalCents: number;
  /** Null: not to be posted now (an open or reopened day), with the words why. */
  composed: Composed | { ok: null; issue: TxnRowIssue };
}

const notAudited = (day: AuditDay): TxnRowIssue =>
  day.status === 'reopened'
    ? {
        code: 'reopened',
        title: 'Day reopened',
        detail: `The day was reopened in CStoreOffice: its entry is taken out of QuickBooks until the day is audited again, then posted as it stands.`,
      }
    : {
        code: 'notAudited',
        title: 'Not audited yet',
        detail: 'The day is still open in CStoreOffice; it is posted once it is audited.',
      };

export function planPosting(
  days: readonly AuditDay[],
  invoices: readonly VendorInvoice[],
  posted: readonly PostedTxn[],
  books: PostingBooks,
  /**
   * Documents CStoreOffice says are deleted (a tombstone, or absent from a complete listing): their
   * postings are deleted. A document merely not read is never taken for deleted.
   */
  gone: ReadonlySet<string> = new Set(),
): PostingPlan {
  const index = indexPosted(posted);
  const rows: TxnRow[] = [];
  const ops: PostingOp[] = [];
  const docs: Doc[] = [
    ...days.map((day): Doc => {
      const station = books.stations.get(day.stationId);
      return {
        kind: 'day',
        id: day.id,
        date: day.date,
        stationId: day.stationId,
        document: dayDocNumber(station?.stationCode ?? day.stationId, day.date),
        totalCents: dayTotalCents(day),
        composed: day.status === 'audited' ? composeDay(day, books) : { ok: null, issue: notAudited(day) },
      };
    }),
    ...invoices.map(
      (invoice): Doc => ({
        kind: 'invoice',
        id: invoice.id,
        date: invoice.date,
        stationId: invoice.stationId,
        document: invoiceDocNumber(invoice),
        totalCents: invoiceTotalCents(invoice),
        composed: composeInvoice(invoice, books),
      }),
    ),
  ];
  const listed = new Set(docs.map((d) => `${d.kind}:${d.id}`));
  for (const doc of docs) {
    const key = `${doc.kind}:${doc.id}`;
    const [kept, ...extra] = [...index.of(doc.kind, doc.id)].sort((a, b) => Number(a.id) - Number(b.id));
    const row: TxnRow = {
      key,
      kind: doc.kind,
      date: doc.date,
      station: books.stations.get(doc.stationId)?.name ?? doc.stationId,
      document: doc.document,
      totalCents: doc.totalCents,
      qboEntity: kept?.entity ?? null,
      qboId: kept?.id ?? null,
      status: 'synchronized',
      statusText: describeStatus('synchronized'),
      issue: null,
      opIds: [],
    };
    rows.push(row);
    const add = (op: PostingOp) => {
      ops.push(op);
      row.opIds.push(op.id);
    };
    // Two postings of one document (two bookkeepers racing): the later ones go.
    for (const txn of extra) add(deleteOp(key, txn));
    const set = (status: SyncStatusId, issue: TxnRowIssue | null = null) => {
      row.status = status;
      row.statusText = describeStatus(status, 'qbo');
      row.issue = issue;
    };
    const { composed } = doc;
    if (composed.ok === null) {
      if (kept) {
        add(deleteOp(key, kept));
        set('waitingForDeletion', composed.issue);
      } else set('notSynced', composed.issue);
      continue;
    }
    if (!composed.ok) {
      const { code, title, detail } = composed.issue;
      const held = kept ? ` QuickBooks keeps the entry posted before (Id ${kept.id}) until then.` : '';
      set('error', { code, title, detail: `${detail}${held}` });
      continue;
    }
    const body = composed.body;
    if (!kept) {
      const taken = doc.kind === 'day' ? index.unmarkedEntries(body.docNumber)[0] : undefined;
      if (taken) set('error', unmarkedEntryIssue(`the day ${doc.date}`, body.docNumber, taken.id));
      else {
        add({ id: `create:${key}`, kind: 'create', rowKey: key, body });
        set('waitingForCreation');
      }
    } else if (kept.entity !== body.entity) {
      // An invoice whose total changed sign: a bill becomes a vendor credit (or back).
      add(deleteOp(key, kept));
      add({ id: `create:${key}`, kind: 'create', rowKey: key, body });
      set('waitingForUpdate');
    } else if (!sameTxn(kept, body)) {
      add({ id: `update:${key}`, kind: 'update', rowKey: key, body, qboId: kept.id, syncToken: kept.syncToken });
      set('waitingForUpdate');
    }
    // Posted, but partly to the suspense account: the row says how much and why, whatever its status.
    if (composed.suspended && row.status !== 'error' && books.suspense)
      row.issue = suspenseIssue(composed.suspended, books.suspense.name);
  }
  // Postings of documents CStoreOffice deleted (an invoice) are taken out of QuickBooks.
  for (const key of index.sources()) {
    if (listed.has(key) || !gone.has(key)) continue;
    const [kind, id] = key.split(':') as [SourceKind, string];
    const [txn, ...more] = index.of(kind, id);
    if (!txn) continue;
    const row: TxnRow = {
      key,
      kind,
      date: txn.txnDate,
      station: '',
      document: txn.docNumber,
      totalCents: txnTotalCents(txn) * (txn.entity === 'VendorCredit' ? -1 : 1),
      qboEntity: txn.entity,
      qboId: txn.id,
      status: 'waitingForDeletion',
      statusText: describeStatus('waitingForDeletion', 'qbo'),
      issue: {
        code: 'sourceDeleted',
        title: 'Deleted in CStoreOffice',
        detail: `The ${kind === 'day' ? 'day' : 'invoice'} was deleted in CStoreOffice, so what was posted from it is deleted from QuickBooks.`,
      },
      opIds: [],
    };
    for (const posting of [txn, ...more]) {
      const op = deleteOp(key, posting);
      ops.push(op);
      row.opIds.push(op.id);
    }
    rows.push(row);
  }
  return { rows, ops };
}

function deleteOp(rowKey: string, txn: PostedTxn): PostingOp {
  return {
    id: `delete:${rowKey}:${txn.id}`,
    kind: 'delete',
    rowKey,
    entity: txn.entity,
    qboId: txn.id,
    syncToken: txn.syncToken,
  };
}
