/**
 * Whether a transaction in QuickBooks says what CStoreOffice's document says: the same lines (in any
 * order), amounts, accounts, parties, tracking, dates and note. Only then is it left alone; any
 * difference is an update, so an edit made to a posted entry in QuickBooks is put back.
 */
import type { TxnBody, TxnLine } from './types';

const lineKey = (l: TxnLine) =>
  [
    l.postingType ?? '',
    l.accountId,
    l.amountCents,
    l.party?.type ?? '',
    l.party?.id ?? '',
    l.classId ?? '',
    l.departmentId ?? '',
    l.description,
  ].join('|');

function canonical(body: TxnBody): string {
  return JSON.stringify([
    body.entity,
    body.docNumber,
    body.txnDate,
    body.dueDate ?? '',
    body.vendorId ?? '',
    body.departmentId ?? '',
    body.privateNote,
    body.lines.map(lineKey).sort(),
  ]);
}

export const sameTxn = (a: TxnBody, b: TxnBody): boolean => canonical(a) === canonical(b);

/** A transaction's total as QuickBooks shows it: a journal entry's debits, a bill's lines. */
export const txnTotalCents = (body: TxnBody): number =>
  body.lines.reduce((sum, l) => sum + (l.postingType === 'Credit' ? 0 : l.amountCents), 0);
