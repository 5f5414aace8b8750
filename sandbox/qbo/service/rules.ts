/**
 * Entity-specific business rules on a write: Account types and Classification, Item types and
 * required account refs, and references to other lists (missing → 2500, inactive → 2500).
 */
import {
  accountTypeOfSubType,
  ACCOUNT_TYPES,
  classificationOf,
  defaultSubType,
  isAccountType,
} from '../entities/account-types';
import type { NameListEntity } from '../entities/catalog';
import { faults, type QboError } from '../errors';
import type { Realm } from '../store/realm';
import type { QboObject } from '../store/table';
import { refValue } from './hierarchy';

const REF_TARGETS: Record<string, NameListEntity> = {
  IncomeAccountRef: 'Account',
  ExpenseAccountRef: 'Account',
  AssetAccountRef: 'Account',
  APAccountRef: 'Account',
  ARAccountRef: 'Account',
  PrefVendorRef: 'Vendor',
  ClassRef: 'Class',
};
const REF_ELEMENT: Record<string, string> = { Account: 'Accounts', Vendor: 'Vendors', Class: 'Klasses' };
const ITEM_TYPES = new Set(['Service', 'NonInventory', 'Inventory', 'Category']);

/** Checks every reference field present on `data`; `hidden` holds `Type:Id` keys a batch may not see yet. */
export function checkRefs(realm: Realm, data: QboObject, hidden: ReadonlySet<string>): QboError | undefined {
  for (const [field, target] of Object.entries(REF_TARGETS)) {
    if (data[field] === undefined || data[field] === null) continue;
    const id = refValue(data[field]);
    if (id === undefined) return faults.required(`${field}.value`);
    const rec = hidden.has(`${target}:${id}`) ? undefined : realm.tables[target].get(id);
    if (!rec) return faults.invalidRef(REF_ELEMENT[target] ?? target, id);
    if (rec.data.Active === false) return faults.inactiveRef();
  }
  return undefined;
}

export function applyAccountRules(data: QboObject): QboError | undefined {
  const type = data.AccountType;
  const subType = data.AccountSubType;
  if (type === undefined && subType === undefined) return faults.required('AccountType');
  if (type !== undefined && !isAccountType(type)) return faults.invalidEnum('AccountType', String(type));
  if (subType !== undefined && typeof subType !== 'string')
    return faults.invalidEnum('AccountSubType', String(subType));
  const typeOfSub = typeof subType === 'string' ? accountTypeOfSubType(subType) : undefined;
  if (type === undefined) {
    if (!typeOfSub) return faults.invalidEnum('AccountSubType', String(subType));
    data.AccountType = typeOfSub;
  } else if (subType === undefined) {
    data.AccountSubType = defaultSubType(String(type));
  } else if (typeOfSub && typeOfSub !== type && !ACCOUNT_TYPES[String(type)]?.subTypes.includes(String(subType))) {
    // A subtype QBO files under another type is refused; an unknown one is let through (the list here is partial).
    return faults.invalidEnum('AccountSubType', String(subType));
  }
  const classification = classificationOf(String(data.AccountType));
  if (classification) data.Classification = classification;
  else delete data.Classification;
  data.CurrencyRef ??= { value: 'USD', name: 'United States Dollar' };
  return undefined;
}

export function applyItemRules(data: QboObject): QboError | undefined {
  data.Type ??= 'NonInventory';
  const type = String(data.Type);
  if (type === 'Group')
    return faults.unsupported('Operation Create of a Group item is not supported through this API.');
  if (!ITEM_TYPES.has(type)) return faults.invalidEnum('Type', type);
  if (type === 'Service' && data.IncomeAccountRef === undefined) return faults.required('IncomeAccountRef');
  if (type === 'Inventory') {
    for (const field of ['IncomeAccountRef', 'ExpenseAccountRef', 'AssetAccountRef', 'InvStartDate', 'QtyOnHand']) {
      if (data[field] === undefined) return faults.required(field);
    }
    data.TrackQtyOnHand = true;
  }
  return undefined;
}
