/**
 * QBO's 16 account types and the classification each implies; the domain uses QBO's words, and each
 * side's adapter maps its own vocabulary onto them.
 */
export const ACCOUNT_TYPES = [
  'Bank',
  'Other Current Asset',
  'Fixed Asset',
  'Other Asset',
  'Accounts Receivable',
  'Equity',
  'Expense',
  'Other Expense',
  'Cost of Goods Sold',
  'Accounts Payable',
  'Credit Card',
  'Long Term Liability',
  'Other Current Liability',
  'Income',
  'Other Income',
  'Non-Posting',
] as const;

export type AccountType = (typeof ACCOUNT_TYPES)[number];

export type AccountClassification = 'Asset' | 'Equity' | 'Expense' | 'Liability' | 'Revenue';

const CLASSIFICATION: Readonly<Record<AccountType, AccountClassification | null>> = {
  Bank: 'Asset',
  'Other Current Asset': 'Asset',
  'Fixed Asset': 'Asset',
  'Other Asset': 'Asset',
  'Accounts Receivable': 'Asset',
  Equity: 'Equity',
  Expense: 'Expense',
  'Other Expense': 'Expense',
  'Cost of Goods Sold': 'Expense',
  'Accounts Payable': 'Liability',
  'Credit Card': 'Liability',
  'Long Term Liability': 'Liability',
  'Other Current Liability': 'Liability',
  Income: 'Revenue',
  'Other Income': 'Revenue',
  'Non-Posting': null,
};

export function classificationOf(type: AccountType): AccountClassification | null {
  return CLASSIFICATION[type];
}
