/**
 * Records QuickBooks creates for itself in every company, which CStoreOffice has no use for: a
 * first sync must not copy them into CStoreOffice (issue: "QuickBooks' own records stay out").
 * They are still matched by name, so a CStoreOffice record of the same name links to one; only a
 * QuickBooks-only system record is kept out, and its row says why.
 *
 * The facts (reference/qbo-api.md §2.1 lists the detail types; QuickBooks' own help describes what
 * each is for):
 * - Undeposited Funds (UndepositedFunds): where QuickBooks parks received payments until they are
 *   deposited; CStoreOffice posts deposits directly.
 * - Retained Earnings (RetainedEarnings): QuickBooks closes each year's profit into it by itself.
 * - Opening Balance Equity (OpeningBalanceEquity): QuickBooks' offset for opening balances.
 * - Sales tax payable accounts (SalesTaxPayable; GlobalTaxPayable and GlobalTaxSuspense outside the
 *   US): made and posted to by QuickBooks' sales tax centre, one per tax agency.
 * - Uncategorized Income, Uncategorized Expense and Uncategorized Asset: where QuickBooks puts what
 *   bank feeds and imports could not classify. Their detail types are ordinary ones, so they are
 *   known by the names QuickBooks gives them.
 * - Accounts Receivable (A/R) and Accounts Payable (A/P): the ledgers QuickBooks keeps for invoices
 *   and bills. CStoreOffice keeps its own; match-accounts.ts offers them as links when both share
 *   an account number or that role.
 * - The items "Services" and "Hours": the two service items a new company starts with.
 */
import type { EntityTypeId } from './registry';

const SYSTEM_DETAIL_TYPES: Readonly<Record<string, string>> = {
  UndepositedFunds: 'QuickBooks keeps received payments here until they are deposited.',
  RetainedEarnings: "QuickBooks closes each year's profit into this account by itself.",
  OpeningBalanceEquity: 'QuickBooks posts the other side of opening balances here.',
  SalesTaxPayable: 'QuickBooks makes and posts to this account for a sales tax agency.',
  GlobalTaxPayable: 'QuickBooks makes and posts to this account for a tax agency.',
  GlobalTaxSuspense: 'QuickBooks makes and posts to this account for a tax agency.',
};

const UNCATEGORIZED = 'QuickBooks puts here what bank feeds and imports could not classify.';
// A/R and A/P by the names QuickBooks gives them: a company may add receivable or payable
// accounts of its own, with the same type and detail type.
const SYSTEM_ACCOUNT_NAMES: Readonly<Record<string, string>> = {
  'Accounts Receivable (A/R)':
    'It is the receivables ledger QuickBooks keeps for invoices; CStoreOffice keeps its own.',
  'Accounts Payable (A/P)': 'It is the payables ledger QuickBooks keeps for bills; CStoreOffice keeps its own.',
  'Uncategorized Income': UNCATEGORIZED,
  'Uncategorized Expense': UNCATEGORIZED,
  'Uncategorized Asset': UNCATEGORIZED,
};

const SYSTEM_ITEM_NAMES: Readonly<Record<string, string>> = {
  Services: 'It is one of the two service items QuickBooks gives every new company.',
  Hours: 'It is one of the two service items QuickBooks gives every new company.',
};

/** What a QBO record looks like to this check: its name and, for accounts, its detail type. */
interface QboRecordFacts {
  name: string;
  parentId?: string | null | undefined;
  detailType?: unknown;
}

/**
 * Why QuickBooks made this record for itself, in words for the row; null for a record of the
 * company's own. Only top-level records qualify: QuickBooks makes none under a parent.
 */
export function qboSystemReason(typeId: EntityTypeId, record: QboRecordFacts): string | null {
  if (record.parentId) return null;
  if (typeId === 'account') {
    const byDetail = typeof record.detailType === 'string' ? SYSTEM_DETAIL_TYPES[record.detailType] : undefined;
    return byDetail ?? SYSTEM_ACCOUNT_NAMES[record.name] ?? null;
  }
  if (typeId === 'dataType') return SYSTEM_ITEM_NAMES[record.name] ?? null;
  return null;
}
