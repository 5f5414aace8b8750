/**
 * An audited day into its journal entry (CONTRACT v1.4, "How a line posts"): each line debits its
 * data type's debit account and credits its credit account (the other way round when negative), a
 * receivable line carries its customer and a payable line its vendor, and every line the station's
 * class and location as QuickBooks tracks them. Anything that would make the entry wrong or refused
 * (an account not in QuickBooks, a day that does not balance, closed books) is an issue instead,
 * and nothing of the day is posted.
 */
import type { PostingBooks } from './books';
import { postingIssues } from './issue-words';
import { nettedLines, trackingOf, type Posting } from './txn-lines';
import { newSuspended, toSuspense } from './suspense';
import { type AuditDay, type Composed, type DayLine, DOC_NUMBER_MAX, type PostingIssue, type Suspended } from './types';

/** `<station code>-<yyyymmdd>`: one entry per station and day, found again by it before any re-create. */
export function dayDocNumber(stationCode: string, date: string): string {
  return `${stationCode}-${date.replaceAll('-', '')}`;
}

/** The day's size as a bookkeeper reads it: the sum of its lines. */
export const dayTotalCents = (day: AuditDay) => day.lines.reduce((sum, l) => sum + Math.abs(l.amountCents), 0);

export function composeDay(day: AuditDay, books: PostingBooks): Composed {
  const station = books.stations.get(day.stationId);
  const what = `the day ${day.date} of ${station?.name ?? `station ${day.stationId}`}`;
  const fail = (issue: PostingIssue): Composed => ({ ok: false, issue });
  if (!station) return fail(postingIssues.unlinkedStation(what, `station ${day.stationId}`));
  const docNumber = dayDocNumber(station.stationCode ?? day.stationId, day.date);
  if (docNumber.length > DOC_NUMBER_MAX) return fail(postingIssues.docNumberTooLong(what, docNumber));
  if (books.bookCloseDate && day.date <= books.bookCloseDate)
    return fail(postingIssues.booksClosed(what, day.date, books.bookCloseDate, dayTotalCents(day)));
  if (books.tracking.locations && !station.qboDepartmentId)
    return fail(postingIssues.unlinkedStation(what, station.name));

  const postings: Posting[] = [];
  const suspended = newSuspended();
  let clearing = 0;
  for (const line of day.lines) {
    const made = postingsOf(line, what, books, suspended);
    if ('issue' in made) return fail(made.issue);
    postings.push(...made.postings);
    const type = books.dataTypes.get(line.dataTypeId)!;
    if (type.debitAccountId === books.clearingAccountId) clearing += line.amountCents;
    if (type.creditAccountId === books.clearingAccountId) clearing -= line.amountCents;
  }
  if (books.clearingAccountId && clearing !== 0) {
    const account = books.accounts.get(books.clearingAccountId)?.name ?? books.clearingAccountId;
    return fail(postingIssues.unbalanced(what, account, clearing));
  }
  const lines = nettedLines(postings, trackingOf(station, books.tracking));
  if (lines.length === 0) return fail(postingIssues.nothingToPost(what));
  return {
    ok: true,
    body: {
      entity: 'JournalEntry',
      docNumber,
      txnDate: day.date,
      privateNote: `Audited day ${day.date} of ${station.name} (CStoreOffice day ${day.id}).`,
      lines,
    },
    ...(suspended.reasons.length ? { suspended } : {}),
  };
}

/** A line's debit and credit, or why it cannot post. */
function postingsOf(
  line: DayLine,
  what: string,
  books: PostingBooks,
  suspended: Suspended,
): { postings: Posting[] } | { issue: PostingIssue } {
  const type = books.dataTypes.get(line.dataTypeId);
  if (!type) return { issue: postingIssues.unmappedDataType(what, line.dataTypeId, null, line.amountCents) };
  const postings: Posting[] = [];
  for (const side of ['debit', 'credit'] as const) {
    const accountId = side === 'debit' ? type.debitAccountId : type.creditAccountId;
    const cents = side === 'debit' ? line.amountCents : -line.amountCents;
    const account = accountId ? books.accounts.get(accountId) : undefined;
    if (!accountId || !account?.qboId) {
      const issue = !accountId
        ? postingIssues.unmappedDataType(what, type.name, side, line.amountCents)
        : postingIssues.unlinkedAccount(what, account?.name ?? accountId, type.name, line.amountCents);
      const parked = toSuspense(books, suspended, issue, cents, type.name);
      if ('issue' in parked) return parked;
      postings.push(parked.posting);
      continue;
    }
    const party = partyOf(line, account, what, books);
    if (party && 'issue' in party) return party;
    postings.push({ accountId: account.qboId, cents, source: type.name, ...(party ? { party: party.party } : {}) });
  }
  return { postings };
}

/** QuickBooks wants a customer on every receivable line and a vendor on every payable one. */
function partyOf(
  line: DayLine,
  account: { name: string; accountType: string },
  what: string,
  books: PostingBooks,
): { party: NonNullable<Posting['party']> } | { issue: PostingIssue } | null {
  const receivable = account.accountType === 'Accounts Receivable';
  if (!receivable && account.accountType !== 'Accounts Payable') return null;
  const kind = receivable ? 'customer' : 'vendor';
  const id = receivable ? line.customerId : line.vendorId;
  if (!id) return { issue: postingIssues.partyMissing(what, kind, account.name, line.amountCents) };
  const party = (receivable ? books.customers : books.priceBookVendors).get(id);
  if (!party?.qboId) return { issue: postingIssues.unlinkedParty(what, kind, party?.name ?? id, line.amountCents) };
  return { party: { type: receivable ? 'Customer' : 'Vendor', id: party.qboId } };
}
