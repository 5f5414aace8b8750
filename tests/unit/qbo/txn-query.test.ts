import { describe, expect, it } from 'vitest';
import { buildQuery, QboUsageError, txnConditions } from '@/lib/qbo';

const where = (filter: Parameters<typeof txnConditions>[0]) =>
  buildQuery({ entity: 'JournalEntry', where: txnConditions(filter) });

describe('txnConditions', () => {
  it.each([
    [{ from: '2025-06-01' }, "SELECT * FROM JournalEntry WHERE TxnDate >= '2025-06-01'"],
    [
      { from: '2025-06-01', to: '2025-06-30' },
      "SELECT * FROM JournalEntry WHERE TxnDate >= '2025-06-01' AND TxnDate <= '2025-06-30'",
    ],
    [{ docNumbers: ["O'Hare-7"] }, "SELECT * FROM JournalEntry WHERE DocNumber = 'O\\'Hare-7'"],
    [{ docNumbers: ['A-1', 'A-2'] }, "SELECT * FROM JournalEntry WHERE DocNumber IN ('A-1', 'A-2')"],
    [
      { to: '2024-02-29', docNumbers: ['X'] },
      "SELECT * FROM JournalEntry WHERE TxnDate <= '2024-02-29' AND DocNumber = 'X'",
    ],
    [{}, 'SELECT * FROM JournalEntry'],
  ])('%j → %s', (filter, sql) => {
    expect(where(filter)).toBe(sql);
  });

  it.each([
    [{ from: '2025-6-1' }, /YYYY-MM-DD/],
    [{ to: '2025-02-30' }, /YYYY-MM-DD/],
    [{ from: '2025-06-01T00:00:00Z' }, /YYYY-MM-DD/],
    [{ docNumbers: [] }, /empty DocNumber list/],
    [{ docNumbers: ['x'.repeat(22)] }, /at most 21/],
  ])('refuses %j before asking QBO', (filter, message) => {
    expect(() => txnConditions(filter)).toThrow(QboUsageError);
    expect(() => txnConditions(filter)).toThrow(message);
  });
});
