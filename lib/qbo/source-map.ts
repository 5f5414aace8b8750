/**
 * The QBO source's mapping between the engine's lists and QBO: which domain type reads each QBO
 * entity, raw QBO records → `SideRecord`s, and an op's values → the fields of a create or a sparse
 * update. Field shapes come from `toQbo`; this file only picks the keys an update's values name.
 */
import type { EntityTypeId, RecordByType } from '../entities';
import type { QboListKey, RecordValues, SideRecord } from '../sync';
import { fromQbo, toQbo, type QboOf } from './map';

/** The domain type whose record shape each QBO list has (both vendor kinds read the same). */
const TYPE_OF_LIST: Readonly<Record<QboListKey, EntityTypeId>> = {
  Account: 'account',
  Class: 'class',
  Department: 'location',
  Customer: 'customer',
  Vendor: 'accountingVendor',
  Item: 'dataType',
};

export const QBO_LISTS = Object.keys(TYPE_OF_LIST) as QboListKey[];

interface RawMeta {
  Id: string;
  SyncToken: string;
  MetaData?: { LastUpdatedTime?: string | undefined } | undefined;
}

/** One raw QBO record as the engine sees it: revision = SyncToken, updatedAt = LastUpdatedTime. */
export function sideRecordOf(list: QboListKey, raw: RawMeta): SideRecord {
  const type = TYPE_OF_LIST[list];
  const record = fromQbo(type, raw as unknown as QboOf<typeof type>);
  return { ...record, revision: raw.SyncToken, updatedAt: raw.MetaData?.LastUpdatedTime ?? null } as SideRecord;
}

/** The QBO keys each domain field is written to (`toQbo` decides their shape). */
const KEYS_OF_FIELD: Readonly<Record<string, readonly string[]>> = {
  name: ['Name', 'DisplayName'],
  parentId: ['ParentRef', 'SubAccount', 'SubClass', 'SubDepartment'],
  number: ['AcctNum'],
  accountType: ['AccountType'],
  description: ['Description'],
  active: ['Active'],
  companyName: ['CompanyName'],
  email: ['PrimaryEmailAddr'],
  phone: ['PrimaryPhone'],
  taxId: ['TaxIdentifier'],
  address: ['Address'],
  creditAccountId: ['IncomeAccountRef'],
};

/** A full domain record built from partial values: absent text fields are null, so `toQbo` leaves them out. */
function recordFrom(type: EntityTypeId, values: RecordValues): RecordByType[EntityTypeId] {
  const base: Record<string, unknown> = {
    id: '',
    name: '',
    active: true,
    parentId: null,
    number: null,
    accountType: 'Expense',
    description: null,
    companyName: null,
    email: null,
    phone: null,
    taxId: null,
    address: null,
    creditAccountId: null,
  };
  for (const [field, value] of Object.entries(values)) if (field in base) base[field] = value;
  return base as unknown as RecordByType[EntityTypeId];
}

/** The body of a create: every field the values carry (a null is left out). */
export function createBody(list: QboListKey, values: RecordValues, defaultIncomeAccountId: string | null): Record<string, unknown> {
  const type = TYPE_OF_LIST[list];
  const body = toQbo(type, recordFrom(type, values), { mode: 'create', defaultIncomeAccountId });
  // Fields the op does not name keep QBO's defaults (an account type must be given, though).
  return pickKeys(body, Object.keys(values), list === 'Account' ? ['AccountType'] : list === 'Item' ? ['Type', 'IncomeAccountRef'] : []);
}

/**
 * A sparse update keeps the stored AccountSubType, and QBO refuses (2170 Invalid Enumeration) a
 * subtype that belongs to another type: a changed AccountType goes with a subtype of its own.
 */
const SUBTYPE_FOR_TYPE: Readonly<Record<string, string>> = {
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
};

/** The changed fields of a sparse update: only the keys of the fields the values name; a null clears. */
export function patchBody(list: QboListKey, values: RecordValues, defaultIncomeAccountId: string | null): Record<string, unknown> {
  const type = TYPE_OF_LIST[list];
  const body = pickKeys(toQbo(type, recordFrom(type, values), { mode: 'update', defaultIncomeAccountId }), Object.keys(values), []);
  const subType = typeof body.AccountType === 'string' ? SUBTYPE_FOR_TYPE[body.AccountType] : undefined;
  return subType ? { ...body, AccountSubType: subType } : body;
}

function pickKeys(body: Record<string, unknown>, fields: readonly string[], always: readonly string[]): Record<string, unknown> {
  const keys = new Set([...fields.flatMap((f) => KEYS_OF_FIELD[f] ?? []), ...always]);
  return Object.fromEntries(Object.entries(body).filter(([k]) => keys.has(k)));
}
