/**
 * Create, update and delete for the name lists, with QBO's semantics: optimistic concurrency on
 * SyncToken, full vs sparse updates, soft delete through Active, " (deleted)" renames, uniqueness.
 */
import { DISPLAY_NAMESPACE, ENTITIES, type NameListEntity, type TableEntity } from '../entities/catalog';
import { faults, type QboError } from '../errors';
import type { QboSwitches } from '../options';
import type { Realm } from '../store/realm';
import type { QboObject, StoredRecord } from '../store/table';
import { checkParent, childrenOf, placeUnder, rebuildDescendants, refValue } from './hierarchy';
import { findDuplicate } from './names';
import { applyPreferenceGates } from './pref-gates';
import { applyAccountRules, applyItemRules, checkRefs } from './rules';
import { checkFields, completeDisplayName, pickWritable, unknownField } from './validate';

export interface WriteContext {
  realm: Realm;
  switches: QboSwitches;
  now: number;
  /** `Type:Id` of records created earlier in the same batch: batch items cannot see each other. */
  hidden?: Set<string>;
  /** Seeds may set read-only fields such as Balance. */
  trusted?: boolean;
  /** `include=allowduplicatedocnum` was on the request: transaction numbers may repeat. */
  allowDuplicateDocNum?: boolean;
}

export type WriteResult = { ok: true; record: StoredRecord } | { ok: false; error: QboError };

const SUFFIX = ' (deleted)';
const fail = (error: QboError): WriteResult => ({ ok: false, error });
const isPerson = (type: NameListEntity): boolean => (DISPLAY_NAMESPACE as readonly string[]).includes(type);

function suffixApplies(type: NameListEntity, switches: QboSwitches): boolean {
  return type === 'Account' ? switches.deletedSuffixAccounts : isPerson(type) && switches.deletedSuffixNames;
}

/** Shared by create and update: validates `data` in place and returns the parent to place it under. */
function prepare(
  ctx: WriteContext,
  type: NameListEntity,
  data: QboObject,
  selfId?: string,
): { error?: QboError; parent?: StoredRecord } {
  const def = ENTITIES[type];
  const table = ctx.realm.tables[type];
  if (isPerson(type)) completeDisplayName(data);
  const fieldError = checkFields(type, data);
  if (fieldError) return { error: fieldError };
  const gateError = ctx.trusted ? undefined : applyPreferenceGates(ctx.realm, ctx.switches, type, data, selfId);
  if (gateError) return { error: gateError };
  const ruleError = type === 'Account' ? applyAccountRules(data) : type === 'Item' ? applyItemRules(data) : undefined;
  if (ruleError) return { error: ruleError };
  const refError = checkRefs(ctx.realm, data, ctx.hidden ?? new Set());
  if (refError) return { error: refError };
  if (!def.subFlag) return {};
  const parentId = data.ParentRef === undefined || data.ParentRef === null ? undefined : refValue(data.ParentRef);
  if (data.ParentRef != null && parentId === undefined) return { error: faults.required('ParentRef.value') };
  return parentId === undefined ? {} : checkParent(table, parentId, selfId, ctx.hidden ?? new Set());
}

export function createEntity(ctx: WriteContext, type: NameListEntity, body: QboObject): WriteResult {
  if (ctx.switches.rejectUnknownFields && !ctx.trusted) {
    const unknown = unknownField(type, body);
    if (unknown) return fail(unknown);
  }
  const def = ENTITIES[type];
  const table = ctx.realm.tables[type];
  const data = pickWritable(type, body);
  if (ctx.trusted) for (const f of def.readOnly) if (body[f] !== undefined) data[f] = body[f];
  const { error, parent } = prepare(ctx, type, data);
  if (error) return fail(error);
  data.Active = data.Active !== false;
  placeUnder(table, data, parent, type === 'Customer' && typeof data.Job === 'boolean');
  const duplicate = findDuplicate(ctx.realm, type, data, undefined, ctx.switches);
  if (duplicate) return fail(faults.duplicate(duplicate.id));
  if (type === 'Customer' || type === 'Vendor') data.Balance ??= 0;
  if (type === 'Customer') data.BalanceWithJobs ??= data.Balance;
  if (type === 'Account') {
    data.CurrentBalance ??= 0;
    data.CurrentBalanceWithSubAccounts ??= data.CurrentBalance;
  }
  const id = ctx.realm.nextId(type);
  const record: StoredRecord = {
    id,
    data: { ...data, Id: id, SyncToken: '0', domain: 'QBO', sparse: false },
    createdMs: ctx.now,
    updatedMs: ctx.now,
  };
  table.insert(record);
  return { ok: true, record };
}

/** Locates the record an update or delete addresses and checks its SyncToken. */
export function locate(
  ctx: WriteContext,
  type: TableEntity,
  body: QboObject,
): { record?: StoredRecord; error?: QboError } {
  const id = body.Id;
  if (typeof id !== 'string' && typeof id !== 'number') return { error: faults.required('Id') };
  if (!/^\d+$/.test(String(id))) return { error: faults.invalidId(String(id)) };
  const record = ctx.hidden?.has(`${type}:${id}`) ? undefined : ctx.realm.tables[type].get(String(id));
  if (!record) return { error: faults.notFound() };
  const token = body.SyncToken;
  if (token === undefined || token === null || token === '') return { error: faults.required('SyncToken') };
  if (String(token) !== record.data.SyncToken) return { error: faults.stale(type) };
  return { record };
}

export function updateEntity(ctx: WriteContext, type: NameListEntity, body: QboObject): WriteResult {
  if (ctx.switches.rejectUnknownFields) {
    const unknown = unknownField(type, body);
    if (unknown) return fail(unknown);
  }
  const def = ENTITIES[type];
  const table = ctx.realm.tables[type];
  const found = locate(ctx, type, body);
  if (!found.record) return fail(found.error ?? faults.notFound());
  const existing = found.record;
  const sparse = body.sparse === true;
  if (sparse && def.sparseNeedsName && body.Name === undefined) return fail(faults.required('Name'));
  const kept: QboObject = {};
  for (const f of def.readOnly) if (existing.data[f] !== undefined) kept[f] = existing.data[f];
  // Full update: writable fields the body omits are cleared (qbo-api.md §3).
  const data: QboObject = {
    ...kept,
    ...(sparse ? pickWritable(type, existing.data) : {}),
    ...pickWritable(type, body),
  };
  if (isPerson(type) && sparse && body.DisplayName === '') return fail(faults.required('DisplayName'));
  const { error, parent } = prepare(ctx, type, data, existing.id);
  if (error) return fail(error);

  const wasActive = existing.data.Active !== false;
  const active = data.Active !== false;
  data.Active = active;
  if (wasActive && !active) {
    if (type === 'Item' && data.Type === 'Category') {
      return fail(
        faults.business(
          'The Category Item type does not support soft delete with Active=false; use Operation=Delete to Hard Delete a Category',
        ),
      );
    }
    if (type === 'Customer' && Number(existing.data.Balance ?? 0) !== 0) return fail(faults.hasBalance());
  }
  const nameField = def.nameField;
  let suffixed = false;
  const name = String(data[nameField]);
  if (!active && suffixApplies(type, ctx.switches)) {
    if (!name.endsWith(SUFFIX)) data[nameField] = `${name}${SUFFIX}`;
    suffixed = true;
  } else if (active && existing.suffixed && name.endsWith(SUFFIX)) {
    data[nameField] = name.slice(0, -SUFFIX.length);
  }
  placeUnder(table, data, parent, type === 'Customer' && typeof data.Job === 'boolean');
  if (!suffixed) {
    let duplicate = findDuplicate(ctx.realm, type, data, existing.id, ctx.switches);
    if (duplicate && active && existing.suffixed) {
      // Reactivating under a name someone took meanwhile: QBO adds "-1" (SellerZen, §14.3).
      const base = String(data[nameField]);
      for (let n = 1; duplicate; n += 1) {
        data[nameField] = `${base}-${n}`;
        placeUnder(table, data, parent, true);
        duplicate = findDuplicate(ctx.realm, type, data, existing.id, ctx.switches);
      }
    }
    if (duplicate) return fail(faults.duplicate(duplicate.id));
  }
  const renamed = data.FullyQualifiedName !== existing.data.FullyQualifiedName;
  table.replace(existing, {
    ...data,
    Id: existing.id,
    SyncToken: String(Number(existing.data.SyncToken) + 1),
    domain: 'QBO',
    sparse: false,
  });
  existing.updatedMs = ctx.now;
  existing.suffixed = suffixed;
  if (renamed) rebuildDescendants(table, existing);
  return { ok: true, record: existing };
}

/** `?operation=delete`: only Category items may be hard-deleted; their children move up a level. */
export function deleteEntity(ctx: WriteContext, type: NameListEntity, body: QboObject): WriteResult {
  const found = locate(ctx, type, body);
  if (!found.record) return fail(found.error ?? faults.notFound());
  const record = found.record;
  if (type !== 'Item' || record.data.Type !== 'Category') {
    return fail(
      faults.unsupported(`Operation Delete is not supported for ${type}. Set Active to false to make it inactive.`),
    );
  }
  const table = ctx.realm.tables.Item;
  const parent = table.get(refValue(record.data.ParentRef) ?? '');
  for (const child of childrenOf(table, record.id)) {
    const data = { ...child.data };
    placeUnder(table, data, parent, false);
    table.replace(child, data);
    rebuildDescendants(table, child);
  }
  table.remove(record.id);
  ctx.realm.tombstones.push({ type, id: record.id, deletedMs: ctx.now });
  return { ok: true, record };
}
