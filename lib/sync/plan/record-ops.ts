/**
 * The ops of one record. A matched pair stores its link (when its snapshots change) and sends an
 * update toward each side that has something to receive. A record without counterpart is created
 * on the other side; a price book vendor and an accounting vendor of one new name share one QBO
 * vendor: the second joins the first one's create, unless their values disagree. A link whose
 * record is missing on one side is planned only from a confirmed absence (see emitGone).
 */
import { ENTITY_TYPES, type QboEntityName } from '../../entities';
import type { AbsenceVerdict, AbsenceVerdicts } from '../confirm-absence';
import { comparedFields, hashValues, isVendorType, pickValues } from '../fields';
import { issues } from '../issues';
import type { MatchResult, Unpaired } from '../match';
import { addOpId, addPending, newRow, setStatus, type SyncRow } from '../rows';
import { sharedCreateClash } from '../shared-create';
import { type AnyRecord, type CsoRef, csoRowKey, linkKey, type PlanOp, qboRowKey, type RecordValues } from '../types';
import { csoList, linksToQbo, qboList, qboMatchKey, type World } from '../world';
import { distinct } from './op-book';
import type { CreateWork, OpBook, OpInit, PairWork } from './types';

export function emitPair(book: OpBook, work: PairWork): void {
  const { pair, row } = work;
  const { typeId } = pair;
  if (row.status === 'error') return;
  const link: OpInit = { id: `link:${row.key}`, kind: 'link', typeId, csoId: pair.cso.id, qboId: pair.qbo.id, snapshots: work.base, rowKeys: [row.key] };
  if (work.toQbo.length === 0 && work.toCso.length === 0) {
    // Most pairs send nothing: at most their link is stored.
    if (work.refresh) book.addOp(link, row, book.named(typeId));
    return;
  }
  // The updates wait for the link op, when there is one.
  const deps = work.refresh ? [link.id] : [];
  const qboBasis = subset(work.csoValues, work.toQbo);
  const csoBasis = subset(work.qboValues, work.toCso);
  const toQbo = book.valuesFor(typeId, work.toQbo, qboBasis, 'cso', deps);
  const toCso = book.valuesFor(typeId, work.toCso, csoBasis, 'qbo', deps);
  const blocked = toQbo.blocked ?? toCso.blocked;
  if (blocked) return book.block(row, blocked, typeId, pair.cso.id, pair.qbo.id);
  if (work.refresh) book.addOp(link, row);
  if (work.toQbo.length) {
    book.addOp({ id: `update-qbo:${row.key}`, kind: 'update', target: 'qbo', typeId, csoId: pair.cso.id, qboId: pair.qbo.id, values: toQbo.values!, basis: qboBasis, csoRefs: [{ typeId, csoId: pair.cso.id, basis: qboBasis }], dependsOn: distinct(deps), rowKeys: [row.key] }, row, isVendorType(typeId));
    addPending(row, 'waitingForUpdate', 'qbo');
  }
  if (work.toCso.length) {
    // Values another vendor kind sends to the shared QBO vendor arrive here only after it was sent:
    // when that write cannot be made, this one waits too (never a name QBO does not hold).
    const csoDeps = [...deps, ...work.receivedFrom.map((key) => `update-qbo:${key}`)];
    book.addOp({ id: `update-cso:${row.key}`, kind: 'update', target: 'cso', typeId, csoId: pair.cso.id, qboId: pair.qbo.id, values: toCso.values!, basis: csoBasis, dependsOn: distinct(csoDeps), rowKeys: [row.key] }, row, false);
    // A deactivation is shown as what it is for the user: a (reversible) deletion on that side.
    addPending(row, toCso.values!.active === false ? 'waitingForDeletion' : 'waitingForUpdate', 'cso');
  }
}

function subset(values: RecordValues, fields: string[]): RecordValues {
  const out: RecordValues = {};
  for (const f of fields) out[f] = values[f] ?? null;
  return out;
}

export function createCreateOps(book: OpBook, world: World) {
  const { ops, rows } = book;
  /** Vendors joining another row's QBO create, by that row's key. */
  const sharedChildren = new Map<string, CreateWork[]>();

  /** Both rows of a shared vendor whose records disagree: a conflict on each, and no vendor created. */
  function reportSharedClash(op: PlanOp, row: SyncRow, child: Unpaired, childBasis: RecordValues, fields: string[]): void {
    const primaryRow = rows.get(op.rowKeys[0]!)!;
    const primaryRef = op.csoRefs[0]!;
    const primaryRecord = csoList(world, primaryRef.typeId).get(primaryRef.csoId)!;
    ops.delete(op.id);
    primaryRow.opIds = primaryRow.opIds.filter((id) => id !== op.id);
    setStatus(primaryRow, 'error', null, issues.sharedConflict(fields, primaryRef.basis, { side: 'cso', typeId: child.typeId, id: child.record.id, name: child.record.name }, childBasis));
    setStatus(row, 'error', null, issues.sharedConflict(fields, childBasis, { side: 'cso', typeId: primaryRef.typeId, id: primaryRef.csoId, name: primaryRecord.name }, primaryRef.basis));
  }

  return {
    emitCsoCreate(create: CreateWork, sharedWith: ReadonlyMap<string, string>): void {
      const { item, row } = create;
      if (row.status === 'error') return;
      const primary = sharedWith.get(row.key);
      if (primary) {
        const children = sharedChildren.get(primary);
        if (children) children.push(create);
        else sharedChildren.set(primary, [create]);
        return;
      }
      const deps: string[] = [];
      const basis = pickValues(item.typeId, 'cso', item.record);
      const result = book.valuesFor(item.typeId, comparedFields(item.typeId, 'cso'), basis, 'cso', deps);
      if (result.blocked) return book.block(row, result.blocked, item.typeId, item.record.id, null);
      book.addOp({ id: `create-qbo:${row.key}`, kind: 'create', target: 'qbo', typeId: item.typeId, csoId: item.record.id, values: result.values!, basis, csoRefs: [{ typeId: item.typeId, csoId: item.record.id, basis }], dependsOn: distinct(deps), rowKeys: [row.key] }, row, book.named(item.typeId) || sharedWith.size > 0);
      setStatus(row, 'waitingForCreation', 'qbo');
    },

    emitQboCreate({ item, row }: CreateWork): void {
      if (row.status === 'error') return;
      const deps: string[] = [];
      const basis = pickValues(item.typeId, 'qbo', item.record);
      const result = book.valuesFor(item.typeId, comparedFields(item.typeId, 'qbo'), basis, 'qbo', deps);
      if (result.blocked) return book.block(row, result.blocked, item.typeId, null, item.record.id);
      book.addOp({ id: `create-cso:${row.key}`, kind: 'create', target: 'cso', typeId: item.typeId, qboId: item.record.id, values: result.values!, basis, basisRevision: item.record.revision, dependsOn: distinct(deps), rowKeys: [row.key] }, row, book.named(item.typeId));
      setStatus(row, 'waitingForCreation', 'cso');
    },

    /** After every create is made: each vendor sharing another's QBO create joins it (or both rows clash). */
    joinSharedVendors(): void {
      for (const [primaryKey, children] of sharedChildren) {
        const op = ops.get(`create-qbo:${primaryKey}`);
        for (const { item: child, row } of children) {
          if (!op) {
            setStatus(row, 'error', null, rows.get(primaryKey)!.issue ?? null);
            continue;
          }
          const basis = pickValues(child.typeId, 'cso', child.record);
          const clash = sharedCreateClash(op.csoRefs[0]!.basis, basis);
          if (clash.length > 0) {
            reportSharedClash(op, row, child, basis, clash);
            continue;
          }
          op.csoRefs.push({ typeId: child.typeId, csoId: child.record.id, basis });
          op.rowKeys.push(row.key);
          addOpId(row, op.id);
          setStatus(row, 'waitingForCreation', 'qbo');
        }
      }
    },
  };
}

/**
 * Links whose record is missing on one side. Nothing is planned from an absence alone: only a
 * record CStoreOffice confirmed deleted (404 on a read by id, see confirm-absence.ts) is
 * deactivated in QBO, unless another link still holds that QBO record (a shared vendor) or it is
 * inactive already, when the link is only forgotten. A record missing from QBO is never deleted in
 * CStoreOffice: QBO makes records inactive (which travels as `active: false`), so a QBO record
 * that is truly gone, or not confirmed gone, keeps its link and its row says why.
 */
export function emitGone(book: OpBook, world: World, { gone, pairs }: MatchResult, absences: AbsenceVerdicts | undefined): void {
  if (gone.length === 0) return;
  const { rows, ops } = book;
  // QBO records (`Entity:id`) another CStoreOffice record is matched to by name in this run.
  const keptQbo = new Set(pairs.filter((p) => !p.link).map((p) => `${ENTITY_TYPES[p.typeId].qboEntity}:${p.qbo.id}`));
  const leaving = new Set(gone.filter((g) => !g.cso).map((g) => `${g.link.qboEntity}:${g.link.qboId}`));
  for (const { link, cso, qbo } of gone) {
    const rowKey = csoRowKey(link.csoType, link.csoId);
    const unlink = () => book.addOp({ id: `unlink:${rowKey}`, kind: 'unlink', typeId: link.csoType, csoId: link.csoId, qboId: link.qboId, csoRefs: [{ typeId: link.csoType, csoId: link.csoId, basis: {} }], rowKeys: [] });
    const verdict = absences?.get(linkKey(link.csoType, link.csoId));
    if (cso) {
      const row = rows.get(rowKey)!;
      row.qboId = link.qboId;
      setStatus(row, 'error', null, missingIssue('qbo', verdict, link.qboId));
      continue;
    }
    // The CStoreOffice record is missing: the row shows the QBO record it was linked to.
    const qboRow = (record: AnyRecord) => {
      const row = newRow({ key: rowKey, typeId: link.csoType, csoId: link.csoId, qboId: link.qboId, name: qboMatchKey(world, link.csoType, record), csoHash: null, qboHash: hashValues(pickValues(link.csoType, 'qbo', record)) });
      rows.add(row);
      return row;
    };
    if (qbo && verdict?.kind !== 'gone') {
      setStatus(qboRow(qbo), 'error', null, missingIssue('cso', verdict, link.csoId));
      continue;
    }
    const stillLinked = keptQbo.has(`${link.qboEntity}:${link.qboId}`) || linksToQbo(world, link.qboEntity, link.qboId).some((l) => csoList(world, l.csoType).has(l.csoId));
    if (!qbo || !qbo.active || stillLinked) {
      unlink();
      continue;
    }
    const id = `deactivate:${qboRowKey(link.qboEntity, link.qboId)}`;
    const row = qboRow(qbo);
    // QBO would leave an active child under an inactive parent: the child has to move or go first.
    const child = ENTITY_TYPES[link.csoType].hierarchical ? activeChildStaying(world, link.qboEntity, qbo.id, leaving) : undefined;
    if (child) {
      setStatus(row, 'error', null, issues.activeChild({ side: 'qbo', typeId: link.csoType, id: child.id, name: qboMatchKey(world, link.csoType, child) }));
      continue;
    }
    const ref: CsoRef = { typeId: link.csoType, csoId: link.csoId, basis: {} };
    const existing = ops.get(id);
    if (existing) {
      existing.csoRefs.push(ref);
      existing.rowKeys.push(rowKey);
    } else book.addOp({ id, kind: 'deactivate', target: 'qbo', typeId: link.csoType, qboId: link.qboId, csoRefs: [ref], rowKeys: [rowKey] });
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
function activeChildStaying(world: World, entity: QboEntityName, parentId: string, leaving: ReadonlySet<string>): AnyRecord | undefined {
  for (const r of qboList(world, entity).values()) if (r.active && r.parentId === parentId && !leaving.has(`${entity}:${r.id}`)) return r;
  return undefined;
}
