/**
 * QBO entities ⇄ the domain records of lib/entities. Reading sees through what QBO does to records
 * (the " (deleted)" suffix on deactivated names, the masked TaxIdentifier); writing produces the
 * fields of a create or a sparse update. Ids in a record given to `toQbo` must already be QBO ids
 * (the engine resolves parents and credit accounts through its links).
 */
import {
  ACCOUNT_TYPES,
  defaultDetailType,
  type AccountRecord,
  type AccountType,
  type ClassRecord,
  type CustomerRecord,
  type DataTypeRecord,
  type EntityTypeId,
  type LocationRecord,
  type ModuleOf,
  type RecordByType,
  type VendorRecord,
} from '../entities';
import { addressFromQbo, addressToQbo } from './address';
import { QboResponseError } from './errors';
import type { QboAccount, QboClass, QboCustomer, QboDepartment, QboEntityMap, QboItem, QboVendor } from './schemas';
import { stripDeletedSuffix } from './writes';

/** The QBO entity that holds a domain type (its module's `qbo.entity`). */
export type QboOf<K extends EntityTypeId> = QboEntityMap[ModuleOf<K>['qbo']['entity']];

export interface ToQboOptions {
  /** 'update' writes blanks for cleared fields, since a sparse update leaves absent fields alone. */
  mode: 'create' | 'update';
  /** The income account for a data type without a linked credit account. */
  defaultIncomeAccountId?: string | null;
}

/** A deactivated record's name as it was before QBO renamed it. */
function visibleName(name: string, active: boolean | undefined): string {
  return active === false ? stripDeletedSuffix(name) : name;
}

const text = (value: string | undefined): string | null => (value === undefined || value.trim() === '' ? null : value);
const isAccountType = (v: string | undefined): v is AccountType =>
  (ACCOUNT_TYPES as readonly string[]).includes(v ?? '');

function accountFromQbo(a: QboAccount): AccountRecord {
  if (!isAccountType(a.AccountType))
    throw new QboResponseError(`Account ${a.Id} has an account type we do not know: ${String(a.AccountType)}`);
  return {
    id: a.Id,
    name: visibleName(a.Name, a.Active),
    active: a.Active !== false,
    parentId: a.ParentRef?.value ?? null,
    number: text(a.AcctNum),
    accountType: a.AccountType,
    detailType: text(a.AccountSubType),
    description: text(a.Description),
  };
}

const hierarchyFromQbo = (r: QboClass | QboDepartment): ClassRecord => ({
  id: r.Id,
  name: visibleName(r.Name, r.Active),
  active: r.Active !== false,
  parentId: r.ParentRef?.value ?? null,
});

const contactFromQbo = (c: QboCustomer | QboVendor): CustomerRecord => ({
  id: c.Id,
  name: visibleName(c.DisplayName, c.Active),
  active: c.Active !== false,
  companyName: text(c.CompanyName),
  email: text(c.PrimaryEmailAddr?.Address),
  phone: text(c.PrimaryPhone?.FreeFormNumber),
});

const FROM_QBO: { [K in EntityTypeId]: (raw: QboOf<K>) => RecordByType[K] } = {
  account: accountFromQbo,
  class: hierarchyFromQbo,
  location: (d: QboDepartment): LocationRecord => ({ ...hierarchyFromQbo(d), address: addressFromQbo(d.Address) }),
  customer: contactFromQbo,
  // QBO masks TaxIdentifier on read ("XXX-XX-1234"): never let the mask travel or be compared.
  priceBookVendor: (v: QboVendor): VendorRecord => ({ ...contactFromQbo(v), taxId: null }),
  accountingVendor: (v: QboVendor): VendorRecord => ({ ...contactFromQbo(v), taxId: null }),
  dataType: (i: QboItem): DataTypeRecord => ({
    id: i.Id,
    name: visibleName(i.Name, i.Active),
    active: i.Active !== false,
    creditAccountId: i.IncomeAccountRef?.value ?? null,
    debitAccountId: i.ExpenseAccountRef?.value ?? null,
  }),
};

export function fromQbo<K extends EntityTypeId>(type: K, raw: QboOf<K>): RecordByType[K] {
  return FROM_QBO[type](raw);
}

type Fields = Record<string, unknown>;

/** Sets a field; a null clears it on update (blank) and is left out on create. */
function put(out: Fields, key: string, value: unknown, mode: ToQboOptions['mode']): void {
  if (value !== null && value !== undefined) out[key] = value;
  else if (mode === 'update') out[key] = '';
}

function parentFields(parentId: string | null, subFlag: string, mode: ToQboOptions['mode']): Fields {
  if (parentId) return { ParentRef: { value: parentId }, [subFlag]: true };
  return mode === 'update' ? { [subFlag]: false } : {};
}

function contactToQbo(r: CustomerRecord, mode: ToQboOptions['mode']): Fields {
  const out: Fields = { DisplayName: r.name, Active: r.active };
  put(out, 'CompanyName', r.companyName, mode);
  if (r.email !== null || mode === 'update') out.PrimaryEmailAddr = { Address: r.email ?? '' };
  if (r.phone !== null || mode === 'update') out.PrimaryPhone = { FreeFormNumber: r.phone ?? '' };
  return out;
}

const TO_QBO: { [K in EntityTypeId]: (r: RecordByType[K], o: ToQboOptions) => Fields } = {
  account: (r, o) => {
    const out: Fields = {
      Name: r.name,
      AccountType: r.accountType,
      // QBO always holds a detail type: none from CStoreOffice means its type's default, never a blank.
      AccountSubType: r.detailType ?? defaultDetailType(r.accountType),
      Active: r.active,
      ...parentFields(r.parentId, 'SubAccount', o.mode),
    };
    put(out, 'AcctNum', r.number, o.mode);
    put(out, 'Description', r.description, o.mode);
    return out;
  },
  class: (r, o) => ({ Name: r.name, Active: r.active, ...parentFields(r.parentId, 'SubClass', o.mode) }),
  location: (r, o) => {
    const out: Fields = { Name: r.name, Active: r.active, ...parentFields(r.parentId, 'SubDepartment', o.mode) };
    if (r.address !== null || o.mode === 'update') out.Address = addressToQbo(r.address);
    return out;
  },
  customer: (r, o) => contactToQbo(r, o.mode),
  // The tax id is written when we have one, never cleared: QBO only ever shows us a mask of it.
  priceBookVendor: (r, o) => ({ ...contactToQbo(r, o.mode), ...(r.taxId ? { TaxIdentifier: r.taxId } : {}) }),
  accountingVendor: (r, o) => ({ ...contactToQbo(r, o.mode), ...(r.taxId ? { TaxIdentifier: r.taxId } : {}) }),
  dataType: (r, o) => {
    const income = r.creditAccountId ?? o.defaultIncomeAccountId ?? null;
    return {
      Name: r.name,
      Type: 'Service',
      Active: r.active,
      ...(income ? { IncomeAccountRef: { value: income } } : {}),
      // QBO clears a reference only in a full update: a debit account removed in CStoreOffice stays.
      ...(r.debitAccountId ? { ExpenseAccountRef: { value: r.debitAccountId } } : {}),
    };
  },
};

export function toQbo<K extends EntityTypeId>(type: K, record: RecordByType[K], options: ToQboOptions): Fields {
  return TO_QBO[type](record, options);
}
