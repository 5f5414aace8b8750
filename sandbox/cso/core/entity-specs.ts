// What CStoreOffice knows about each accounting entity type: its URL segment, labels, extra fields
// and their rules. The sandbox's store, API and pages are all driven from this one table so a field
// added here shows up everywhere at once.

export const SEGMENTS = [
  'accounts',
  'classes',
  'customers',
  'price-book-vendors',
  'accounting-vendors',
  'data-types',
  'locations',
] as const;
export type Segment = (typeof SEGMENTS)[number];

export const ACCOUNT_TYPES = [
  'Bank',
  'Accounts Receivable',
  'Other Current Asset',
  'Fixed Asset',
  'Other Asset',
  'Accounts Payable',
  'Credit Card',
  'Other Current Liability',
  'Long Term Liability',
  'Equity',
  'Income',
  'Cost of Goods Sold',
  'Expense',
  'Other Income',
  'Other Expense',
] as const;

export const VENDOR_CATEGORIES = ['Merchandise', 'Fuel', 'Expenses', 'Lottery'] as const;
const DATA_TYPE_CATEGORIES = ['Sales', 'Purchases', 'Receipts', 'Payouts', 'Other'] as const;

export const NAME_MAX = 1024;

export type FieldSpec =
  | { kind: 'text'; max: number; required?: boolean }
  | { kind: 'email' }
  | { kind: 'enum'; values: readonly string[]; default: string }
  | { kind: 'ref'; target: Segment }
  | { kind: 'pattern'; pattern: RegExp; hint: string; unique?: boolean; autoAssign?: boolean };

export interface EntitySpec {
  segment: Segment;
  /** Singular label as CStoreOffice's menus write it. */
  label: string;
  /** Plural label for list pages and menus. */
  plural: string;
  hierarchical: boolean;
  fields: Record<string, FieldSpec>;
  /** Names that CStoreOffice refuses to delete (its own fallbacks). */
  protectedNames?: readonly string[];
}

const contact: Record<string, FieldSpec> = {
  taxId: { kind: 'text', max: 20 },
  email: { kind: 'email' },
  phone: { kind: 'text', max: 30 },
};

export const ENTITY_SPECS: Record<Segment, EntitySpec> = {
  accounts: {
    segment: 'accounts',
    label: 'Account',
    plural: 'Chart of Accounts',
    hierarchical: true,
    fields: {
      number: {
        kind: 'pattern',
        pattern: /^\d{4}(\.\d{2})?$/,
        hint: 'Use CStoreOffice numbering: 4 digits, or 4 digits, a dot and 2 digits for a sub-account (e.g. 1010 or 1010.01).',
        unique: true,
      },
      accountType: { kind: 'enum', values: ACCOUNT_TYPES, default: 'Expense' },
      description: { kind: 'text', max: 4000 },
      // QuickBooks' AccountSubType words (e.g. Checking, Inventory); CStoreOffice keeps them as text.
      detailType: { kind: 'text', max: 100 },
    },
  },
  classes: { segment: 'classes', label: 'Class', plural: 'Classes', hierarchical: true, fields: {} },
  customers: {
    segment: 'customers',
    label: 'Customer',
    plural: 'Customers',
    hierarchical: false,
    fields: { companyName: { kind: 'text', max: 1024 }, email: { kind: 'email' }, phone: { kind: 'text', max: 30 } },
  },
  'price-book-vendors': {
    segment: 'price-book-vendors',
    label: 'Price book vendor',
    plural: 'Price Book Vendors',
    hierarchical: false,
    fields: { ...contact, category: { kind: 'enum', values: VENDOR_CATEGORIES, default: 'Merchandise' } },
  },
  'accounting-vendors': {
    segment: 'accounting-vendors',
    label: 'Accounting vendor',
    plural: 'Accounting Vendors',
    hierarchical: false,
    fields: { ...contact },
  },
  'data-types': {
    segment: 'data-types',
    label: 'Data type',
    plural: 'Data Types',
    hierarchical: false,
    fields: {
      category: { kind: 'enum', values: DATA_TYPE_CATEGORIES, default: 'Sales' },
      debitAccountId: { kind: 'ref', target: 'accounts' },
      creditAccountId: { kind: 'ref', target: 'accounts' },
    },
    protectedNames: ['Store Sales'],
  },
  locations: {
    segment: 'locations',
    label: 'Location (station)',
    plural: 'Locations',
    hierarchical: true,
    fields: {
      stationCode: {
        kind: 'pattern',
        pattern: /^[A-Za-z0-9-]{1,10}$/,
        hint: 'Station code: 1 to 10 letters, digits or dashes.',
        unique: true,
        autoAssign: true,
      },
      address: { kind: 'text', max: 500 },
    },
  },
};

export function isSegment(value: string): value is Segment {
  return (SEGMENTS as readonly string[]).includes(value);
}
