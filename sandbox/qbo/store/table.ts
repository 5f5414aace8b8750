/**
 * One entity list of one realm: records in Id order (Ids only grow, so insertion order IS Id order)
 * plus equality indexes on the name fields, so uniqueness checks and `Name = '...'` queries do not
 * scan a 100k-row list.
 */
import type { EntityDef } from '../entities/catalog';

export type QboObject = Record<string, unknown>;

export interface StoredRecord {
  id: string;
  data: QboObject;
  createdMs: number;
  updatedMs: number;
  /** The sandbox appended " (deleted)" on deactivation, so reactivation may strip it. */
  suffixed?: boolean;
}

export interface Table {
  readonly def: EntityDef;
  size(): number;
  get(id: string): StoredRecord | undefined;
  /** Records in Id order. Do not mutate. */
  all(): readonly StoredRecord[];
  insert(record: StoredRecord): void;
  /** Swaps a record's data and refreshes the indexes. */
  replace(record: StoredRecord, data: QboObject): void;
  remove(id: string): StoredRecord | undefined;
  /** Records whose indexed `field` loosely equals `value` (trimmed, white space collapsed, lower-case). */
  lookup(field: string, value: string): StoredRecord[];
}

/** The loose key the indexes use; callers apply the exact comparison they need on the candidates. */
const looseKey = (value: string): string => value.trim().replace(/\s+/g, ' ').toLowerCase();

export const compareIds = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

export function createTable(def: EntityDef): Table {
  const byId = new Map<string, StoredRecord>();
  let order: StoredRecord[] = [];
  const indexes = new Map<string, Map<string, Set<StoredRecord>>>(def.indexed.map((f) => [f, new Map()]));

  const indexAdd = (rec: StoredRecord): void => {
    for (const [field, index] of indexes) {
      const value = rec.data[field];
      if (typeof value !== 'string') continue;
      const key = looseKey(value);
      let set = index.get(key);
      if (!set) index.set(key, (set = new Set()));
      set.add(rec);
    }
  };
  const indexRemove = (rec: StoredRecord): void => {
    for (const [field, index] of indexes) {
      const value = rec.data[field];
      if (typeof value !== 'string') continue;
      const key = looseKey(value);
      const set = index.get(key);
      set?.delete(rec);
      if (set?.size === 0) index.delete(key);
    }
  };

  return {
    def,
    size: () => byId.size,
    get: (id) => byId.get(id),
    all: () => order,
    insert(rec) {
      byId.set(rec.id, rec);
      const last = order[order.length - 1];
      if (!last || compareIds(last.id, rec.id) < 0) order.push(rec);
      else order = [...order, rec].sort((a, b) => compareIds(a.id, b.id));
      indexAdd(rec);
    },
    replace(rec, data) {
      indexRemove(rec);
      rec.data = data;
      indexAdd(rec);
    },
    remove(id) {
      const rec = byId.get(id);
      if (!rec) return undefined;
      indexRemove(rec);
      byId.delete(id);
      order = order.filter((r) => r !== rec);
      return rec;
    },
    lookup(field, value) {
      const set = indexes.get(field)?.get(looseKey(value));
      return set ? [...set].sort((a, b) => compareIds(a.id, b.id)) : [];
    },
  };
}
