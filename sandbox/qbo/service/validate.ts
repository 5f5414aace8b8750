/**
 * Field-level checks QBO applies to a write before any business rule: unknown properties, required
 * names, lengths (2050) and forbidden characters (2040). Also trims names, as QBO does on save.
 */
import { ENTITIES, SYSTEM_FIELDS, type EntityName } from '../entities/catalog';
import { faults, type QboError } from '../errors';
import type { QboObject } from '../store/table';

const NAME_PARTS = ['Title', 'GivenName', 'MiddleName', 'FamilyName', 'Suffix'] as const;
// Colons delimit the hierarchy; tab and newline are refused too (qbo-api.md §14.8). Accounts also refuse `"`.
const FORBIDDEN_NAME = /[:\t\n\r]/;
const FORBIDDEN_ACCOUNT_NAME = /[:\t\n\r"]/;

export function unknownField(type: EntityName, body: QboObject): QboError | undefined {
  const def = ENTITIES[type];
  const known = new Set([...SYSTEM_FIELDS, ...def.writable, ...def.readOnly]);
  const field = Object.keys(body).find((key) => !known.has(key));
  return field === undefined ? undefined : faults.unknownProperty(type, field);
}

/** Keeps only writable fields: read-only ones a client sends back are ignored, as QBO does. */
export function pickWritable(type: EntityName, body: QboObject): QboObject {
  const out: QboObject = {};
  for (const field of ENTITIES[type].writable) if (body[field] !== undefined) out[field] = body[field];
  return out;
}

/** Fills DisplayName from the name parts when it is absent, as QBO does for people. */
export function completeDisplayName(data: QboObject): void {
  const current = typeof data.DisplayName === 'string' ? data.DisplayName.trim() : '';
  if (current !== '') return;
  const built = NAME_PARTS.map((p) => data[p])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .map((v) => v.trim())
    .join(' ');
  if (built !== '') data.DisplayName = built;
}

export function checkFields(type: EntityName, data: QboObject): QboError | undefined {
  const def = ENTITIES[type];
  const nameField = def.nameField;
  if (typeof data[nameField] === 'string') data[nameField] = (data[nameField] as string).trim();
  const name = data[nameField];
  if (typeof name !== 'string' || name === '') return faults.required(nameField);
  const forbidden = type === 'Account' ? FORBIDDEN_ACCOUNT_NAME : FORBIDDEN_NAME;
  if (forbidden.test(name)) return faults.invalidString(nameField, name);
  if (type === 'Account' && typeof data.AcctNum === 'string' && data.AcctNum.includes(':'))
    return faults.invalidString('AcctNum', data.AcctNum);
  return lengthError(type, data);
}

/** 2050 for the first field longer than the entity allows. */
export function lengthError(type: EntityName, data: QboObject): QboError | undefined {
  for (const [field, max] of Object.entries(ENTITIES[type].limits)) {
    const value = data[field];
    if (typeof value === 'string' && value.length > max) return faults.length(field, max, value.length);
  }
  return undefined;
}
