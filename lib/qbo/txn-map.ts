/**
 * Posting's transactions (lib/posting TxnBody, whole cents) as QBO's JSON and back. The way back
 * keeps exactly what the way there writes, so a posting read again compares equal to its document
 * (lib/posting/compare.ts) and a second Synchronize writes nothing.
 */
import type { PostedTxn, TxnBody, TxnLine } from '../posting/types';
import { fromCents, toCents } from './cents';
import type { QboBill, QboJournalEntry, QboTxnEntity, QboVendorCredit } from './txn-schemas';

const ref = (value: string) => ({ value });

function journalLine(line: TxnLine): Record<string, unknown> {
  return {
    DetailType: 'JournalEntryLineDetail',
    Amount: fromCents(line.amountCents),
    Description: line.description,
    JournalEntryLineDetail: {
      PostingType: line.postingType ?? 'Debit',
      AccountRef: ref(line.accountId),
      ...(line.party ? { Entity: { Type: line.party.type, EntityRef: ref(line.party.id) } } : {}),
      ...(line.classId ? { ClassRef: ref(line.classId) } : {}),
      ...(line.departmentId ? { DepartmentRef: ref(line.departmentId) } : {}),
    },
  };
}

function expenseLine(line: TxnLine): Record<string, unknown> {
  return {
    DetailType: 'AccountBasedExpenseLineDetail',
    Amount: fromCents(line.amountCents),
    Description: line.description,
    AccountBasedExpenseLineDetail: {
      AccountRef: ref(line.accountId),
      ...(line.classId ? { ClassRef: ref(line.classId) } : {}),
    },
  };
}

/** The whole transaction as QBO takes it on create and on a full update. */
export function txnToQbo(body: TxnBody): Record<string, unknown> {
  const journal = body.entity === 'JournalEntry';
  return {
    DocNumber: body.docNumber,
    TxnDate: body.txnDate,
    PrivateNote: body.privateNote,
    ...(body.dueDate ? { DueDate: body.dueDate } : {}),
    ...(body.vendorId ? { VendorRef: ref(body.vendorId) } : {}),
    ...(body.departmentId ? { DepartmentRef: ref(body.departmentId) } : {}),
    Line: body.lines.map(journal ? journalLine : expenseLine),
  };
}

type AnyTxn = QboJournalEntry | QboBill | QboVendorCredit;

function journalLines(txn: QboJournalEntry): TxnLine[] {
  const lines: TxnLine[] = [];
  for (const line of txn.Line) {
    const d = line.JournalEntryLineDetail;
    if (!d) continue;
    const party = d.Entity?.EntityRef?.value;
    lines.push({
      postingType: d.PostingType === 'Credit' ? 'Credit' : 'Debit',
      accountId: d.AccountRef.value,
      amountCents: toCents(line.Amount ?? 0),
      ...(party ? { party: { type: d.Entity?.Type === 'Vendor' ? 'Vendor' : 'Customer', id: party } } : {}),
      ...(d.ClassRef?.value ? { classId: d.ClassRef.value } : {}),
      ...(d.DepartmentRef?.value ? { departmentId: d.DepartmentRef.value } : {}),
      description: line.Description ?? '',
    });
  }
  return lines;
}

function expenseLines(txn: QboBill | QboVendorCredit): TxnLine[] {
  const lines: TxnLine[] = [];
  for (const line of txn.Line) {
    const d = line.AccountBasedExpenseLineDetail;
    if (!d) continue;
    lines.push({
      accountId: d.AccountRef.value,
      amountCents: toCents(line.Amount ?? 0),
      ...(d.ClassRef?.value ? { classId: d.ClassRef.value } : {}),
      description: line.Description ?? '',
    });
  }
  return lines;
}

/** A transaction QBO holds, in posting's terms; lines that post nothing (description only) are left out. */
export function txnFromQbo(entity: QboTxnEntity, txn: AnyTxn): PostedTxn {
  const common = {
    id: txn.Id,
    syncToken: txn.SyncToken,
    entity,
    docNumber: txn.DocNumber ?? '',
    txnDate: txn.TxnDate ?? '',
    privateNote: txn.PrivateNote ?? '',
  };
  if (entity === 'JournalEntry') return { ...common, lines: journalLines(txn as QboJournalEntry) };
  const vendorTxn = txn as QboBill;
  return {
    ...common,
    ...(vendorTxn.DueDate ? { dueDate: vendorTxn.DueDate } : {}),
    vendorId: vendorTxn.VendorRef.value,
    ...(vendorTxn.DepartmentRef?.value ? { departmentId: vendorTxn.DepartmentRef.value } : {}),
    lines: expenseLines(vendorTxn),
  };
}
