// A record's QuickBooks link (contract v1.3, `qbo: {realmId, id} | null`): how a write body's `qbo`
// is read and checked. It is kept with the record so every browser sees the same links; the rules
// here are what keep two browsers from linking one QuickBooks record twice or to the wrong company.
import { ENTITY_SPECS, type Segment } from './entity-specs';
import type { StoredRecord, StoreError } from './records';
import { validateInput, type RefLookup, type Validation, type Values } from './validate';

export interface QboLink {
  realmId: string;
  id: string;
}

const LINK_PART_MAX = 64;

function readLink(value: unknown): { link: QboLink | null } | { error: string } {
  if (value === null) return { link: null };
  if (typeof value !== 'object' || Array.isArray(value)) return { error: 'Must be {"realmId", "id"} or null.' };
  const { realmId, id, ...extra } = value as Record<string, unknown>;
  if (Object.keys(extra).length > 0) return { error: `Unknown link field ${Object.keys(extra)[0]}.` };
  for (const [name, part] of [
    ['realmId', realmId],
    ['id', id],
  ] as const) {
    if (typeof part !== 'string' || part.trim() === '' || part.length > LINK_PART_MAX)
      return { error: `${name} must be a non-empty string of at most ${LINK_PART_MAX} characters.` };
  }
  // Stored in one key order, so a client comparing what it sent with what it reads back can.
  return { link: { realmId: realmId as string, id: id as string } };
}

/**
 * validateInput plus the `qbo` field. A server that does not serve links (`served` false: a v1.2
 * server) leaves `qbo` to validateInput, which refuses it as an unknown field.
 */
export function validateWithLink(
  segment: Segment,
  input: unknown,
  refs: RefLookup,
  served: boolean,
  current?: Values & { id: string },
): Validation {
  if (!served || typeof input !== 'object' || input === null || !('qbo' in input))
    return validateInput(segment, input, refs, current);
  const { qbo, ...rest } = input as Values;
  const checked = validateInput(segment, rest, refs, current);
  const link = readLink(qbo);
  if ('error' in link) return { ok: false, fields: { ...(checked.ok ? {} : checked.fields), qbo: link.error } };
  return checked.ok ? { ok: true, values: { ...checked.values, qbo: link.link } } : checked;
}

/** 409 when a link names another realm than the company's, or a QBO record another live record holds. */
export function linkConflict(
  records: Iterable<StoredRecord>,
  segment: Segment,
  values: Values,
  companyRealm: string | null,
  selfId?: string,
): StoreError | undefined {
  const link = values.qbo as QboLink | null | undefined;
  if (!link) return undefined;
  if (link.realmId !== companyRealm)
    return {
      status: 409,
      code: 'realm_mismatch',
      message:
        companyRealm === null
          ? 'This company is not bound to a QuickBooks company yet; record its realm in the sync state first.'
          : `This company is bound to QuickBooks company ${companyRealm}, not ${link.realmId}.`,
    };
  for (const rec of records) {
    if (rec.deleted || rec.id === selfId) continue;
    const other = rec.values.qbo as QboLink | null | undefined;
    if (other && other.realmId === link.realmId && other.id === link.id)
      return {
        status: 409,
        code: 'duplicate_link',
        message: `Another ${ENTITY_SPECS[segment].label} ("${String(rec.values.name)}") is already linked to QuickBooks record ${link.id}.`,
        existingId: rec.id,
      };
  }
  return undefined;
}
