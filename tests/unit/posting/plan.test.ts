/**
 * Posting's plan: each document compared with what QuickBooks holds (found by the note each posting
 * carries) becomes a create, an update, a delete or nothing, and its row says which; a read that
 * leaves a document out deletes nothing.
 */
import { describe, expect, it } from 'vitest';
import { composeDay } from '@/lib/posting/compose-day';
import { composeInvoice } from '@/lib/posting/compose-invoice';
import { planPosting } from '@/lib/posting/plan';
import type { PostedTxn, TxnBody } from '@/lib/posting/types';
import { auditedDay, fuelInvoice, storeBooks } from './books';

const books = storeBooks();
const invoice = fuelInvoice;
const posted = (body: TxnBody, id: string, over: Partial<PostedTxn> = {}): PostedTxn => ({
  ...body,
  id,
  syncToken: '0',
  ...over,
});
const entryOf = (day = auditedDay()) => {
  const c = composeDay(day, books);
  if (!c.ok) throw new Error(c.issue.detail);
  return c.body;
};
const billOf = (inv = invoice()) => {
  const c = composeInvoice(inv, books);
  if (!c.ok) throw new Error(c.issue.detail);
  return c.body;
};
const view = (plan: ReturnType<typeof planPosting>) => ({
  rows: plan.rows.map((r) => `${r.key} ${r.status}${r.qboId ? ` ${r.qboId}` : ''}`),
  ops: plan.ops.map((o) => o.id),
});

describe('the posting plan', () => {
  it('creates what QuickBooks lacks, leaves alone what it holds as composed, and updates what differs', () => {
    expect(view(planPosting([auditedDay()], [invoice()], [], books))).toEqual({
      rows: ['day:d1 waitingForCreation', 'invoice:i1 waitingForCreation'],
      ops: ['create:day:d1', 'create:invoice:i1'],
    });
    const entry = entryOf();
    const changed = {
      ...entry,
      lines: entry.lines.map((l, i) => (i === 0 ? { ...l, amountCents: l.amountCents + 1 } : l)),
    };
    expect(
      view(planPosting([auditedDay()], [invoice()], [posted(changed, '101'), posted(billOf(), '102')], books)),
    ).toEqual({
      rows: ['day:d1 waitingForUpdate 101', 'invoice:i1 synchronized 102'],
      ops: ['update:day:d1'],
    });
  });

  it('takes a reopened day out of QuickBooks, leaves an open one unposted, and holds one in error with its old entry', () => {
    const entry = entryOf();
    const plan = planPosting(
      [
        auditedDay({ status: 'reopened' }),
        auditedDay({ id: 'd2', date: '2025-10-02', status: 'open' }),
        auditedDay({ id: 'd3', date: '2025-10-03', lines: [] }),
      ],
      [],
      [posted(entry, '101'), posted({ ...entryOf(auditedDay({ id: 'd3', date: '2025-10-03' })) }, '103')],
      books,
    );
    expect(view(plan)).toEqual({
      rows: ['day:d1 waitingForDeletion 101', 'day:d2 notSynced', 'day:d3 error 103'],
      ops: ['delete:day:d1:101'],
    });
    expect(plan.rows[0]!.issue?.title).toBe('Day reopened');
    expect(plan.rows[1]!.issue?.title).toBe('Not audited yet');
    expect(plan.rows[2]!.issue?.detail).toMatch(/QuickBooks keeps the entry posted before \(Id 103\)/);
  });

  it('deletes the second posting of a document two runs raced to post, keeping the first', () => {
    const entry = entryOf();
    expect(view(planPosting([auditedDay()], [], [posted(entry, '120'), posted(entry, '99')], books))).toEqual({
      rows: ['day:d1 synchronized 99'],
      ops: ['delete:day:d1:120'],
    });
  });

  it('holds a day whose number an entry it did not post already uses', () => {
    const mine = entryOf();
    const plan = planPosting([auditedDay()], [], [posted({ ...mine, privateNote: 'Typed by hand' }, '55')], books);
    expect(view(plan)).toEqual({ rows: ['day:d1 error'], ops: [] });
    expect(plan.rows[0]!.issue?.detail).toMatch(/numbered ST01-20251001 \(Id 55\)/);
  });

  it('deletes the bill of an invoice CStoreOffice deleted, and nothing of one merely not read', () => {
    const bill = posted(billOf(), '102');
    expect(view(planPosting([], [], [bill], books))).toEqual({ rows: [], ops: [] });
    expect(view(planPosting([], [], [bill], books, new Set(['invoice:i1'])))).toEqual({
      rows: ['invoice:i1 waitingForDeletion 102'],
      ops: ['delete:invoice:i1:102'],
    });
  });

  it('replaces a bill by a vendor credit when the invoice turns into a credit', () => {
    const credit = invoice({
      lines: [{ id: '1', dataTypeId: 't-buy', accountId: null, amountCents: -12_000, memo: null }],
    });
    const plan = planPosting([], [credit], [posted(billOf(), '102')], books);
    expect(view(plan)).toEqual({
      rows: ['invoice:i1 waitingForUpdate 102'],
      ops: ['delete:invoice:i1:102', 'create:invoice:i1'],
    });
    const create = plan.ops[1]!;
    expect(create.kind === 'create' && create.body).toMatchObject({
      entity: 'VendorCredit',
      lines: [{ accountId: '44', amountCents: 12_000 }],
    });
  });
});
