/**
 * The vocabulary every issue is written in: the codes, the record an issue names, and how a type,
 * a record and a list of fields read in a sentence. Shared by issues.ts and issues-removal.ts.
 */
import { type EntityTypeId, ENTITY_TYPES } from '../entities';

export type IssueCode =
  | 'nearMatch'
  | 'ambiguous'
  | 'nameTaken'
  | 'namespaceCollision'
  | 'duplicateName'
  | 'csoNameTaken'
  | 'invalidName'
  | 'tooDeep'
  | 'blocked'
  | 'typeTurnedOff'
  | 'refDeleted'
  | 'absenceUnconfirmed'
  | 'goneFromQbo'
  | 'leftScope'
  | 'refInactive'
  | 'deletionHeld'
  | 'createsHeld'
  | 'defaultAccountLeaving'
  | 'activeChild'
  | 'csoNumberTaken'
  | 'csoNumberFormat'
  | 'noIncomeAccount'
  | 'conflict'
  | 'sharedConflict'
  | 'writeFailed'
  | 'systemRecord'
  | 'oneWay'
  | 'qboSetting'
  | 'accountTwin';

/** What the user can do about an issue from the table. */
export type Remedy = 'linkNearMatch' | 'keepCso' | 'keepQbo' | 'ignore';

export interface IssueRef {
  side: 'cso' | 'qbo';
  typeId: EntityTypeId;
  id: string;
  name: string;
}

export interface RowIssue {
  code: IssueCode;
  title: string;
  detail: string;
  remedies: Remedy[];
  /** The record on the other side (or the same side) the issue is about. */
  other?: IssueRef;
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'name',
  parentId: 'parent',
  number: 'number',
  accountType: 'account type',
  description: 'description',
  active: 'active',
  companyName: 'company name',
  email: 'email',
  phone: 'phone',
  creditAccountId: 'credit account',
  address: 'address',
  taxId: 'tax id',
};

export function what(typeId: EntityTypeId): string {
  return ENTITY_TYPES[typeId].label.toLowerCase();
}

/** `what` for several: “classes”, “price book vendors”, “locations (stations)”. */
export function whats(typeId: EntityTypeId): string {
  return what(typeId).replace(
    /(\w+)( \((\w+)\))?$/,
    (_m, word: string, _g: string, inner?: string) => `${pluralOf(word)}${inner ? ` (${pluralOf(inner)})` : ''}`,
  );
}

/** “1 class”, “5 classes”. */
export const countOf = (count: number, typeId: EntityTypeId): string =>
  `${count} ${count === 1 ? what(typeId) : whats(typeId)}`;

const pluralOf = (word: string) => (/(s|x|ch|sh)$/.test(word) ? `${word}es` : `${word}s`);

export function fieldList(fields: string[]): string {
  return fields.map((f) => FIELD_LABELS[f] ?? f).join(', ');
}

export const where = (ref: IssueRef) => (ref.side === 'qbo' ? 'QuickBooks' : 'CStoreOffice');
/** How a record is named in words: QuickBooks has vendors, not price book or accounting vendors. */
export const quote = (ref: IssueRef) =>
  `${ref.side === 'qbo' && ENTITY_TYPES[ref.typeId].qboEntity === 'Vendor' ? 'vendor' : what(ref.typeId)} “${ref.name}”`;
