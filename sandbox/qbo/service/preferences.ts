/**
 * The company's Preferences: one record, never created or deleted, updated under its SyncToken
 * (Intuit's Preferences reference). A sparse update changes only the fields it sends; a full update
 * replaces each preference group it sends and leaves the groups it omits alone.
 */
import { ENTITIES } from '../entities/catalog';
import { faults, type QboError } from '../errors';
import type { QboObject, StoredRecord } from '../store/table';
import { unknownField } from './validate';
import type { WriteContext, WriteResult } from './writes';

const isGroup = (value: unknown): value is QboObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Merges groups field by field: the seed's defaults and sparse updates both keep what they do not name. */
export function mergePreferences(current: QboObject, patch: Readonly<Record<string, unknown>>): QboObject {
  const out: QboObject = { ...current };
  for (const [group, fields] of Object.entries(patch)) {
    if (!isGroup(fields)) continue;
    out[group] = { ...(isGroup(current[group]) ? current[group] : {}), ...fields };
  }
  return out;
}

export function updatePreferences(ctx: WriteContext, body: QboObject): WriteResult {
  const fail = (error: QboError): WriteResult => ({ ok: false, error });
  const rec: StoredRecord = ctx.realm.preferences;
  if (ctx.switches.rejectUnknownFields) {
    const unknown = unknownField('Preferences', body);
    if (unknown) return fail(unknown);
  }
  if (body.SyncToken === undefined || body.SyncToken === null || body.SyncToken === '')
    return fail(faults.required('SyncToken'));
  if (String(body.SyncToken) !== rec.data.SyncToken) return fail(faults.stale('Preferences'));
  const groups: QboObject = {};
  for (const group of ENTITIES.Preferences.writable) {
    const value = body[group];
    if (value === undefined) continue;
    if (!isGroup(value)) return fail(faults.badRequest(`Error parsing object: ${group} must be an object`));
    groups[group] = value;
  }
  // A full update replaces the groups it sends. Intuit's docs say omitted writable fields become
  // NULL; whether that reaches groups the body leaves out is UNCONFIRMED, so those are kept.
  const next = body.sparse === true ? mergePreferences(rec.data, groups) : { ...rec.data, ...groups };
  rec.data = { ...next, SyncToken: String(Number(rec.data.SyncToken) + 1) };
  rec.updatedMs = ctx.now;
  return { ok: true, record: rec };
}
