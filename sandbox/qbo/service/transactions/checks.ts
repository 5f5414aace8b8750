/**
 * Company-level rules on a transaction: dates (format, books closing date) and document numbers
 * (Bill numbers unique per vendor unless `include=allowduplicatedocnum`). The sources and what is
 * UNCONFIRMED are in the README's Transactions section.
 */
import type { TransactionEntity } from '../../entities/catalog';
import { faults, type QboError } from '../../errors';
import type { Realm } from '../../store/realm';
import type { QboObject } from '../../store/table';
import { refValue } from '../hierarchy';
import { accountingPrefs } from '../pref-gates';
import type { WriteContext } from '../writes';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as QBO writes it (`2026-03-02`), checked to exist (no 2026-02-30). */
function isQboDate(value: unknown): value is string {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Checks the date fields present on `data`. */
export function dateError(data: QboObject, fields: readonly string[]): QboError | undefined {
  for (const field of fields) {
    const value = data[field];
    if (value !== undefined && value !== null && !isQboDate(value)) return faults.invalidDate(field, String(value));
  }
  return undefined;
}

/** `AccountingInfoPrefs.BookCloseDate`, the last day of the closed books, when the company set one. */
function bookCloseDate(realm: Realm): string | undefined {
  const date = accountingPrefs(realm).BookCloseDate;
  return isQboDate(date) ? date : undefined;
}

/** 6210 when any of `txnDates` falls on or before the closing date (both the old and the new date on an edit). */
export function closedPeriodError(ctx: WriteContext, txnDates: readonly unknown[]): QboError | undefined {
  if (!ctx.switches.enforceBookCloseDate) return undefined;
  const closed = bookCloseDate(ctx.realm);
  if (closed === undefined) return undefined;
  // ISO dates compare as strings.
  return txnDates.some((d) => typeof d === 'string' && d <= closed) ? faults.periodClosed() : undefined;
}

function rejectsDuplicates(ctx: WriteContext, type: TransactionEntity): boolean {
  if (ctx.allowDuplicateDocNum) return false;
  if (type === 'Bill') return ctx.switches.rejectDuplicateBillNumbers;
  if (type === 'JournalEntry') return ctx.switches.rejectDuplicateJournalNumbers;
  return false;
}

/** 6140 when another transaction of the type already has this DocNumber (a Bill: for the same vendor). */
export function duplicateDocNumberError(
  ctx: WriteContext,
  type: TransactionEntity,
  data: QboObject,
  selfId?: string,
): QboError | undefined {
  const number = data.DocNumber;
  if (typeof number !== 'string' || number.trim() === '' || !rejectsDuplicates(ctx, type)) return undefined;
  const vendor = refValue(data.VendorRef);
  const clash = ctx.realm.tables[type]
    .lookup('DocNumber', number)
    .find(
      (rec) =>
        rec.id !== selfId &&
        !ctx.hidden?.has(`${type}:${rec.id}`) &&
        String(rec.data.DocNumber).trim().toLowerCase() === number.trim().toLowerCase() &&
        (type !== 'Bill' || refValue(rec.data.VendorRef) === vendor),
    );
  return clash ? faults.duplicateDocNumber(number, type, clash.id) : undefined;
}
