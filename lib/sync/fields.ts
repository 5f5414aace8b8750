/**
 * Which fields change detection compares on each side, how they are hashed, and which of them
 * name another record (and so must be translated through links when they cross sides).
 */
import {
  ENTITY_MODULES,
  type EntityTypeId,
  fieldsWhere,
  type FieldSides,
  type Side,
  tableOf,
  typesStoredAs,
} from '../entities';
import type { AnyRecord, FieldValue, RecordValues } from './types';

/** Fields holding the id of another record, and that record's type (types/<type>.ts, `refs`). */
export const REF_FIELDS: Readonly<Partial<Record<EntityTypeId, Readonly<Record<string, EntityTypeId>>>>> =
  Object.fromEntries(ENTITY_MODULES.filter((m) => Object.keys(m.refs).length > 0).map((m) => [m.id, m.refs]));

const VENDOR_TYPES: ReadonlySet<EntityTypeId> = new Set(typesStoredAs('Vendor'));

/**
 * Which fields each side carries, per type (types/<type>.ts, `fields`). Only fields both sides read
 * and write are compared; a field one side only accepts is sent when the other side changes it and
 * never compared; a field one side lacks does not travel at all (comparing it would show a
 * difference no write can remove).
 */
export const FIELD_CAPABILITIES: Readonly<Record<EntityTypeId, Readonly<Record<string, FieldSides>>>> = tableOf(
  (m) => m.fields,
);

const SHARED = fieldsWhere((c) => c.cso === 'rw' && c.qbo === 'rw');

/** Written to QBO but never compared there: QBO masks TaxIdentifier on read. */
export const WRITE_ONLY_QBO_FIELDS: Readonly<Partial<Record<EntityTypeId, readonly string[]>>> = fieldsWhere(
  (c) => c.cso === 'rw' && c.qbo === 'write',
);

const COMPARED: Readonly<Record<Side, Readonly<Record<EntityTypeId, readonly string[]>>>> = {
  cso: fieldsWhere((c) => c.cso === 'rw' && c.qbo !== 'none'),
  qbo: SHARED,
};

/** The fields both sides read and write: compared and exchanged both ways. */
export function sharedFields(typeId: EntityTypeId): readonly string[] {
  return SHARED[typeId];
}

/** The fields one side's snapshot holds: the shared ones, plus the tax id on the CSO side of vendors. */
export function comparedFields(typeId: EntityTypeId, side: Side): readonly string[] {
  return COMPARED[side][typeId];
}

/** True when some field of `typeId` names another record (its values need translating across sides). */
export function hasRefFields(typeId: EntityTypeId): boolean {
  return REF_FIELDS[typeId] !== undefined;
}

export function refType(typeId: EntityTypeId, field: string): EntityTypeId | undefined {
  return REF_FIELDS[typeId]?.[field];
}

export function isVendorType(typeId: EntityTypeId): boolean {
  return VENDOR_TYPES.has(typeId);
}

export function pickValues(typeId: EntityTypeId, side: Side, record: AnyRecord): RecordValues {
  const fields = comparedFields(typeId, side);
  const values = { ...blankOf(fields) };
  for (const field of fields) values[field] = normalizeValue(record[field]);
  return values;
}

/**
 * `fields` set to null, in order. Made by JSON.parse, an object holds its fields in itself; a copy
 * of it (spread) keeps that layout, so picked values are one small allocation instead of an object
 * plus a property array grown field by field (planning picks 100k+ of them, and keeps most).
 */
const blanks = new Map<readonly string[], RecordValues>();

function blankOf(fields: readonly string[]): RecordValues {
  let blank = blanks.get(fields);
  if (!blank)
    blanks.set(
      fields,
      (blank = JSON.parse(JSON.stringify(Object.fromEntries(fields.map((f) => [f, null])))) as RecordValues),
    );
  return blank;
}

/** `hashValues` of values `pickValues` made (or a copy with the same fields): their sorted fields are known. */
export function hashPicked(typeId: EntityTypeId, side: Side, values: RecordValues): string {
  const fields = comparedFields(typeId, side);
  let keys = sortedFields.get(fields);
  if (!keys) sortedFields.set(fields, (keys = sortedKeys(Object.fromEntries(fields.map((f) => [f, null])))));
  return hashSorted(values, keys);
}

const sortedFields = new Map<readonly string[], string[]>();

function normalizeValue(value: FieldValue | undefined): FieldValue {
  return value === undefined || value === '' ? null : value;
}

/** FNV-1a over a stable rendering: cheap, and enough to tell "changed" from "unchanged". */
export function hashValues(values: RecordValues): string {
  // Hashes the text JSON.stringify gives for the sorted [field, value] pairs, piece by piece
  // (same hash as before, without building the array, the whole text or most of its pieces).
  return hashSorted(values, sortedKeys(values));
}

function hashSorted(values: RecordValues, keys: readonly string[]): string {
  let hash = step(0x811c9dc5, BRACKET_OPEN);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (k > 0) hash = step(hash, COMMA);
    hash = step(hash, BRACKET_OPEN);
    hash = feedString(hash, key);
    hash = step(hash, COMMA);
    hash = feedValue(hash, values[key]);
    hash = step(hash, BRACKET_CLOSE);
  }
  hash = step(hash, BRACKET_CLOSE);
  // The 8 hex digits made as one string (joining pieces made a string per piece).
  const d = DIGITS;
  return String.fromCharCode(
    d[(hash >>> 28) & 15]!,
    d[(hash >>> 24) & 15]!,
    d[(hash >>> 20) & 15]!,
    d[(hash >>> 16) & 15]!,
    d[(hash >>> 12) & 15]!,
    d[(hash >>> 8) & 15]!,
    d[(hash >>> 4) & 15]!,
    d[hash & 15]!,
  );
}

/** Character codes of the hex digits. */
const DIGITS: readonly number[] = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

const BRACKET_OPEN = 0x5b;
const BRACKET_CLOSE = 0x5d;
const COMMA = 0x2c;
const QUOTE = 0x22;

/** `Object.keys(values).sort()`, by insertion (a handful of keys: no comparator calls). */
function sortedKeys(values: RecordValues): string[] {
  const keys = Object.keys(values);
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

function feedValue(hash: number, value: FieldValue | undefined): number {
  if (value === undefined || value === null) return feed(hash, 'null');
  if (typeof value === 'boolean') return feed(hash, value ? 'true' : 'false');
  if (typeof value === 'string') return feedString(hash, value);
  return feed(hash, JSON.stringify(value));
}

/** The JSON text of a string: quotes around it as is (read once), unless JSON.stringify would escape something. */
function feedString(hash: number, text: string): number {
  let h = step(hash, QUOTE);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === QUOTE || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return feed(hash, JSON.stringify(text));
    h = Math.imul(h ^ c, 0x01000193);
  }
  return step(h, QUOTE);
}

function step(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

function feed(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}
