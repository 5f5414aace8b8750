/**
 * The transaction entities the sandbox serves (Intuit's JournalEntry, Bill and VendorCredit
 * references): writable, read-only and filterable fields, and their length limits.
 */
import type { EntityDef, TransactionEntity } from './entity-def';

export const TRANSACTIONS: readonly TransactionEntity[] = ['JournalEntry', 'Bill', 'VendorCredit'];

const META = ['MetaData.CreateTime', 'MetaData.LastUpdatedTime'] as const;
// DocNumber: "max 21 chars", PrivateNote: "max of 4000 chars" in all three references.
const LIMITS = { DocNumber: 21, PrivateNote: 4000 };
const COMMON = {
  nameField: 'DocNumber',
  uniqueOn: 'none',
  sparseNeedsName: false,
  longIds: false,
  limits: LIMITS,
  indexed: ['DocNumber'],
} as const;
const HEADER = [
  'DocNumber',
  'TxnDate',
  'PrivateNote',
  'Line',
  'CurrencyRef',
  'ExchangeRate',
  'GlobalTaxCalculation',
  'TxnTaxDetail',
  'TransactionLocationType',
] as const;
const PAYABLE = ['VendorRef', 'APAccountRef', 'DepartmentRef', 'LinkedTxn', 'IncludeInAnnualTPAR'] as const;

export const TRANSACTION_DEFS: Record<TransactionEntity, EntityDef> = {
  JournalEntry: {
    ...COMMON,
    name: 'JournalEntry',
    writable: [...HEADER, 'Adjustment', 'JournalCodeRef', 'TaxRateRef'],
    readOnly: ['TotalAmt', 'HomeTotalAmt', 'RecurDataRef'],
    queryable: ['Id', 'DocNumber', 'TxnDate', ...META],
  },
  Bill: {
    ...COMMON,
    name: 'Bill',
    writable: [...HEADER, ...PAYABLE, 'DueDate', 'SalesTermRef'],
    readOnly: ['TotalAmt', 'Balance', 'HomeBalance', 'RecurDataRef'],
    queryable: ['Id', 'DocNumber', 'TxnDate', 'DueDate', 'VendorRef', 'APAccountRef', 'TotalAmt', 'Balance', ...META],
  },
  VendorCredit: {
    ...COMMON,
    name: 'VendorCredit',
    writable: [...HEADER, ...PAYABLE],
    readOnly: ['TotalAmt', 'Balance', 'RecurDataRef'],
    queryable: ['Id', 'DocNumber', 'TxnDate', 'VendorRef', 'APAccountRef', 'TotalAmt', ...META],
  },
};
