/**
 * Field lint: the values other than names that QuickBooks would refuse (2050 "String length is
 * either shorter or longer than supported", 2040 "Invalid String", an e-mail it cannot parse),
 * found while planning so the row says why instead of a request failing. Limits from the QBO API
 * reference (/work/shared/reference/qbo-api.md §2; e-mail and phone: Intuit's EmailAddress and
 * TelephoneNumber types). CStoreOffice allows longer values (lib/cso/CONTRACT.md), so these are met.
 */
import type { EntityTypeId } from './catalog';

export interface FieldProblem {
  field: string;
  message: string;
}

/** One check of a text value: the problem in words, or null. */
type Check = (value: string) => string | null;

const maxLength =
  (max: number, what: string): Check =>
  (value) =>
    value.length > max
      ? `The ${what} is ${value.length} characters long; QuickBooks allows at most ${max}. Shorten it in CStoreOffice.`
      : null;

const noColon =
  (what: string): Check =>
  (value) =>
    value.includes(':') ? `QuickBooks does not accept a colon (:) in the ${what}. Remove it in CStoreOffice.` : null;

// QuickBooks checks only for an "@" and a "." after it (reference §2.4).
const email: Check = (value) =>
  /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)
    ? null
    : `QuickBooks would refuse the e-mail address “${value}”: it needs the form name@example.com. Correct it in CStoreOffice.`;

const CONTACT: Readonly<Record<string, readonly Check[]>> = {
  companyName: [maxLength(100, 'company name')],
  email: [maxLength(100, 'e-mail address'), email],
  phone: [maxLength(30, 'phone number')],
};

/**
 * The checks of each type's fields, by domain field. Account numbers: US, UK and Indian companies
 * allow 7 characters (Australia and Canada 20); CStoreOffice's numbering (XXXX.XX) fits the stricter.
 */
const RULES: Readonly<Partial<Record<EntityTypeId, Readonly<Record<string, readonly Check[]>>>>> = {
  account: {
    number: [noColon('account number'), maxLength(7, 'account number')],
    description: [maxLength(100, 'description')],
    detailType: [maxLength(100, 'detail type')],
  },
  customer: CONTACT,
  priceBookVendor: { email: CONTACT.email!, phone: CONTACT.phone! },
  accountingVendor: { email: CONTACT.email!, phone: CONTACT.phone! },
};

/** The problems QuickBooks would find in `fields` of `values` (all fields the values hold when absent). */
export function lintFields(
  typeId: EntityTypeId,
  values: Readonly<Record<string, unknown>>,
  fields: readonly string[] = Object.keys(values),
): FieldProblem[] {
  const rules = RULES[typeId];
  if (!rules) return [];
  const problems: FieldProblem[] = [];
  for (const field of fields) {
    const value = values[field];
    if (typeof value !== 'string' || value === '') continue;
    for (const check of rules[field] ?? []) {
      const message = check(value);
      if (message) problems.push({ field, message });
    }
  }
  return problems;
}
