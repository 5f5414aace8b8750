/**
 * The detail type (QBO's AccountSubType) QBO fills in for each account type when a create names
 * only the type, the first of each type's list in QBO's documentation (qbo-api.md §2.1). A new
 * account whose CStoreOffice detail type is empty, or whose type changes, gets its type's default:
 * a sparse update keeps the stored subtype, and QBO refuses one that belongs to another type
 * (2170 Invalid Enumeration).
 */
import type { AccountType } from './account-types';

const DEFAULT_DETAIL_TYPES: Readonly<Record<AccountType, string | null>> = {
  Bank: 'Checking',
  'Other Current Asset': 'OtherCurrentAssets',
  'Fixed Asset': 'MachineryAndEquipment',
  'Other Asset': 'OtherLongTermAssets',
  'Accounts Receivable': 'AccountsReceivable',
  Equity: 'OwnersEquity',
  Expense: 'OfficeGeneralAdministrativeExpenses',
  'Other Expense': 'OtherMiscellaneousExpense',
  'Cost of Goods Sold': 'SuppliesMaterialsCogs',
  'Accounts Payable': 'AccountsPayable',
  'Credit Card': 'CreditCard',
  'Long Term Liability': 'OtherLongTermLiabilities',
  'Other Current Liability': 'OtherCurrentLiabilities',
  Income: 'SalesOfProductIncome',
  'Other Income': 'OtherMiscellaneousIncome',
  // CStoreOffice has no Non-Posting accounts, so none is ever sent.
  'Non-Posting': null,
};

/** The detail type QBO gives an account of `type` when none is named. */
export function defaultDetailType(type: string): string | null {
  return DEFAULT_DETAIL_TYPES[type as AccountType] ?? null;
}
