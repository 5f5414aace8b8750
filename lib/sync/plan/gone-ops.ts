/**
 * The ops of a link whose record is missing on one side. Only a confirmed absence is planned from:
 * deleted in CStoreOffice (404) → made inactive in QBO; anything less keeps the link, and the row
 * says why.
 */
import { ENTITY_TYPES, type QboEntityName } from '../../entities';
import type { AbsenceVerdict, AbsenceVerdicts } from '../confirm-absence';
import { hashValues, pickValues } from '../fields';
import { issues } from '../issues';
import type { MatchResult } from '../match';
import { addOpId, newRow, setStatus } from '../rows';
import { type AnyRecord, type CsoRef, csoRowKey, linkKey, qboRowKey } from '../types';
import { csoList, linksToQbo, qboList, qboMatchKey, type World } from '../world';
import type { OpBook } from './types';

/**
 * Links whose record is missing on one side. Nothing is planned from an absence alone: only a
 * record CStoreOffice confirmed deleted (404 on a read by id, see confirm-absence.ts) is
 * deactivated in QBO, unless another link still holds that QBO record (a shared vendor) or it is
 * inactive already, when the link is only forgotten. A record missing from QBO is never deleted in
 * CStoreOffice: QBO makes records inactive (which travels as `active: false`), so a QBO record
 * that is truly gone, or not confirmed gone, keeps its link and its row says why.
 */
export function emitGone(
  book: OpBook,
  world: World,
  { gone, pairs }: MatchResult,
  absences: AbsenceVerdicts | undefined,
): void {
  if (gone.length === 0) return;
  const { rows, ops } = book;
  // QBO records (`Entity:id`) another CStoreOffice record is matched to by name in this run.
  const keptQbo = new Set(pairs.filter((p) => !p.link).map((p) => `${ENTITY_TYPES[p.typeId].qboEntity}:${p.qbo.id}`));
  const leaving = new Set(gone.filter((g) => !g.cso).map((g) => `${g.link.qboEntity}:${g.link.qboId}`));
  for (const { link, cso, qbo } of gone) {
    const rowKey = csoRowKey(link.csoType, link.csoId);
    const unlink = () =>
      book.addOp({
        id: `unlink:${rowKey}`,
        kind: 'unlink',
        typeId: link.csoType,
        csoId: link.csoId,
        qboId: link.qboId,
        csoRefs: [{ typeId: link.csoType, csoId: link.csoId, basis: {} }],
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
    const ref: CsoRef = { typeId: link.csoType, csoId: link.csoId, basis: {} };
    const existing = ops.get(id);
    if (existing) {
      existing.csoRefs.push(ref);
      existing.rowKeys.push(rowKey);
    } else
      book.addOp({
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
