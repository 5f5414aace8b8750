/**
 * Links whose record is gone on one side: gone from QBO (or deactivated there) → delete in
 * CStoreOffice; gone from CStoreOffice → deactivate in QBO, unless another link still holds that
 * QBO record (a shared vendor) or it is inactive already, when the link is only forgotten.
 */
import { hashValues, pickValues } from './fields';
import type { GoneLink } from './match';
import type { OpBook } from './plan-op-book';
import { type CsoRef, NO_VALUES } from './plan-types';
import { addOpId, newRow, setStatus } from './rows';
import { csoRowKey, qboRowKey } from './types';
import { csoList, linksToQbo, qboMatchKey } from './world';

/** `keptQbo`: QBO records (`Entity:id`) another CStoreOffice record is matched to in this run. */
export function emitGone(book: OpBook, gone: GoneLink[], keptQbo: ReadonlySet<string>): void {
  const { world, rows, ops, addOp } = book;
  for (const { link, cso, qbo } of gone) {
    const rowKey = csoRowKey(link.csoType, link.csoId);
    const unlink = () => addOp({ id: `unlink:${rowKey}`, kind: 'unlink', typeId: link.csoType, csoId: link.csoId, qboId: link.qboId, csoRefs: [{ typeId: link.csoType, csoId: link.csoId, basis: NO_VALUES }], rowKeys: [] });
    if (cso) {
      addOp({ id: `delete:${rowKey}`, kind: 'delete', target: 'cso', typeId: link.csoType, csoId: link.csoId, qboId: link.qboId, rowKeys: [rowKey] });
      setStatus(rows.get(rowKey)!, 'waitingForDeletion', 'cso');
      continue;
    }
    const stillLinked = keptQbo.has(`${link.qboEntity}:${link.qboId}`) || linksToQbo(world, link.qboEntity, link.qboId).some((l) => csoList(world, l.csoType).has(l.csoId));
    if (!qbo || !qbo.active || stillLinked) {
      unlink();
      continue;
    }
    const id = `deactivate:${qboRowKey(link.qboEntity, link.qboId)}`;
    const ref: CsoRef = { typeId: link.csoType, csoId: link.csoId, basis: NO_VALUES };
    const existing = ops.get(id);
    if (existing) {
      existing.csoRefs.push(ref);
      existing.rowKeys.push(rowKey);
    } else addOp({ id, kind: 'deactivate', target: 'qbo', typeId: link.csoType, qboId: link.qboId, csoRefs: [ref], rowKeys: [rowKey] });
    const row = newRow({ key: rowKey, typeId: link.csoType, csoId: link.csoId, qboId: link.qboId, name: qboMatchKey(world, link.csoType, qbo), csoHash: null, qboHash: hashValues(pickValues(link.csoType, 'qbo', qbo)) });
    addOpId(row, id);
    setStatus(row, 'waitingForDeletion', 'qbo');
    rows.add(row);
  }
}
