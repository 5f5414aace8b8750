/**
 * An audited day into its journal entry: balanced to the cent, one line per account (the clearing
 * account nets away), the customer on the receivable line, the station's class and location on every
 * line; and each reason it cannot post named with its amount, with nothing posted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeDay } from '@/lib/posting/compose-day';
import { planPosting } from '@/lib/posting/plan';
import type { TxnBody } from '@/lib/posting/types';
import { auditedDay, line, storeBooks } from './books';

const body = (c: ReturnType<typeof composeDay>): TxnBody => {
  if (!c.ok) throw new Error(c.issue.detail);
  return c.body;
};
const sums = (b: TxnBody) =>
  b.lines.reduce(
    (s, l) =>
      l.postingType === 'Debit' ? { ...s, debit: s.debit + l.amountCents } : { ...s, credit: s.credit + l.amountCents },
    { debit: 0, credit: 0 },
  );

describe('an audited day', () => {
  it('posts as one balanced entry, one line per account, numbered by station and date', () => {
    const entry = body(composeDay(auditedDay(), storeBooks()));
    expect(entry).toMatchObject({ entity: 'JournalEntry', docNumber: 'ST01-20251001', txnDate: '2025-10-01' });
    expect(entry.privateNote).toBe('Audited day 2025-10-01 of Station 1 Main St (CStoreOffice day d1).');
    expect(entry.lines.map((l) => `${l.postingType} ${l.accountId} ${l.amountCents} ${l.party?.id ?? '-'}`)).toEqual([
      'Debit 36 697371 -',
      'Debit 42 20000 7',
      'Debit 43 7 -',
      'Credit 40 712378 -',
      'Credit 41 5000 -',
    ]);
    expect(entry.lines.every((l) => l.classId === '500' && l.departmentId === '1')).toBe(true);
    expect(sums(entry)).toEqual({ debit: 717_378, credit: 717_378 });
  });

  it('carries no class or location where QuickBooks does not track them', () => {
    const entry = body(composeDay(auditedDay(), storeBooks({ tracking: { classes: false, locations: false } })));
    expect(entry.lines.some((l) => l.classId || l.departmentId)).toBe(false);
  });

  it.each([
    [
      'an account not in QuickBooks',
      auditedDay({ lines: [line('t-wash', 1_500), line('t-deposit', 1_500)] }),
      {},
      'unlinkedAccount',
      /\$15\.00 .*Car Wash.*“Car Wash Sales”/,
    ],
    [
      'a data type without a credit account',
      auditedDay({ lines: [line('t-half', 900), line('t-deposit', 900)] }),
      {},
      'unmappedDataType',
      /\$9\.00 .*Misc Receipts.*no credit account/,
    ],
    [
      'a house charge without a customer',
      auditedDay({ lines: [line('t-house', 2_000), line('t-fuel', 2_000)] }),
      {},
      'partyMissing',
      /\$20\.00 .*“House Accounts”.*needs a customer/,
    ],
    [
      'a customer not in QuickBooks',
      auditedDay({ lines: [line('t-house', 2_000, { customerId: 'c2' }), line('t-fuel', 2_000)] }),
      {},
      'unlinkedParty',
      /“New Fleet”/,
    ],
    [
      'a day that does not balance',
      auditedDay({ lines: [line('t-fuel', 10_000), line('t-deposit', 9_950)] }),
      {},
      'unbalanced',
      /leaves \$0\.50 on “Cash in Safe”/,
    ],
    [
      'a day in closed books',
      auditedDay(),
      { bookCloseDate: '2025-10-31' },
      'booksClosed',
      /dated 2025-10-01.*closed through 2025-10-31.*\$14,347\.56/,
    ],
    [
      'a station not in QuickBooks while locations are tracked',
      auditedDay({ stationId: 's2' }),
      {},
      'unlinkedStation',
      /“Station 2 Route 9”/,
    ],
  ] as const)('%s is an issue naming it, and nothing is posted', (_name, day, books, code, words) => {
    const composed = composeDay(day, storeBooks(books));
    expect(composed.ok).toBe(false);
    if (composed.ok) return;
    expect(composed.issue.code).toBe(code);
    expect(composed.issue.detail).toMatch(words);
  });

  it('is balanced for any balanced day, and each account nets to what its lines put there', () => {
    const kinds = ['t-fuel', 't-tax', 't-house', 't-os'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ type: fc.constantFrom(...kinds), cents: fc.integer({ min: -500_000, max: 2_000_000 }) }), {
          minLength: 1,
          maxLength: 25,
        }),
        (parts) => {
          const lines = parts.map((p) => line(p.type, p.cents, p.type === 't-house' ? { customerId: 'c1' } : {}));
          // The deposit takes what the register holds, so the day closes on the clearing account.
          const held = parts.reduce((s, p) => s + (p.type === 't-house' || p.type === 't-os' ? -p.cents : p.cents), 0);
          const composed = composeDay(auditedDay({ lines: [...lines, line('t-deposit', held)] }), storeBooks());
          if (!composed.ok) return expect(composed.issue.code).toBe('nothingToPost');
          const { debit, credit } = sums(composed.body);
          expect(debit).toBe(credit);
          expect(composed.body.lines.every((l) => Number.isInteger(l.amountCents) && l.amountCents > 0)).toBe(true);
          expect(composed.body.lines.some((l) => l.accountId === '35')).toBe(false);
        },
      ),
    );
  });
});

describe('the suspense account (optional, off by default)', () => {
  const suspense = { qboId: '99', name: 'Suspense' };

  it('takes an amount whose account is not in QuickBooks, and the plan flags it on the row', () => {
    const day = auditedDay({ lines: [line('t-wash', 1_500), line('t-deposit', 1_500)] });
    const composed = composeDay(day, storeBooks({ suspense }));
    expect(composed.ok).toBe(true);
    if (!composed.ok) return;
    expect(composed.body.lines.find((l) => l.accountId === '99')).toMatchObject({
      postingType: 'Credit',
      amountCents: 1_500,
    });
    expect(composed.suspended?.amountCents).toBe(1_500);
    const row = planPosting([day], [], [], storeBooks({ suspense })).rows[0]!;
    expect(row.status).toBe('waitingForCreation');
    expect(row.issue).toMatchObject({
      title: 'Posted to suspense',
      detail: expect.stringMatching(
        /^\$15\.00 was posted to the suspense account “Suspense” instead of its own: \$15\.00 of the day .* “Car Wash Sales”, which is not linked to a QuickBooks account yet\. Fix it/,
      ),
    });
  });

  it('never hides a day that does not balance or lacks its customer', () => {
    const books = storeBooks({ suspense });
    expect(composeDay(auditedDay({ lines: [line('t-fuel', 10_000), line('t-deposit', 9_950)] }), books).ok).toBe(false);
    expect(composeDay(auditedDay({ lines: [line('t-house', 2_000), line('t-fuel', 2_000)] }), books).ok).toBe(false);
  });
});
