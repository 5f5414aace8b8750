/**
 * QBO masks a vendor's TaxIdentifier on read: it shows only the last four digits. The tax id is
 * written and never compared, but a first link (after Clear Sync History, say) must not rewrite a
 * tax id QBO already shows the same: the QBO source keeps what QBO shows beside the record as
 * `<field>Shown`, and a write whose visible result would equal it is not sent.
 */
import type { AnyRecord, FieldValue } from './types';

export const shownField = (field: string): string => `${field}Shown`;

const lastDigits = (text: string): string => text.replace(/\D/g, '').slice(-4);

/** True when QBO's masked `shown` is what writing `value` would show. */
export function showsSame(value: FieldValue | undefined, shown: FieldValue | undefined): boolean {
  if (typeof value !== 'string' || typeof shown !== 'string') return false;
  const tail = lastDigits(shown);
  return tail.length === 4 && lastDigits(value) === tail;
}

/** What QBO shows of a record's write-only field (undefined when the source did not say). */
export function shownValue(record: AnyRecord, field: string): FieldValue | undefined {
  return record[shownField(field)];
}
