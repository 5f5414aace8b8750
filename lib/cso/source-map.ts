/**
 * CStoreOffice records ⇄ the domain records of lib/entities. Most fields are the same on both
 * sides; the differences: account types (CStoreOffice has QBO's words except `Non-Posting`), vendors
 * (CStoreOffice keeps no company name), and fields only CStoreOffice has (categories, station code),
 * which are never read into the domain and never written by the sync.
 */
import { type AccountType, type EntityTypeId, fieldsWhere, tableOf } from '../entities';
import type { RecordValues, SideRecord } from '../sync';
import { type CSO_ACCOUNT_TYPES, type CsoRecord } from './schemas';

type CsoAccountType = (typeof CSO_ACCOUNT_TYPES)[number];

/** CStoreOffice's account type → the domain's (QBO's) name; one table, both directions. */
const ACCOUNT_TYPE_TO_DOMAIN: Readonly<Record<CsoAccountType, AccountType>> = {
  Bank: 'Bank',
  'Accounts Receivable': 'Accounts Receivable',
  'Other Current Asset': 'Other Current Asset',
  'Fixed Asset': 'Fixed Asset',
  'Other Asset': 'Other Asset',
  'Accounts Payable': 'Accounts Payable',
  'Credit Card': 'Credit Card',
  'Other Current Liability': 'Other Current Liability',
  'Long Term Liability': 'Long Term Liability',
  Equity: 'Equity',
  Income: 'Income',
  'Cost of Goods Sold': 'Cost of Goods Sold',
  Expense: 'Expense',
  'Other Income': 'Other Income',
  'Other Expense': 'Other Expense',
};

export function accountTypeToCso(type: string): CsoAccountType | undefined {
  return (Object.keys(ACCOUNT_TYPE_TO_DOMAIN) as CsoAccountType[]).find((k) => ACCOUNT_TYPE_TO_DOMAIN[k] === type);
}

/** The domain fields each type exchanges with CStoreOffice: those it holds (types/<type>.ts), name and active first. */
const HELD = fieldsWhere((c) => c.cso !== 'none');
const WRITABLE: Readonly<Record<EntityTypeId, readonly string[]>> = tableOf((m) => [
  'name',
  'active',
  ...HELD[m.id].filter((f) => f !== 'name' && f !== 'active'),
]);

/** Domain fields CStoreOffice does not hold (vendors' company name): null on its records. */
const ABSENT = fieldsWhere((c) => c.cso === 'none');

/**
 * `realmId`: the connection's realm, when links are read from CStoreOffice: the record's link
 * becomes `qboLink` (link-mirror in lib/sync), null when it names another realm (stale), and is left
 * out when the server does not hold links (before v1.3).
 */
export function sideRecordOf(type: EntityTypeId, raw: CsoRecord, realmId?: string): SideRecord {
  const r = raw as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { id: raw.id, revision: String(raw.version), updatedAt: raw.updatedAt };
  if (realmId !== undefined && raw.qbo !== undefined)
    out.qboLink = raw.qbo !== null && raw.qbo.realmId === realmId ? raw.qbo.id : null;
  for (const field of WRITABLE[type]) out[field] = r[field] ?? null;
  if (type === 'account') out.accountType = ACCOUNT_TYPE_TO_DOMAIN[r.accountType as CsoAccountType];
  // Not synchronized (QuickBooks has no station codes): posting numbers a station's entries by it.
  if (type === 'location') out.stationCode = r.stationCode ?? null;
  for (const field of ABSENT[type]) out[field] = null;
  return out as unknown as SideRecord;
}

/** An op's values as a CStoreOffice body, or the reason it cannot be written. */
export function csoBody(
  type: EntityTypeId,
  values: RecordValues,
): { body: Record<string, unknown> } | { refused: string } {
  const body: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    if (!WRITABLE[type].includes(field)) continue;
    if (field === 'accountType' && value !== null) {
      const cso = accountTypeToCso(String(value));
      if (!cso) return { refused: `CStoreOffice has no account type “${String(value)}”.` };
      body[field] = cso;
    } else body[field] = value;
  }
  return { body };
}
