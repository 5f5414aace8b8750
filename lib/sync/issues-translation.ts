/**
 * The words of values that would not survive the trip to QuickBooks as they are: a field value it
 * would refuse, an account type changed in QuickBooks (types are CStoreOffice's after the first
 * link), and a data type's account with no QuickBooks counterpart. Nothing was sent for any of them.
 */
import { quote, type IssueRef, type RowIssue } from './issue-words';

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
  /** A data type's credit or debit account that will have no QBO counterpart after this run. */
  accountNotInQbo(account: IssueRef, role: 'credit account' | 'debit account'): RowIssue {
    return {
      code: 'accountNotInQbo',
      title: `Its ${role} is not in QuickBooks`,
      detail: `Its ${role}, the ${quote(account)}, is not linked to a QuickBooks account and will not be created there in this sync, so the data type cannot be written without posting to another account. Synchronize that account first (its row says why it is not), or choose another ${role} in CStoreOffice.`,
      remedies: ['ignore'],
      other: account,
    };
  },
};
