/**
 * A linked row is named by its CStoreOffice record. When QuickBooks names the other record
 * differently (renamed there and not synchronized yet, or a conflict), the row also carries
 * QuickBooks' name, so the table shows both and a search finds either.
 */
import { ENTITY_TYPES } from '../entities';
import type { SyncRow } from './rows';
import { qboList, qboMatchKey, type World } from './world';

export function nameBothSides(world: World, rows: readonly SyncRow[]): void {
  for (const row of rows) {
    if (row.csoId === null || row.qboId === null) continue;
    const qbo = qboList(world, ENTITY_TYPES[row.typeId].qboEntity).get(row.qboId);
    const name = qbo ? qboMatchKey(world, row.typeId, qbo) : undefined;
    if (name !== undefined && name !== row.name) row.qboName = name;
    else delete row.qboName;
  }
}
