// The store's rules that look across a company's records: uniqueness (409 duplicate_name /
// duplicate_value) and what blocks a delete (409 protected / in_use). Pure over the records given.
import { ENTITY_SPECS, type Segment } from './entity-specs';
import type { StoreError, StoredRecord } from './records';
import type { Values } from './validate';

export function duplicateOf(
  records: Iterable<StoredRecord>,
  segment: Segment,
  values: Values,
  selfId?: string,
): StoreError | undefined {
  const spec = ENTITY_SPECS[segment];
  for (const rec of records) {
    if (rec.deleted || rec.id === selfId) continue;
    if ('name' in values && rec.values.name === values.name) {
      return {
        status: 409,
        code: 'duplicate_name',
        message: `A ${spec.label} named "${String(values.name)}" already exists.`,
        existingId: rec.id,
      };
    }
    for (const [field, fs] of Object.entries(spec.fields)) {
      if (fs.kind === 'pattern' && fs.unique && values[field] != null && rec.values[field] === values[field]) {
        return {
          status: 409,
          code: 'duplicate_value',
          message: `Another ${spec.label} already uses ${field} ${String(values[field])}.`,
          existingId: rec.id,
          fields: { [field]: 'Already in use.' },
        };
      }
    }
  }
  return undefined;
}

export function deleteBlocker(
  rec: StoredRecord,
  recordsOf: (segment: Segment) => Iterable<StoredRecord>,
): StoreError | undefined {
  const spec = ENTITY_SPECS[rec.segment];
  if (spec.protectedNames?.includes(String(rec.values.name))) {
    return {
      status: 409,
      code: 'protected',
      message: `"${String(rec.values.name)}" is CStoreOffice's fallback ${spec.label} and cannot be deleted.`,
    };
  }
  const child = spec.hierarchical
    ? [...recordsOf(rec.segment)].find((r) => !r.deleted && r.values.parentId === rec.id)
    : undefined;
  if (child)
    return {
      status: 409,
      code: 'in_use',
      message: `"${String(rec.values.name)}" has sub-entries (e.g. "${String(child.values.name)}"); delete or move them first.`,
    };
  if (rec.segment === 'accounts') {
    const user = [...recordsOf('data-types')].find(
      (r) => !r.deleted && (r.values.debitAccountId === rec.id || r.values.creditAccountId === rec.id),
    );
    if (user)
      return {
        status: 409,
        code: 'in_use',
        message: `Data type "${String(user.values.name)}" posts to this account; change it first.`,
      };
  }
  return undefined;
}
