/** The tie-out compares, per account × class × location, what should have posted with what did, to the cent. */
import { describe, expect, it } from 'vitest';
import { composeDay } from '@/lib/posting/compose-day';
import { tieOut } from '@/lib/posting/tie-out';
import { formatCents } from '@/lib/posting/money';
import { auditedDay, storeBooks } from './books';

describe('the tie-out', () => {
  const c = composeDay(auditedDay(), storeBooks());
  if (!c.ok) throw new Error(c.issue.detail);
  const entry = c.body;
  const october = { from: '2025-10-01', to: '2025-10-31' };

  it('is exact when QuickBooks holds what was composed', () => {
    const lines = tieOut([entry], [entry], october);
    expect(lines.length).toBe(5);
    expect(lines.every((l) => l.differenceCents === 0)).toBe(true);
    expect(lines.find((l) => l.accountId === '40')).toEqual({
      accountId: '40',
      classId: '500',
      departmentId: '1',
      csoCents: -712_378,
      qboCents: -712_378,
      differenceCents: 0,
    });
  });

  it('marks a cent moved in QuickBooks, first, and leaves out what falls outside the period', () => {
    const edited = { ...entry, lines: entry.lines.map((l) => (l.accountId === '43' ? { ...l, amountCents: 8 } : l)) };
    const lines = tieOut([entry], [edited], october);
    expect(lines[0]).toMatchObject({ accountId: '43', csoCents: 7, qboCents: 8, differenceCents: 1 });
    expect(tieOut([entry], [edited], { from: '2025-11-01', to: '2025-11-30' })).toEqual([]);
  });

  it.each([
    [0, '$0.00'],
    [7, '$0.07'],
    [-123_456_789, '-$1,234,567.89'],
  ])('says %i cents as %s', (cents, words) => expect(formatCents(cents)).toBe(words));
});
