/**
 * QBO's 16 account types; the domain uses QBO's words, and each side's adapter maps its own
 * vocabulary onto them.
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
