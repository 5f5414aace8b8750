/**
 * Posting's engine with in-memory stand-ins for both services: a month posts once and a second
 * Synchronize writes nothing; a create whose answer was lost is found by its note, not made twice;
 * a bill is deleted only when CStoreOffice says its invoice is gone; a refusal is explained on its row.
 */
import { describe, expect, it } from 'vitest';
import { createPostingEngine } from '@/lib/posting/engine';
import { tieOut } from '@/lib/posting/tie-out';
import type { PostingOp } from '@/lib/posting/plan';
import type { DocumentSource, PostedStore, PostingResult } from '@/lib/posting/ports';
import type { AuditDay, PostedTxn, VendorInvoice } from '@/lib/posting/types';
import { auditedDay, fuelInvoice, storeBooks } from './books';

function fakeQbo() {
  const held = new Map<string, PostedTxn>();
  let nextId = 100;
  let writes = 0;
  let loseNextAnswer = false;
  let refuse: ((op: PostingOp) => PostingResult | null) | null = null;
  const store: PostedStore = {
    async posted(from) {
      return [...held.values()].filter((t) => t.txnDate >= from).map((t) => structuredClone(t));
    },
    async write(ops) {
      const results = ops.map((op): PostingResult => {
        const refused = refuse?.(op);
        if (refused) return refused;
        writes++;
        if (op.kind === 'delete') {
          held.delete(op.qboId);
          return { ok: true, posted: null };
        }
        const id = op.kind === 'create' ? String(nextId++) : op.qboId;
        const token = op.kind === 'create' ? '0' : String(Number(op.syncToken) + 1);
        const txn: PostedTxn = { ...structuredClone(op.body), id, syncToken: token };
        held.set(id, txn);
        return { ok: true, posted: txn };
      });
      if (loseNextAnswer) {
        loseNextAnswer = false;
        throw new Error('the connection dropped before QuickBooks answered');
      }
      return results;
    },
  };
  return {
    store,
    held,
    writes: () => writes,
    loseNextAnswer: () => void (loseNextAnswer = true),
    refuseWith: (f: typeof refuse) => void (refuse = f),
  };
}

function setup(days: AuditDay[], invoices: VendorInvoice[]) {
  const qbo = fakeQbo();
  const docs = { days, invoices, deleted: new Set<string>() };
  const documents: DocumentSource = {
    async read() {
      return { days: docs.days, invoices: docs.invoices };
    },
    async invoiceExists(id) {
      return !docs.deleted.has(id);
    },
  };
  let runs = 0;
  const engine = createPostingEngine({
    documents,
    qbo: qbo.store,
    books: async () => storeBooks(),
    newRunId: () => `run-${++runs}`,
  });
  return { engine, qbo, docs };
}

const statuses = (rows: { key: string; status: string }[]) => rows.map((r) => `${r.key} ${r.status}`);

describe('the posting engine', () => {
  it('posts once; a second Synchronize writes nothing', async () => {
    const { engine, qbo } = setup([auditedDay(), auditedDay({ id: 'd2', date: '2025-10-02' })], [fuelInvoice()]);
    const first = await engine.synchronize();
    expect(first.applied).toEqual({ created: 3, updated: 0, deleted: 0 });
    expect(statuses(first.rows)).toEqual(['day:d1 synchronized', 'day:d2 synchronized', 'invoice:i1 synchronized']);
    const writes = qbo.writes();
    const second = await engine.synchronize();
    expect(second.applied).toEqual({ created: 0, updated: 0, deleted: 0 });
    expect(qbo.writes()).toBe(writes);
  });

  it('finds a create whose answer was lost by its note, and does not post it twice', async () => {
    const { engine, qbo } = setup([auditedDay()], []);
    qbo.loseNextAnswer();
    await expect(engine.synchronize()).rejects.toThrow(/dropped/);
    const again = await engine.synchronize();
    expect(again.applied.created).toBe(0);
    expect(qbo.held.size).toBe(1);
    expect(statuses(again.rows)).toEqual(['day:d1 synchronized']);
  });

  it('deletes a bill only once CStoreOffice says its invoice is gone', async () => {
    const { engine, qbo, docs } = setup([], [fuelInvoice()]);
    await engine.synchronize();
    // The listing leaves the invoice out, but CStoreOffice still has it: a short answer, not a deletion.
    docs.invoices = [];
    docs.days = [auditedDay({ date: '2025-10-01' })];
    const short = await engine.synchronize();
    expect(short.applied.deleted).toBe(0);
    expect([...qbo.held.values()].map((t) => t.entity).sort()).toEqual(['Bill', 'JournalEntry']);
    docs.deleted.add('i1');
    const deleted = await engine.synchronize();
    expect(deleted.applied.deleted).toBe(1);
    expect([...qbo.held.values()].map((t) => t.entity)).toEqual(['JournalEntry']);
  });

  it('explains a refusal on its row and keeps the others going', async () => {
    const { engine, qbo } = setup([auditedDay(), auditedDay({ id: 'd2', date: '2025-10-02' })], []);
    qbo.refuseWith((op) =>
      op.rowKey === 'day:d2'
        ? {
            ok: false,
            failure: {
              code: '6210',
              message: 'Account Period Closed',
              detail: 'The account period has closed.',
              retryable: false,
            },
          }
        : null,
    );
    const report = await engine.synchronize();
    expect(report.failed).toBe(1);
    expect(statuses(report.rows)).toEqual(['day:d1 synchronized', 'day:d2 error']);
    expect(report.rows[1]!.issue).toMatchObject({
      title: 'Books closed in QuickBooks',
      detail: expect.stringMatching(/error 6210/),
    });
  });

  it("gives the tie-out the audited documents' bodies and this manager's postings only", async () => {
    const { engine, qbo } = setup([auditedDay(), auditedDay({ id: 'd2', date: '2025-10-02', status: 'open' })], []);
    await engine.synchronize();
    const foreign: PostedTxn = {
      ...structuredClone([...qbo.held.values()][0]!),
      id: '999',
      privateNote: 'typed by hand',
    };
    qbo.held.set('999', foreign);
    const { expected, posted } = await engine.tieOutData();
    expect(expected.map((b) => b.txnDate)).toEqual(['2025-10-01']);
    expect(posted.map((t) => t.id)).not.toContain('999');
    const period = { from: '2025-10-01', to: '2025-10-31' };
    expect(tieOut(expected, posted, period).every((l) => l.differenceCents === 0)).toBe(true);
  });
});
