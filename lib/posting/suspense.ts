/**
 * The optional suspense account (books.ts `suspense`): an amount that has no account in QuickBooks
 * posts there instead of holding its document, and the reason is kept, so the row says how much went
 * there and why. Without one, the reason is the document's Synchronization Error.
 */
import type { PostingBooks } from './books';
import type { Posting } from './txn-lines';
import type { PostingIssue, Suspended } from './types';

export const newSuspended = (): Suspended => ({ amountCents: 0, reasons: [] });

export function toSuspense(
  books: PostingBooks,
  suspended: Suspended,
  issue: PostingIssue,
  cents: number,
  source: string,
): { posting: Posting } | { issue: PostingIssue } {
  if (!books.suspense) return { issue };
  suspended.amountCents += Math.abs(cents);
  suspended.reasons.push(issue);
  return { posting: { accountId: books.suspense.qboId, cents, source: `${source} (suspense)` } };
}
