/**
 * The table's rows while planning: one per CStoreOffice record (in dependency order), then one per
 * QBO record shown on its own, in the order they are made. Later steps carry their row or find it
 * by record, so the index by key (a key string hashed per row: most of this step's time at 100k
 * rows) is made only when something asks by key: stored issues, ignores, the words of a blocked op.
 */
import { type EntityTypeId, ENTITY_TYPES, typesInDependencyOrder } from '../../../lib/entities';
import { hashValues, pickValues } from '../../../lib/sync/fields';
import { newRow, type SyncRow } from './rows';
import { type AnyRecord, csoRowKey, linkKey, qboRowKey } from '../../../lib/sync/types';
import { csoKey, qboMatchKey, type World } from '../../../lib/sync/world';

/** What the later steps need of the rows by key. */
export interface RowLookup {
  get(key: string): SyncRow | undefined;
}

export interface RowBook extends RowLookup {
  /** Every row, in the table's order (the analysis returns this array itself: no copy of 100k rows). */
  readonly all: SyncRow[];
  /** The row of a CStoreOffice record. */
  ofCso(record: AnyRecord): SyncRow | undefined;
  /** The row of a QBO record, made on the first ask. */
  ofQbo(typeId: EntityTypeId, record: AnyRecord): SyncRow;
  add(row: SyncRow): void;
  /** The row with its records' hashes, computed on the first ask (only ignores and parked issues need them). */
  withHashes(row: SyncRow): SyncRow;
}

export function createRowBook(world: World): RowBook {
  const all: SyncRow[] = [];
  const byCso = new Map<AnyRecord, SyncRow>();
  const byQbo = new Map<AnyRecord, SyncRow>();
  let byKey: Map<string, SyncRow> | null = null;
  const hashed = new Set<SyncRow>();
  const add = (row: SyncRow) => {
    all.push(row);
    byKey?.set(row.key, row);
  };
  // Every CStoreOffice entity is a row; unlinked QBO entities get theirs when asked.
  for (const typeId of typesInDependencyOrder()) {
    const list = world.cso.get(typeId);
    if (!list) continue;
    for (const record of list.values()) {
      const link = world.links.size > 0 ? world.links.get(linkKey(typeId, record.id)) : undefined;
      const row = newRow({
        key: csoRowKey(typeId, record.id),
        typeId,
        csoId: record.id,
        qboId: link ? link.qboId : null,
        name: csoKey(world, typeId, record),
        csoHash: null,
        qboHash: null,
      });
      all.push(row);
      byCso.set(record, row);
    }
  }
  return {
    all,
    add,
    ofCso: (record) => byCso.get(record),
    ofQbo(typeId, record) {
      let row = byQbo.get(record);
      if (!row) {
        row = newRow({
          key: qboRowKey(ENTITY_TYPES[typeId].qboEntity, record.id),
          typeId,
          csoId: null,
          qboId: record.id,
          name: qboMatchKey(world, typeId, record),
          csoHash: null,
          qboHash: null,
        });
        byQbo.set(record, row);
        add(row);
      }
      return row;
    },
    get(key) {
      if (!byKey) {
        byKey = new Map();
        for (const row of all) byKey.set(row.key, row);
      }
      return byKey.get(key);
    },
    withHashes(row) {
      if (hashed.has(row)) return row;
      hashed.add(row);
      rowHashes(world, row);
      return row;
    },
  };
}

/**
 * The hashes of a row's records: a CStoreOffice row's record and the QBO record its link points to
 * (a pair matched in this run has no link yet, so no QBO hash), a QBO row's record. A row whose
 * CStoreOffice record is gone keeps the hashes it was made with.
 */
function rowHashes(world: World, row: SyncRow): void {
  const { typeId } = row;
  if (row.csoId !== null) {
    const cso = world.cso.get(typeId)?.get(row.csoId);
    if (!cso) return;
    const link = world.links.get(linkKey(typeId, row.csoId));
    const qbo = link ? world.qbo.get(link.qboEntity)?.get(link.qboId) : undefined;
    row.csoHash = hashValues(pickValues(typeId, 'cso', cso));
    row.qboHash = qbo ? hashValues(pickValues(typeId, 'qbo', qbo)) : null;
  } else if (row.qboId !== null) {
    const qbo = world.qbo.get(ENTITY_TYPES[typeId].qboEntity)?.get(row.qboId);
    if (!qbo) return;
    row.csoHash = null;
    row.qboHash = hashValues(pickValues(typeId, 'qbo', qbo));
  }
}
