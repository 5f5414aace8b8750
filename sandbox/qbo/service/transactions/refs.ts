/**
 * References from a transaction to the name lists. A missing record is 2500 Invalid Reference Id,
 * as for name lists; an inactive one is 610 Object Not Found ("Something you're trying to use has
 * been made inactive"), the answer QBO gave a JournalEntry in QuickBooks-V3-DotNET-SDK#353.
 */
import type { NameListEntity } from '../../entities/catalog';
import { faults, type QboError } from '../../errors';
import type { QboObject, StoredRecord } from '../../store/table';
import { refValue } from '../hierarchy';
import type { WriteContext } from '../writes';

// The element names QBO's 2500 Detail uses ("Klasses" is Intuit's spelling).
const ELEMENT: Record<NameListEntity, string> = {
  Account: 'Accounts',
  Class: 'Klasses',
  Department: 'Departments',
  Customer: 'Customers',
  Vendor: 'Vendors',
  Employee: 'Employees',
  Item: 'Items',
};

export type Resolved = { ok: true; record: StoredRecord; ref: QboObject } | { ok: false; error: QboError };

/** The display name QBO puts in a reference's `name`: the full path for lists, else the DisplayName. */
export const refName = (record: StoredRecord): unknown =>
  record.data.FullyQualifiedName ?? record.data.DisplayName ?? record.data.Name;

/** Resolves `ref` (a `{value, name?}` object) to an active record of `target`; `field` names it in errors. */
export function resolveRef(ctx: WriteContext, target: NameListEntity, ref: unknown, field: string): Resolved {
  const id = refValue(ref);
  if (id === undefined) return { ok: false, error: faults.required(`${field}.value`) };
  const record = ctx.hidden?.has(`${target}:${id}`) ? undefined : ctx.realm.tables[target].get(id);
  if (!record) return { ok: false, error: faults.invalidRef(ELEMENT[target], id) };
  if (record.data.Active === false) return { ok: false, error: faults.notFound() };
  return { ok: true, record, ref: { value: record.id, name: refName(record) } };
}

/** Resolves an optional reference in place on `holder[field]`; absent or null stays as it is. */
export function resolveOptional(
  ctx: WriteContext,
  holder: QboObject,
  field: string,
  target: NameListEntity,
): { error?: QboError; record?: StoredRecord } {
  if (holder[field] === undefined || holder[field] === null) return {};
  const resolved = resolveRef(ctx, target, holder[field], field);
  if (!resolved.ok) return { error: resolved.error };
  holder[field] = resolved.ref;
  return { record: resolved.record };
}
