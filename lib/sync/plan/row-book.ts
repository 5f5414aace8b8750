/**
 * The table's rows while planning: one per CStoreOffice record (in dependency order), then one per
 * QBO record shown on its own, in the order they are made. Later steps carry their row or find it
 * by record; the index by key is made when something first asks by key (stored issues, ignores,
 * the words of a blocked op; see PERFORMANCE.md).
 */
import { ENTITY_TYPES, type EntityTypeId, typesInDependencyOrder } from '../../entities';
import { hashValues, pickValues } from '../fields';
import { newRow, type SyncRow } from '../rows';
import { type AnyRecord, csoRowKey, linkKey, qboRowKey } from '../types';
import { csoKey, qboMatchKey, type World } from '../world';
import type { RowBook } from './types';

export function createRowBook(world: World): RowBook {
  const all: SyncRow[] = [];
  let byKey: Map<string, SyncRow> | null = null;
  const byRecord = new Map<AnyRecord, SyncRow>();
  const add = (row: SyncRow) => {
    all.push(row);
    byKey?.set(row.key, row);
  };
  // Every CStoreOffice entity is a row; unlinked QBO entities get theirs when asked.
  for (const typeId of typesInDependencyOrder()) {
    for (const record of world.cso.get(typeId)?.values() ?? []) {
      const link = world.links.get(linkKey(typeId, record.id));
      const row = newRow({
        key: csoRowKey(typeId, record.id),
        typeId,
        csoId: record.id,
        qboId: link ? link.qboId : null,
        name: csoKey(world, typeId, record),
        csoHash: null,
        qboHash: null,
      });
      add(row);
      byRecord.set(record, row);
    }
  }
  return {
    all,
    add,
    get(key) {
      byKey ??= new Map(all.map((row) => [row.key, row]));
      return byKey.get(key);
    },
    ofCso: (record) => byRecord.get(record),
    ofQbo(typeId, record) {
      let row = byRecord.get(record);
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
        byRecord.set(record, row);
        add(row);
      }
      return row;
    },
    withHashes(row) {
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
  const hashes = recordHashes(world, row.typeId, row.csoId, row.qboId);
  if (hashes) Object.assign(row, hashes);
}

/** The hashes Ignore Issues compares, for the row of CStoreOffice record `csoId` (else QBO `qboId`); null when its record is gone. */
export function recordHashes(
  world: World,
  typeId: EntityTypeId,
  csoId: string | null,
  qboId: string | null,
): { csoHash: string | null; qboHash: string | null } | null {
  if (csoId !== null) {
    const cso = world.cso.get(typeId)?.get(csoId);
    if (!cso) return null;
    const link = world.links.get(linkKey(typeId, csoId));
    const qbo = link ? world.qbo.get(link.qboEntity)?.get(link.qboId) : undefined;
    return {
      csoHash: hashValues(pickValues(typeId, 'cso', cso)),
      qboHash: qbo ? hashValues(pickValues(typeId, 'qbo', qbo)) : null,
    };
  }
  if (qboId === null) return null;
  const qbo = world.qbo.get(ENTITY_TYPES[typeId].qboEntity)?.get(qboId);
  return qbo ? { csoHash: null, qboHash: hashValues(pickValues(typeId, 'qbo', qbo)) } : null;
}
