/**
 * Links whose record is missing on one side. Nothing is planned from an absence alone: only a
 * record CStoreOffice confirmed deleted (404 on a read by id, see confirm-absence.ts) is
 * deactivated in QBO, unless another link still holds that QBO record (a shared vendor) or it is
 * inactive already, when the link is only forgotten. A record missing from QBO is never deleted in
 * CStoreOffice: QBO makes records inactive (which travels as `active: false`), so a QBO record
 * that is truly gone, or not confirmed gone, keeps its link and its row says why.
 */
import { ENTITY_TYPES, type QboEntityName } from '../../../lib/entities';
import { hashValues, pickValues } from '../../../lib/sync/fields';
import { issues } from '../../../lib/sync/issues';
import type { GoneLink } from '../../../lib/sync/match';
import type { OpBook } from './plan-op-book';
import { type CsoRef, NO_VALUES } from './plan-types';
import { addOpId, newRow, setStatus } from './rows';
import type { AbsenceVerdict, AbsenceVerdicts } from '../../../lib/sync/confirm-absence';
import { type AnyRecord, csoRowKey, linkKey, qboRowKey } from '../../../lib/sync/types';
import { csoList, linksToQbo, qboList, qboMatchKey, type World } from '../../../lib/sync/world';

/** `keptQbo`: QBO records (`Entity:id`) another CStoreOffice record is matched to in this run. */
export function emitGone(
  book: OpBook,
  gone: GoneLink[],
  keptQbo: ReadonlySet<string>,
  absences: AbsenceVerdicts | undefined,
): void {
  const { world, rows, ops, addOp } = book;
  const leaving = new Set(gone.filter((g) => !g.cso).map((g) => `${g.link.qboEntity}:${g.link.qboId}`));
  for (const { link, cso, qbo } of gone) {
    const rowKey = csoRowKey(link.csoType, link.csoId);
    const unlink = () =>
      addOp({
        id: `unlink:${rowKey}`,
        kind: 'unlink',
        typeId: link.csoType,
        csoId: link.csoId,
        qboId: link.qboId,
        csoRefs: [{ typeId: link.csoType, csoId: link.csoId, basis: NO_VALUES }],
        rowKeys: [],
      });
    const verdict = absences?.get(linkKey(link.csoType, link.csoId));
    if (cso) {
      const row = rows.get(rowKey)!;
      row.qboId = link.qboId;
      setStatus(row, 'error', null, missingIssue('qbo', verdict, link.qboId));
      continue;
    }
    // The CStoreOffice record is missing: the row shows the QBO record it was linked to.
    const qboRow = (record: AnyRecord) => {
      const row = newRow({
        key: rowKey,
        typeId: link.csoType,
        csoId: link.csoId,
        qboId: link.qboId,
        name: qboMatchKey(world, link.csoType, record),
        csoHash: null,
        qboHash: hashValues(pickValues(link.csoType, 'qbo', record)),
      });
      rows.add(row);
      return row;
    };
    if (qbo && verdict?.kind !== 'gone') {
      setStatus(qboRow(qbo), 'error', null, missingIssue('cso', verdict, link.csoId));
      continue;
    }
    const stillLinked =
      keptQbo.has(`${link.qboEntity}:${link.qboId}`) ||
      linksToQbo(world, link.qboEntity, link.qboId).some((l) => csoList(world, l.csoType).has(l.csoId));
    if (!qbo || !qbo.active || stillLinked) {
      unlink();
      continue;
    }
    const id = `deactivate:${qboRowKey(link.qboEntity, link.qboId)}`;
    const row = qboRow(qbo);
    // QBO would leave an active child under an inactive parent: the child has to move or go first.
    const child = ENTITY_TYPES[link.csoType].hierarchical
      ? activeChildStaying(world, link.qboEntity, qbo.id, leaving)
      : undefined;
    if (child) {
      setStatus(
        row,
        'error',
        null,
        issues.activeChild({
          side: 'qbo',
          typeId: link.csoType,
          id: child.id,
          name: qboMatchKey(world, link.csoType, child),
        }),
      );
      continue;
    }
    const ref: CsoRef = { typeId: link.csoType, csoId: link.csoId, basis: NO_VALUES };
    const existing = ops.get(id);
    if (existing) {
      existing.csoRefs.push(ref);
      existing.rowKeys.push(rowKey);
    } else
      addOp({
        id,
        kind: 'deactivate',
        target: 'qbo',
        typeId: link.csoType,
        qboId: link.qboId,
        csoRefs: [ref],
        rowKeys: [rowKey],
      });
    addOpId(row, id);
    setStatus(row, 'waitingForDeletion', 'qbo');
  }
}

/** The words for a linked record missing from the last read of `side`, by what asking for it by id said. */
function missingIssue(side: 'cso' | 'qbo', verdict: AbsenceVerdict | undefined, id: string) {
  if (verdict?.kind === 'leftScope') return issues.leftScope(side, verdict.reason);
  if (verdict?.kind === 'gone') return issues.goneFromQbo(id);
  return issues.absenceUnconfirmed(side, verdict?.kind === 'unconfirmed' ? verdict.reason : null);
}

/** An active QBO record under `parentId` that this plan does not deactivate too. */
function activeChildStaying(
  world: World,
  entity: QboEntityName,
  parentId: string,
  leaving: ReadonlySet<string>,
): AnyRecord | undefined {
  for (const r of qboList(world, entity).values())
    if (r.active && r.parentId === parentId && !leaving.has(`${entity}:${r.id}`)) return r;
  return undefined;
}
