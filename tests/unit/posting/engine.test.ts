/**
 * Posting's engine with in-memory stand-ins for both services: a month posts once and a second
 * Synchronize writes nothing; a create whose answer was lost is found by its note, not made twice;
 * a bill is deleted only when CStoreOffice says its invoice is gone; a refusal is explained on its row.
 */
import { describe, expect, it } from 'vitest';
import { createPostingEngine } from '@/lib/posting/engine';
import { tieOut } from '@/lib/posting/tie-out';
import type { PostingOp } from '@/lib/posting/plan';
import type { DocumentSource, PostedStore, PostingCache, PostingResult, PostingSnapshot } from '@/lib/posting/ports';
import type { AuditDay, PostedTxn, VendorInvoice } from '@/lib/posting/types';
import { auditedDay, fuelInvoice, storeBooks } from './books';

function fakeQbo() {
  const held = new Map<string, PostedTxn>();
  /** Each write's id in order, with what happened to it: the change feed. */
  const feed: { entity: PostedTxn['entity']; id: string; deleted: boolean }[] = [];
  let reads = 0;
  let nextId = 100;
  let writes = 0;
  let loseNextAnswer = false;
  let refuse: ((op: PostingOp) => PostingResult | null) | null = null;
  const store: PostedStore = {
    async posted(from) {
      reads++;
      const txns = [...held.values()].filter((t) => t.txnDate >= from).map((t) => structuredClone(t));
      return { txns, cursor: String(feed.length) };
    },
    async changes(cursor) {
      reads++;
      const since = feed.slice(Number(cursor));
      const deleted = since.filter((c) => c.deleted).map((c) => ({ entity: c.entity, id: c.id }));
      const changed = since.filter((c) => !c.deleted && held.has(c.id)).map((c) => structuredClone(held.get(c.id)!));
      return { changed, deleted, cursor: String(feed.length) };
    },
    async write(ops) {
      const results = ops.map((op): PostingResult => {
        const refused = refuse?.(op);
        if (refused) return refused;
        writes++;
        if (op.kind === 'delete') {
          held.delete(op.qboId);
          feed.push({ entity: op.entity, id: op.qboId, deleted: true });
          return { ok: true, posted: null };
        }
        const id = op.kind === 'create' ? String(nextId++) : op.qboId;
        const token = op.kind === 'create' ? '0' : String(Number(op.syncToken) + 1);
        const txn: PostedTxn = { ...structuredClone(op.body), id, syncToken: token };
        held.set(id, txn);
        feed.push({ entity: txn.entity, id, deleted: false });
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
    reads: () => reads,
    loseNextAnswer: () => void (loseNextAnswer = true),
    refuseWith: (f: typeof refuse) => void (refuse = f),
  };
}

function setup(days: AuditDay[], invoices: VendorInvoice[]) {
  const qbo = fakeQbo();
  const docs = { days, invoices, deleted: new Set<string>(), reads: 0 };
  const documents: DocumentSource = {
    async read() {
      docs.reads++;
      return { days: docs.days, invoices: docs.invoices, cursor: 'all' };
    },
    async changes() {
      docs.reads++;
      // Everything counts as changed: the engine must merge it into what it holds without doubling.
      return { days: docs.days, invoices: docs.invoices, deletedInvoices: [...docs.deleted], cursor: 'all' };
    },
    async invoiceExists(id) {
      return !docs.deleted.has(id);
    },
  };
  let runs = 0;
  let cached: PostingSnapshot | null = null;
  const cache: PostingCache = {
    load: async () => cached,
    save: async (snapshot) => void (cached = snapshot),
  };
  const make = (withCache: boolean) =>
    createPostingEngine({
      documents,
      qbo: qbo.store,
      books: async () => storeBooks(),
      newRunId: () => `run-${++runs}`,
      ...(withCache ? { cache, now: () => new Date('2025-11-03T12:00:00Z') } : {}),
    });
  return { engine: make(false), cached: make(true), qbo, docs };
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

  it('with a snapshot kept, reads only changes: nothing new costs one change read per side and writes nothing', async () => {
    const { cached, qbo, docs } = setup([auditedDay()], [fuelInvoice()]);
    await cached.synchronize();
    const reads = { qbo: qbo.reads(), cso: docs.reads };
    const again = await cached.synchronize();
    expect(again.applied).toEqual({ created: 0, updated: 0, deleted: 0 });
    expect(statuses(again.rows)).toEqual(['day:d1 synchronized', 'invoice:i1 synchronized']);
    // One change read each (the run after a write reads again to show the rows: one more each).
    expect({ qbo: qbo.reads() - reads.qbo, cso: docs.reads - reads.cso }).toEqual({ qbo: 1, cso: 1 });
    // A tombstone deletes the bill without asking again.
    docs.deleted.add('i1');
    docs.invoices = [];
    expect((await cached.synchronize()).applied.deleted).toBe(1);
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
    const { expected, posted, held } = await engine.tieOutData();
    expect(expected.map((b) => b.txnDate)).toEqual(['2025-10-01']);
    expect(held).toEqual([]);
    expect(posted.map((t) => t.id)).not.toContain('999');
    const period = { from: '2025-10-01', to: '2025-10-31' };
    expect(tieOut(expected, posted, period).every((l) => l.differenceCents === 0)).toBe(true);
  });

  it('gives the tie-out the audited documents QuickBooks lacks, with their amount and reason', async () => {
    const { engine } = setup([auditedDay(), auditedDay({ id: 'd2', date: '2025-10-02', stationId: 's2' })], []);
    await engine.synchronize();
    const { held } = await engine.tieOutData();
    expect(held).toEqual([
      { date: '2025-10-02', what: 'day 2025-10-02', amountCents: null, reason: 'Station not in QuickBooks' },
    ]);
  });
});
