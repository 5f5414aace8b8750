/**
 * The ops of one record. A matched pair stores its link (when its snapshots change) and sends an
 * update toward each side that has something to receive. A record without counterpart is created
 * on the other side; a price book vendor and an accounting vendor of one new name share one QBO
 * vendor: the second joins the first one's create, unless their values disagree. (A link whose
 * record is missing on one side: gone-ops.ts.)
 */
import { comparedFields, isVendorType, pickValues } from '../fields';
import { issues } from '../issues';
import type { Unpaired } from '../match';
import { addOpId, addPending, setStatus, type SyncRow } from '../rows';
import { sharedCreateClash } from '../shared-create';
import { type PlanOp, type RecordValues } from '../types';
import { csoList, type World } from '../world';
import { fieldsQboRefuses } from './flow';
import { distinct } from './op-book';
import type { CreateWork, OpBook, OpInit, PairWork } from './types';

export function emitPair(book: OpBook, work: PairWork): void {
  const { pair, row } = work;
  const { typeId } = pair;
  if (row.status === 'error') return;
  const link: OpInit = {
    id: `link:${row.key}`,
    kind: 'link',
    typeId,
    csoId: pair.cso.id,
    qboId: pair.qbo.id,
    snapshots: work.base,
    rowKeys: [row.key],
  };
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
    book.addOp(
      {
        id: `update-qbo:${row.key}`,
        kind: 'update',
        target: 'qbo',
        typeId,
        csoId: pair.cso.id,
        qboId: pair.qbo.id,
        values: toQbo.values!,
        basis: qboBasis,
        csoRefs: [{ typeId, csoId: pair.cso.id, basis: qboBasis }],
        dependsOn: distinct(deps),
        rowKeys: [row.key],
      },
      row,
      isVendorType(typeId),
    );
    addPending(row, 'waitingForUpdate', 'qbo');
  }
  if (work.toCso.length) {
    // Values another vendor kind sends to the shared QBO vendor arrive here only after it was sent:
    // when that write cannot be made, this one waits too (never a name QBO does not hold).
    const csoDeps = [...deps, ...work.receivedFrom.map((key) => `update-qbo:${key}`)];
    book.addOp(
      {
        id: `update-cso:${row.key}`,
        kind: 'update',
        target: 'cso',
        typeId,
        csoId: pair.cso.id,
        qboId: pair.qbo.id,
        values: toCso.values!,
        basis: csoBasis,
        dependsOn: distinct(csoDeps),
        rowKeys: [row.key],
      },
      row,
      false,
    );
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
  function reportSharedClash(
    op: PlanOp,
    row: SyncRow,
    child: Unpaired,
    childBasis: RecordValues,
    fields: string[],
  ): void {
    const primaryRow = rows.get(op.rowKeys[0]!)!;
    const primaryRef = op.csoRefs[0]!;
    const primaryRecord = csoList(world, primaryRef.typeId).get(primaryRef.csoId)!;
    ops.delete(op.id);
    primaryRow.opIds = primaryRow.opIds.filter((id) => id !== op.id);
    setStatus(
      primaryRow,
      'error',
      null,
      issues.sharedConflict(
        fields,
        primaryRef.basis,
        { side: 'cso', typeId: child.typeId, id: child.record.id, name: child.record.name },
        childBasis,
      ),
    );
    setStatus(
      row,
      'error',
      null,
      issues.sharedConflict(
        fields,
        childBasis,
        { side: 'cso', typeId: primaryRef.typeId, id: primaryRef.csoId, name: primaryRecord.name },
        primaryRef.basis,
      ),
    );
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
      // Fields QuickBooks' settings refuse (account numbers turned off) are left out, and the row says so.
      const refused = fieldsQboRefuses(book.options, item.typeId);
      const sent = comparedFields(item.typeId, 'cso').filter((f) => !refused?.fields.includes(f));
      const result = book.valuesFor(item.typeId, sent, basis, 'cso', deps);
      if (result.blocked) return book.block(row, result.blocked, item.typeId, item.record.id, null);
      book.addOp(
        {
          id: `create-qbo:${row.key}`,
          kind: 'create',
          target: 'qbo',
          typeId: item.typeId,
          csoId: item.record.id,
          values: result.values!,
          basis,
          csoRefs: [{ typeId: item.typeId, csoId: item.record.id, basis }],
          dependsOn: distinct(deps),
          rowKeys: [row.key],
        },
        row,
        book.named(item.typeId) || sharedWith.size > 0,
      );
      setStatus(row, 'waitingForCreation', 'qbo');
      if (refused && refused.fields.some((f) => basis[f] !== null)) row.issue = issues.qboRefuses(refused.why);
    },

    emitQboCreate({ item, row }: CreateWork): void {
      if (row.status === 'error') return;
      const deps: string[] = [];
      const basis = pickValues(item.typeId, 'qbo', item.record);
      const result = book.valuesFor(item.typeId, comparedFields(item.typeId, 'qbo'), basis, 'qbo', deps);
      if (result.blocked) return book.block(row, result.blocked, item.typeId, null, item.record.id);
      book.addOp(
        {
          id: `create-cso:${row.key}`,
          kind: 'create',
          target: 'cso',
          typeId: item.typeId,
          qboId: item.record.id,
          values: result.values!,
          basis,
          basisRevision: item.record.revision,
          dependsOn: distinct(deps),
          rowKeys: [row.key],
        },
        row,
        book.named(item.typeId),
      );
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
