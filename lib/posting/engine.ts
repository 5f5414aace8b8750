/**
 * Posting's engine: read CStoreOffice's documents and QuickBooks' postings, plan (plan.ts), send,
 * and read again, so the rows a Synchronize returns are what both sides now hold. There is no link
 * store to lose: each posting names its document in its note, and every run starts from a fresh read
 * of both sides, so a create whose answer was lost is found instead of made twice.
 */
import type { PostingBooks } from './books';
import { composeDay } from './compose-day';
import { composeInvoice } from './compose-invoice';
import { describePostingFailure } from './failure-words';
import { planPosting, type PostingOp, type PostingPlan, type TxnRow } from './plan';
import type { PostingPorts } from './ports';
import { sourceOf } from './posted-index';
import { readSides, unlistedInvoices } from './read-sides';
import type { AuditDay, PostedTxn, TxnBody, VendorInvoice } from './types';

/**
 * An audited day or an invoice that cannot be posted (its row's error): QuickBooks lacks it, so the
 * tie-out must say so rather than compare only what was posted.
 */
export interface HeldDocument {
  date: string;
  what: string;
  amountCents: number | null;
  reason: string;
}

export interface PostingReport {
  rows: TxnRow[];
  applied: { created: number; updated: number; deleted: number };
  /** Rows whose writes QuickBooks refused, with the words on the row. */
  failed: number;
}

interface Look {
  plan: PostingPlan;
  days: AuditDay[];
  invoices: VendorInvoice[];
  posted: PostedTxn[];
  books: PostingBooks;
}

export function createPostingEngine(ports: PostingPorts) {
  async function look(): Promise<Look> {
    const [{ snapshot, deletedInvoices }, books] = await Promise.all([
      readSides(ports.documents, ports.qbo, ports.cache, (ports.now ?? (() => new Date()))()),
      ports.books(),
    ]);
    // A bill whose invoice is not listed is deleted only once CStoreOffice says the invoice itself
    // is gone (a tombstone, or a 404 asked now): a listing that says less than the truth deletes nothing.
    const gone = new Set([...deletedInvoices].map((id) => `invoice:${id}`));
    for (const id of unlistedInvoices(snapshot))
      if (!deletedInvoices.has(id) && !(await ports.documents.invoiceExists(id))) gone.add(`invoice:${id}`);
    const { days, invoices, posted } = snapshot;
    return { plan: planPosting(days, invoices, posted, books, gone), days, invoices, posted, books };
  }

  return {
    /** What Synchronize would do, without writing. */
    async preview(): Promise<PostingPlan> {
      return (await look()).plan;
    },

    /**
     * What the tie-out compares: the bodies the audited documents compose to, and the postings this
     * manager made (found by their note). Other QuickBooks entries on the same accounts are left
     * out: the tie-out answers whether what was posted still says what CStoreOffice says.
     */
    async tieOutData(): Promise<{ expected: TxnBody[]; posted: PostedTxn[]; held: HeldDocument[] }> {
      const { days, invoices, posted, books } = await look();
      const expected: TxnBody[] = [];
      const held: HeldDocument[] = [];
      const take = (c: ReturnType<typeof composeDay>, date: string, what: string) => {
        if (c.ok) expected.push(c.body);
        else held.push({ date, what, amountCents: c.issue.amountCents, reason: c.issue.title });
      };
      for (const d of days) if (d.status === 'audited') take(composeDay(d, books), d.date, `day ${d.date}`);
      for (const i of invoices) take(composeInvoice(i, books), i.date, `invoice ${i.number || i.id}`);
      return { expected, posted: posted.filter((txn) => sourceOf(txn) !== null), held };
    },

    /** Posts every row's ops, or the selected rows' only. */
    async synchronize(request: { selection?: readonly string[] } = {}): Promise<PostingReport> {
      const { plan } = await look();
      const chosen = new Set(request.selection ?? plan.rows.map((r) => r.key));
      const ops = plan.ops.filter((op) => chosen.has(op.rowKey));
      const applied = { created: 0, updated: 0, deleted: 0 };
      const refused = new Map<string, { title: string; detail: string; code: string }>();
      if (ops.length) {
        const results = await ports.qbo.write(ops, ports.newRunId());
        results.forEach((result, i) => {
          const op = ops[i]!;
          if (result.ok) applied[countOf(op)]++;
          else {
            const row = plan.rows.find((r) => r.key === op.rowKey);
            const words = describePostingFailure(result.failure, whatOf(row));
            refused.set(op.rowKey, { ...words, code: result.failure.code });
          }
        });
      }
      const after = ops.length ? (await look()).plan : plan;
      for (const row of after.rows) {
        const words = refused.get(row.key);
        if (!words || row.status === 'synchronized') continue;
        row.status = 'error';
        row.statusText = 'Synchronization Error';
        row.issue = words;
      }
      return { rows: after.rows, applied, failed: refused.size };
    },
  };
}

export type PostingEngine = ReturnType<typeof createPostingEngine>;

const countOf = (op: PostingOp) => (op.kind === 'create' ? 'created' : op.kind === 'update' ? 'updated' : 'deleted');

const whatOf = (row: TxnRow | undefined) =>
  !row ? 'The document' : row.kind === 'day' ? `The day ${row.date} of ${row.station}` : `Invoice ${row.document}`;
