/**
 * Which fields change detection compares on each side, how they are hashed, and which of them
 * name another record (and so must be translated through links when they cross sides).
 */
import { type EntityTypeId, type Side, SYNCED_FIELDS } from '../entities';
import type { AnyRecord, FieldValue, RecordValues } from './types';

/** Fields holding the id of another record, and that record's type. */
export const REF_FIELDS: Readonly<Partial<Record<EntityTypeId, Readonly<Record<string, EntityTypeId>>>>> = {
  account: { parentId: 'account' },
  class: { parentId: 'class' },
  location: { parentId: 'location' },
  dataType: { creditAccountId: 'account' },
};

const VENDOR_TYPES: ReadonlySet<EntityTypeId> = new Set(['priceBookVendor', 'accountingVendor']);

/** Written to QBO but never compared there: QBO masks TaxIdentifier on read. */
export const WRITE_ONLY_QBO_FIELDS: Readonly<Partial<Record<EntityTypeId, readonly string[]>>> = {
  priceBookVendor: ['taxId'],
  accountingVendor: ['taxId'],
};

/** The fields both sides compare and exchange. */
export function sharedFields(typeId: EntityTypeId): readonly string[] {
  return SYNCED_FIELDS[typeId] as readonly string[];
}

/** The fields one side's snapshot holds: the shared ones, plus the tax id on the CSO side of vendors. */
export function comparedFields(typeId: EntityTypeId, side: Side): readonly string[] {
  const extra = side === 'cso' ? (WRITE_ONLY_QBO_FIELDS[typeId] ?? []) : [];
  return extra.length ? [...sharedFields(typeId), ...extra] : sharedFields(typeId);
}

export function refType(typeId: EntityTypeId, field: string): EntityTypeId | undefined {
  return REF_FIELDS[typeId]?.[field];
}

export function isVendorType(typeId: EntityTypeId): boolean {
  return VENDOR_TYPES.has(typeId);
}

export function pickValues(typeId: EntityTypeId, side: Side, record: AnyRecord): RecordValues {
  const values: RecordValues = {};
  for (const field of comparedFields(typeId, side)) values[field] = normalizeValue(record[field]);
  return values;
}

function normalizeValue(value: FieldValue | undefined): FieldValue {
  return value === undefined || value === '' ? null : value;
}

/** FNV-1a over a stable rendering: cheap, and enough to tell "changed" from "unchanged". */
export function hashValues(values: RecordValues): string {
  // Hashes the text JSON.stringify gives for the sorted [field, value] pairs, piece by piece
  // (same hash as before, without building the array or the whole text).
  const keys = Object.keys(values).sort();
  let hash = feed(0x811c9dc5, '[');
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const value = values[key];
    hash = feed(hash, k === 0 ? '[' : ',[');
    hash = feed(hash, JSON.stringify(key));
    hash = feed(hash, ',');
    hash = feed(hash, value === undefined ? 'null' : value === null ? 'null' : typeof value === 'boolean' ? (value ? 'true' : 'false') : JSON.stringify(value));
    hash = feed(hash, ']');
  }
  hash = feed(hash, ']');
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function feed(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

/** QBO renames a deactivated Account to `Name (deleted)`; the engine compares the name without it. */
export const DELETED_SUFFIX = ' (deleted)';

export function seeThroughDeleted(entity: string, record: AnyRecord): AnyRecord {
  if (entity !== 'Account' || record.active || !record.name.endsWith(DELETED_SUFFIX)) return record;
  return { ...record, name: record.name.slice(0, -DELETED_SUFFIX.length) };
}
