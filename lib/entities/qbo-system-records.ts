/**
 * Records QuickBooks creates for itself in every company, which CStoreOffice has no use for: a
 * first sync must not copy them into CStoreOffice (issue: "QuickBooks' own records stay out").
 * They are still matched by name, so a CStoreOffice record of the same name links to one; only a
 * QuickBooks-only system record is kept out, and its row says why.
 *
 * The facts:
 * - Intuit, "Manage default and special accounts in your QuickBooks Online chart of accounts"
 *   (quickbooks.intuit.com/learn-support/en-us/…/manage-default-and-special-accounts-in-your-chart-of-accounts/00/186401):
 *   Undeposited Funds, Opening Balance Equity and Retained Earnings cannot be made inactive;
 *   Services is the default income account, and neither it nor its item can be deleted; the
 *   Uncategorized Asset, Income and Expense accounts cannot be made inactive; Inventory Asset and
 *   Cost of Goods Sold are made again by QuickBooks when products change; Sales of Product Income
 *   is the account it makes for inventory sales; Billable Expense Income and Reconciliation
 *   Discrepancies serve its billable expenses and reconciliation; special accounts such as sales
 *   tax payable appear when a feature is turned on.
 * - Intuit's schema (QuickBooks-V3-Java-SDK, Finance.xsd): QuickBooks creates one Accounts
 *   Receivable and one Accounts Payable account, and adds Retained Earnings with the company.
 * - Intuit's sandbox companies: items 1 and 2, "Services" and "Hours", are made with the company.
 * Detail types come first (a renamed system account keeps its detail type); accounts whose detail
 * type is an ordinary one are known by the names QuickBooks gives them (reference/qbo-api.md §2.1).
 * CStoreOffice's own A/P and A/R are offered as links to QuickBooks' (match-accounts.ts).
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
const INVENTORY = 'QuickBooks keeps this default account for inventory items and makes it again when products change.';
// A/R and A/P by the names QuickBooks gives them: a company may add receivable or payable
// accounts of its own, with the same type and detail type.
const SYSTEM_ACCOUNT_NAMES: Readonly<Record<string, string>> = {
  'Accounts Receivable (A/R)':
    'It is the receivables ledger QuickBooks keeps for invoices; CStoreOffice keeps its own.',
  'Accounts Payable (A/P)': 'It is the payables ledger QuickBooks keeps for bills; CStoreOffice keeps its own.',
  'Uncategorized Income': UNCATEGORIZED,
  'Uncategorized Expense': UNCATEGORIZED,
  'Uncategorized Asset': UNCATEGORIZED,
  'Retained Earnings': "QuickBooks closes each year's profit into this account by itself.",
  'Undeposited Funds': 'QuickBooks keeps received payments here until they are deposited.',
  'Opening Balance Equity': 'QuickBooks posts the other side of opening balances here.',
  Services: 'It is the default income account QuickBooks gives every new company, for its Services item.',
  'Billable Expense Income': 'QuickBooks posts expenses it bills back to customers here.',
  'Reconciliation Discrepancies': 'QuickBooks posts differences found while reconciling here.',
  'Sales of Product Income': INVENTORY,
  'Inventory Asset': INVENTORY,
  'Cost of Goods Sold': INVENTORY,
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
