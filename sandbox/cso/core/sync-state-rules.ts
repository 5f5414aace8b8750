// What a company's QuickBooks sync state may hold (contract v1.3, "Sync state"): the 422 rules for
// a PUT or PATCH body. Pure; sync-state.ts applies what passes.
import type { FieldErrors } from './validate';

/** The extension's type ids, as the contract's entity table names them. */
const TYPE_IDS = ['account', 'class', 'customer', 'priceBookVendor', 'accountingVendor', 'dataType', 'location'];
const ID_MAX = 64;
const HASH_MAX = 128;
/** A real back office stores these as rows; a bound keeps one company's state a small document. */
const LIST_MAX = 5000;

export interface Ignore {
  type: string;
  side: 'cso' | 'qbo';
  id: string;
  csoHash: string | null;
  qboHash: string | null;
  at: string;
}
export interface ManualLink {
  type: string;
  id: string;
  qboId: string;
  at: string;
}
export interface Resolution {
  type: string;
  id: string;
  keep: 'cso' | 'qbo' | 'merge';
  at: string;
}
export interface SyncStateLists {
  ignores: Ignore[];
  manualLinks: ManualLink[];
  resolutions: Resolution[];
}
export type SyncStatePatch = Partial<SyncStateLists> & { realmId?: string | null };

type Check = (value: unknown) => string | undefined;
const isId = (value: unknown) => typeof value === 'string' && value.trim() !== '' && value.length <= ID_MAX;
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? undefined : `must be one of ${values.join(', ')}`;
const id: Check = (v) => (isId(v) ? undefined : `must be a non-empty string of at most ${ID_MAX} characters`);
const hash: Check = (v) =>
  v === null || (typeof v === 'string' && v.length <= HASH_MAX)
    ? undefined
    : `must be null or a string of at most ${HASH_MAX} characters`;
const at: Check = (v) =>
  typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? undefined : 'must be an ISO 8601 date-time';
const type = oneOf(...TYPE_IDS);

const ENTRY_RULES: Record<keyof SyncStateLists, { fields: Record<string, Check>; key: string[] }> = {
  ignores: {
    fields: { type, side: oneOf('cso', 'qbo'), id, csoHash: hash, qboHash: hash, at },
    key: ['type', 'side', 'id'],
  },
  manualLinks: { fields: { type, id, qboId: id, at }, key: ['type', 'id'] },
  resolutions: { fields: { type, id, keep: oneOf('cso', 'qbo', 'merge'), at }, key: ['type', 'id'] },
};

function checkList(name: keyof SyncStateLists, value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'Must be an array.';
  if (value.length > LIST_MAX) return `At most ${LIST_MAX} entries.`;
  const rules = ENTRY_RULES[name];
  const seen = new Set<string>();
  for (const [i, entry] of value.entries()) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return `Entry ${i} must be an object.`;
    const e = entry as Record<string, unknown>;
    const unknown = Object.keys(e).find((k) => !(k in rules.fields));
    if (unknown) return `Entry ${i}: unknown field ${unknown}.`;
    for (const [field, check] of Object.entries(rules.fields)) {
      const problem = check(e[field]);
      if (problem) return `Entry ${i}: ${field} ${problem}.`;
    }
    // One decision per row: two entries for one row would leave which one counts to chance.
    const key = JSON.stringify(rules.key.map((k) => e[k]));
    if (seen.has(key)) return `Entry ${i} repeats ${rules.key.map((k) => `${k} ${String(e[k])}`).join(', ')}.`;
    seen.add(key);
  }
  return undefined;
}

/** A PATCH body (only the keys sent change) or a PUT body (`whole`: every key but resolutions required). */
export function checkSyncStateBody(
  body: unknown,
  whole: boolean,
): { ok: true; patch: SyncStatePatch } | { ok: false; fields: FieldErrors } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, fields: { _: 'The body must be a JSON object.' } };
  const b = body as Record<string, unknown>;
  const fields: FieldErrors = {};
  const patch: SyncStatePatch = {};
  for (const key of Object.keys(b))
    if (!['realmId', 'ignores', 'manualLinks', 'resolutions', 'version', 'updatedAt'].includes(key))
      fields[key] = 'Unknown field for the sync state.';
  if ('realmId' in b) {
    if (b.realmId === null || isId(b.realmId)) patch.realmId = b.realmId as string | null;
    else fields.realmId = `Must be null or a non-empty string of at most ${ID_MAX} characters.`;
  } else if (whole) fields.realmId = 'Required (null when unbound).';
  for (const name of ['ignores', 'manualLinks', 'resolutions'] as const) {
    if (!(name in b)) {
      if (whole && name !== 'resolutions') fields[name] = 'Required.';
      else if (whole) patch.resolutions = [];
      continue;
    }
    const problem = checkList(name, b[name]);
    if (problem) fields[name] = problem;
    else (patch as Record<string, unknown>)[name] = b[name];
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, patch };
}
