/**
 * A vendor invoice into its Bill, or its VendorCredit when the total is negative (CONTRACT v1.4): each
 * line is an expense on its data type's debit account (or the account it names), the vendor's
 * Accounts Payable is the other side, the station is the bill's location and every line's class.
 */
import type { PostingBooks } from './books';
import { postingIssues } from './issue-words';
import { newSuspended, toSuspense } from './suspense';
import { nettedLines, type Posting } from './txn-lines';
import { type Composed, DOC_NUMBER_MAX, type PostingIssue, type TxnLine, type VendorInvoice } from './types';

/** The invoice's number as QuickBooks keeps it; one without a number is found again by its CStoreOffice id. */
export const invoiceDocNumber = (invoice: VendorInvoice) => invoice.number.trim() || `CSO-${invoice.id}`;

export const invoiceTotalCents = (invoice: VendorInvoice) => invoice.lines.reduce((sum, l) => sum + l.amountCents, 0);

export function composeInvoice(invoice: VendorInvoice, books: PostingBooks): Composed {
  const vendors = invoice.vendorType === 'priceBookVendor' ? books.priceBookVendors : books.accountingVendors;
  const vendor = vendors.get(invoice.vendorId);
  const total = invoiceTotalCents(invoice);
  const what = `invoice ${invoice.number || invoice.id} of ${vendor?.name ?? `vendor ${invoice.vendorId}`}`;
  const fail = (issue: PostingIssue): Composed => ({ ok: false, issue });
  const docNumber = invoiceDocNumber(invoice);
  if (docNumber.length > DOC_NUMBER_MAX) return fail(postingIssues.docNumberTooLong(what, docNumber));
  if (!vendor?.qboId) return fail(postingIssues.unlinkedParty(what, 'vendor', vendor?.name ?? invoice.vendorId, total));
  if (books.bookCloseDate && invoice.date <= books.bookCloseDate)
    return fail(postingIssues.booksClosed(what, invoice.date, books.bookCloseDate, Math.abs(total)));
  const station = books.stations.get(invoice.stationId);
  if (books.tracking.locations && !station?.qboDepartmentId)
    return fail(postingIssues.unlinkedStation(what, station?.name ?? `station ${invoice.stationId}`));

  const sign = total < 0 ? -1 : 1;
  const postings: Posting[] = [];
  const suspended = newSuspended();
  for (const line of invoice.lines) {
    const type = line.dataTypeId ? books.dataTypes.get(line.dataTypeId) : undefined;
    if (line.dataTypeId && !type)
      return fail(postingIssues.unmappedDataType(what, line.dataTypeId, null, line.amountCents));
    const accountId = type ? type.debitAccountId : line.accountId;
    const account = accountId ? books.accounts.get(accountId) : undefined;
    const source = line.memo ?? type?.name ?? account?.name ?? 'an expense line';
    if (!accountId || !account?.qboId) {
      const issue = !accountId
        ? postingIssues.unmappedDataType(what, type?.name ?? 'a data type', 'debit', line.amountCents)
        : postingIssues.unlinkedAccount(
            what,
            account?.name ?? accountId,
            type?.name ?? 'an expense line',
            line.amountCents,
          );
      const parked = toSuspense(books, suspended, issue, sign * line.amountCents, source);
      if ('issue' in parked) return fail(parked.issue);
      postings.push(parked.posting);
      continue;
    }
    postings.push({ accountId: account.qboId, cents: sign * line.amountCents, source });
  }
  // The location is the bill's own (QuickBooks keeps it on the header); the class is on every line.
  const netted = nettedLines(
    postings,
    station && books.tracking.classes && station.qboClassId ? { classId: station.qboClassId } : {},
  );
  if (netted.length === 0) return fail(postingIssues.nothingToPost(what));
  const against = netted.find((l) => l.postingType === 'Credit');
  if (against) {
    const name = [...books.accounts.values()].find((a) => a.qboId === against.accountId)?.name ?? against.accountId;
    return fail(postingIssues.negativeLine(what, name, against.amountCents));
  }
  const lines: TxnLine[] = netted.map(({ postingType: _debit, ...line }) => line);
  const departmentId = books.tracking.locations ? station?.qboDepartmentId : null;
  return {
    ok: true,
    body: {
      entity: total < 0 ? 'VendorCredit' : 'Bill',
      docNumber,
      txnDate: invoice.date,
      ...(total < 0 ? {} : { dueDate: invoice.dueDate }),
      vendorId: vendor.qboId,
      ...(departmentId ? { departmentId } : {}),
      privateNote: `Vendor invoice ${invoice.number || '(no number)'} (CStoreOffice invoice ${invoice.id}).`,
      lines,
    },
    ...(suspended.reasons.length ? { suspended } : {}),
  };
}
