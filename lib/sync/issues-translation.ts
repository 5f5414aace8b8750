/**
 * The words of values that would not survive the trip between the two systems as they are: a field
 * value QuickBooks would refuse, and an account type changed in QuickBooks (types are CStoreOffice's
 * after the first link). Nothing was sent for either.
 */
import type { RowIssue } from './issue-words';

export const translationIssues = {
  /** `reasons`: what is wrong with each value, already in words (lib/entities/field-rules.ts). */
  invalidValue(reasons: string[]): RowIssue {
    return {
      code: 'invalidValue',
      title: 'QuickBooks would refuse a value',
      detail: `${reasons.join(' ')} Nothing was sent to QuickBooks.`,
      remedies: ['ignore'],
    };
  },
  /** A linked account's type edited in QBO: CStoreOffice keeps its type, QBO's edit is not copied. */
  accountTypeFixed(csoType: string, qboType: string): RowIssue {
    return {
      code: 'accountTypeFixed',
      title: 'Account type changed in QuickBooks',
      detail: `The account type was changed in QuickBooks to “${qboType}”, but after an account is first linked its type is kept in CStoreOffice, where it is “${csoType}”; nothing was written to CStoreOffice. Change it back to “${csoType}” in QuickBooks, or change the type in CStoreOffice to send it to QuickBooks.`,
      remedies: ['ignore'],
    };
  },
};
