/** Why a day or an invoice is not posted, in a bookkeeper's words, each naming the cause and the amount. */
import { formatCents } from './money';
import type { PostingIssue, Suspended } from './types';

const issue = (
  code: PostingIssue['code'],
  title: string,
  detail: string,
  amountCents: number | null,
): PostingIssue => ({
  code,
  title,
  detail,
  amountCents,
});

export const postingIssues = {
  unmappedDataType: (what: string, dataType: string, side: 'debit' | 'credit' | null, cents: number) =>
    issue(
      'unmappedDataType',
      'Data type without an account',
      side
        ? `${formatCents(cents)} of ${what} is ${dataType}, which has no ${side} account in its Transaction Assignment. Assign one in CStoreOffice; nothing of ${what} is posted until then.`
        : `${formatCents(cents)} of ${what} is of a data type CStoreOffice no longer has (${dataType}). Nothing of ${what} is posted until the line is corrected.`,
      cents,
    ),
  unlinkedAccount: (what: string, account: string, dataType: string, cents: number) =>
    issue(
      'unlinkedAccount',
      'Account not in QuickBooks',
      `${formatCents(cents)} of ${what} (${dataType}) posts to the account “${account}”, which is not linked to a QuickBooks account yet. Synchronize the account in Entities first; nothing of ${what} is posted until then.`,
      cents,
    ),
  unlinkedParty: (what: string, kind: string, name: string, cents: number) =>
    issue(
      'unlinkedParty',
      `${kind[0]!.toUpperCase()}${kind.slice(1)} not in QuickBooks`,
      `${formatCents(cents)} of ${what} is for the ${kind} “${name}”, who is not linked to QuickBooks yet. Synchronize the ${kind} in Entities first; nothing of ${what} is posted until then.`,
      cents,
    ),
  partyMissing: (what: string, kind: 'customer' | 'vendor', account: string, cents: number) =>
    issue(
      'partyMissing',
      `No ${kind} on a ${kind === 'customer' ? 'receivable' : 'payable'} line`,
      `${formatCents(cents)} of ${what} posts to “${account}”, and QuickBooks needs a ${kind} on every line of that account; the line names none. Correct the line in CStoreOffice.`,
      cents,
    ),
  unlinkedStation: (what: string, station: string) =>
    issue(
      'unlinkedStation',
      'Station not in QuickBooks',
      `The station “${station}” is not linked to a QuickBooks location yet, and QuickBooks tracks locations. Synchronize it in Entities (Locations) first; nothing of ${what} is posted until then.`,
      null,
    ),
  booksClosed: (what: string, date: string, closed: string, cents: number) =>
    issue(
      'booksClosed',
      'Books closed in QuickBooks',
      `${what} is dated ${date}, and QuickBooks' books are closed through ${closed}, so ${formatCents(cents)} cannot be posted there. Ask whoever closed the books to reopen them or move the closing date; nothing is posted meanwhile.`,
      cents,
    ),
  unbalanced: (what: string, account: string, cents: number) =>
    issue(
      'unbalanced',
      'The day does not balance',
      `${what} leaves ${formatCents(cents)} on “${account}”, the account the register's takings and tenders meet in: what came in and what went out differ by that much. Correct the day in CStoreOffice (its cash over/short); nothing of it is posted until it balances.`,
      cents,
    ),
  negativeLine: (what: string, account: string, cents: number) =>
    issue(
      'negativeLine',
      'A negative line on an invoice',
      `${what} takes ${formatCents(cents)} off “${account}” while its total is positive, and QuickBooks bills take no negative lines. Enter the reduction as its own credit invoice in CStoreOffice.`,
      cents,
    ),
  docNumberTooLong: (what: string, number: string) =>
    issue(
      'docNumberTooLong',
      'Number too long for QuickBooks',
      `${what} is numbered “${number}”, and QuickBooks keeps at most 21 characters of a document number. Shorten it in CStoreOffice.`,
      null,
    ),
  nothingToPost: (what: string) =>
    issue(
      'nothingToPost',
      'Nothing to post',
      `Every account of ${what} nets to zero, so there is no entry to post.`,
      0,
    ),
};

export const unmarkedEntryIssue = (what: string, docNumber: string, qboId: string): PostingIssue =>
  issue(
    'numberTaken',
    'Entry number already used in QuickBooks',
    `QuickBooks already has a journal entry numbered ${docNumber} (Id ${qboId}) whose note does not name ${what}, so it was not posted by this manager, or its note was changed. Posting would make a second entry with that number. Check that entry in QuickBooks: delete it if it is a copy of this day, or renumber it; ${what} is posted once the number is free.`,
    null,
  );

/** A posting that went partly to the suspense account, flagged on its row (not an error: it is posted). */
export const suspenseIssue = (suspended: Suspended, account: string): PostingIssue =>
  issue(
    'suspense',
    'Posted to suspense',
    `${formatCents(suspended.amountCents)} was posted to the suspense account “${account}” instead of its own: ${suspended.reasons.map((r) => r.detail.split(/(?<=\.) /)[0]).join(' ')} Fix it in CStoreOffice or Entities and synchronize again: the entry is then corrected.`,
    suspended.amountCents,
  );
