/**
 * Turns the analysed pairs, creates and gone links into plan ops. Each op that names another
 * record (parent, credit account) depends on the op producing that record's counterpart; when no
 * op will, the row waits for it as a Synchronization Error instead of sending a doomed request.
 */
import { type EntityTypeId, ENTITY_TYPES, typesInDependencyOrder } from '../entities';
import { comparedFields, hashValues, pickValues } from './fields';
import { issues, type RowIssue } from './issues';
import type { GoneLink, Unpaired } from './match';
import type { PlanMemory, PlanOptions } from './plan-build';
import type { PairWork } from './plan-pairs';
import { type CsoRef, isRefValue, type PlanOp, type PlanValue } from './plan-types';
import { addPending, newRow, setStatus, type SyncRow } from './rows';
import { planValue } from './translate';
import { csoRowKey, qboRowKey, type RecordValues } from './types';
import { csoList, linksToQbo, qboList, qboMatchKey, type World } from './world';
import { finishOps } from './plan-finish';
import { createProducers } from './plan-producers';
import { sharedCreateClash } from './shared-create';

const ROLE: Readonly<Record<string, string>> = { parentId: 'parent', creditAccountId: 'credit account' };
const NOTHING = Object.freeze({});

/** A record to create on the other side, with its row (looked up once, then carried along). */
export interface CreateWork {
  item: Unpaired;
  row: SyncRow;
}

export function createOpsBuilder(world: World, options: PlanOptions, rows: Map<string, SyncRow>, memory: PlanMemory, withHashes: (row: SyncRow) => SyncRow) {
  const ops = new Map<string, PlanOp>();
  const producers = createProducers();
  const sharedChildren = new Map<string, CreateWork[]>();

  /** `row`: the op's only row, when the caller holds it (no look-up by key). */
  function addOp(init: Partial<PlanOp> & Pick<PlanOp, 'id' | 'kind' | 'typeId' | 'rowKeys'>, row?: SyncRow): PlanOp {
    // Every field written out (no spread): one shape for every op, and no copy per op.
    const op: PlanOp = {
      id: init.id,
      kind: init.kind,
      target: init.target ?? null,
      typeId: init.typeId,
      qboEntity: init.qboEntity ?? ENTITY_TYPES[init.typeId].qboEntity,
      csoId: init.csoId ?? null,
      qboId: init.qboId ?? null,
      values: init.values ?? {},
      basis: init.basis ?? {},
      basisRevision: init.basisRevision ?? null,
      csoRefs: init.csoRefs ?? [],
      snapshots: init.snapshots ?? null,
      rowKeys: init.rowKeys,
      dependsOn: init.dependsOn ?? [],
      level: init.level ?? 0,
    };
    ops.set(op.id, op);
    // A row's first op starts a one-element array (an empty one grows to 16 slots on its first push).
    if (row) {
      if (row.opIds.length === 0) row.opIds = [op.id];
      else row.opIds.push(op.id);
    } else for (const key of op.rowKeys) rows.get(key)?.opIds.push(op.id);
    return op;
  }

  /** Values for `fields` in the target's terms, or the blocking issue when a named record has no counterpart. */
  function valuesFor(typeId: EntityTypeId, fields: readonly string[], source: RecordValues, from: 'cso' | 'qbo', deps: string[]): { values?: Record<string, PlanValue>; blocked?: RowIssue } {
    // Nothing to send that way (most pairs): no object; the caller makes no op for it.
    if (fields.length === 0) return NOTHING;
    const values: Record<string, PlanValue> = {};
    for (const f of fields) {
      const value = planValue(options, typeId, f, source[f] ?? null, from, world);
      if (isRefValue(value)) {
        const producer = producers.get(from, value.ref.typeId, value.ref.id);
        if (producer === undefined) {
          const rec = (from === 'cso' ? csoList(world, value.ref.typeId) : qboList(world, ENTITY_TYPES[value.ref.typeId].qboEntity)).get(value.ref.id);
          return { blocked: issues.blocked({ side: from, typeId: value.ref.typeId, id: value.ref.id, name: rec?.name ?? value.ref.id }, ROLE[f] ?? 'parent') };
        }
        if (producer) deps.push(producer);
      } else if (f === 'creditAccountId' && value === null && from === 'cso') {
        return { blocked: issues.noIncomeAccount() };
      }
      values[f] = value;
    }
    return { values };
  }

  /** `cso`/`qbo`: the ids of `typeId` that no longer get a counterpart. */
  function block(row: SyncRow, issue: ReturnType<typeof issues.blocked>, typeId: EntityTypeId, cso: string | null, qbo: string | null): void {
    setStatus(row, 'error', null, issue);
    if (cso !== null) producers.delete('cso', typeId, cso);
    if (qbo !== null) producers.delete('qbo', typeId, qbo);
  }

  function emitPair(work: PairWork): void {
    const { pair } = work;
    const { typeId } = pair;
    const { row } = work;
    if (row.status === 'error') return;
    if (work.deleteCso) {
      addOp({ id: `delete:${row.key}`, kind: 'delete', target: 'cso', typeId, csoId: pair.cso.id, qboId: pair.qbo.id, rowKeys: [row.key] }, row);
      setStatus(row, 'waitingForDeletion', 'cso');
      return;
    }
    // The link op's id, made once: the updates below wait for it.
    const linkId = work.refresh ? `link:${row.key}` : '';
    const deps: string[] = work.refresh ? [linkId] : [];
    const toQbo = valuesFor(typeId, work.toQbo, work.csoValues, 'cso', deps);
    const toCso = valuesFor(typeId, work.toCso, work.qboValues, 'qbo', deps);
    const blocked = toQbo.blocked ?? toCso.blocked;
    if (blocked) return block(row, blocked, typeId, pair.cso.id, pair.qbo.id);
    if (work.refresh) {
      addOp({ id: linkId, kind: 'link', typeId, csoId: pair.cso.id, qboId: pair.qbo.id, snapshots: work.base, rowKeys: [row.key] }, row);
    }
    if (work.toQbo.length) {
      const basis = subset(work.csoValues, work.toQbo);
      addOp({ id: `update-qbo:${row.key}`, kind: 'update', target: 'qbo', typeId, csoId: pair.cso.id, qboId: pair.qbo.id, values: toQbo.values!, basis, csoRefs: [{ typeId, csoId: pair.cso.id, basis }], dependsOn: distinct(deps), rowKeys: [row.key] }, row);
      addPending(row, 'waitingForUpdate', 'qbo');
    }
    if (work.toCso.length) {
      // Values another vendor kind sends to the shared QBO vendor arrive here only after it was sent:
      // when that write cannot be made, this one waits too (never a name QBO does not hold).
      const csoDeps = [...deps, ...work.receivedFrom.map((key) => `update-qbo:${key}`)];
      addOp({ id: `update-cso:${row.key}`, kind: 'update', target: 'cso', typeId, csoId: pair.cso.id, qboId: pair.qbo.id, values: toCso.values!, basis: subset(work.qboValues, work.toCso), dependsOn: distinct(csoDeps), rowKeys: [row.key] }, row);
      addPending(row, 'waitingForUpdate', 'cso');
    }
  }

  function emitCsoCreate(create: CreateWork, sharedWith: Map<string, string>): void {
    const { item, row } = create;
    if (row.status === 'error') return;
    const primary = sharedWith.size > 0 ? sharedWith.get(row.key) : undefined;
    if (primary) {
      const list = sharedChildren.get(primary) ?? [];
      sharedChildren.set(primary, [...list, create]);
      return;
    }
    const deps: string[] = [];
    const basis = pickValues(item.typeId, 'cso', item.record);
    const result = valuesFor(item.typeId, comparedFields(item.typeId, 'cso'), basis, 'cso', deps);
    if (result.blocked) return block(row, result.blocked, item.typeId, item.record.id, null);
    addOp({ id: `create-qbo:${row.key}`, kind: 'create', target: 'qbo', typeId: item.typeId, csoId: item.record.id, values: result.values!, basis, csoRefs: [{ typeId: item.typeId, csoId: item.record.id, basis }], dependsOn: distinct(deps), rowKeys: [row.key] }, row);
    setStatus(row, 'waitingForCreation', 'qbo');
  }

  /** Both rows of a shared vendor whose records disagree: a conflict on each, and no vendor created. */
  function reportSharedClash(op: PlanOp, row: SyncRow, child: Unpaired, fields: string[]): void {
    const primaryRow = rows.get(op.rowKeys[0]!)!;
    const primaryRef = op.csoRefs[0]!;
    const primaryRecord = csoList(world, primaryRef.typeId).get(primaryRef.csoId)!;
    const show = (values: RecordValues) => fields.map((f) => `“${String(values[f] ?? '')}”`).join(', ');
    const childBasis = pickValues(child.typeId, 'cso', child.record);
    ops.delete(op.id);
    primaryRow.opIds = primaryRow.opIds.filter((id) => id !== op.id);
    setStatus(primaryRow, 'error', null, issues.sharedConflict(fields, show(primaryRef.basis), { side: 'cso', typeId: child.typeId, id: child.record.id, name: child.record.name }, show(childBasis)));
    setStatus(row, 'error', null, issues.sharedConflict(fields, show(childBasis), { side: 'cso', typeId: primaryRef.typeId, id: primaryRef.csoId, name: primaryRecord.name }, show(primaryRef.basis)));
  }

  function emitQboCreate({ item, row }: CreateWork): void {
    if (row.status === 'error') return;
    const deps: string[] = [];
    const basis = pickValues(item.typeId, 'qbo', item.record);
    const result = valuesFor(item.typeId, comparedFields(item.typeId, 'qbo'), basis, 'qbo', deps);
    if (result.blocked) return block(row, result.blocked, item.typeId, null, item.record.id);
    addOp({ id: `create-cso:${row.key}`, kind: 'create', target: 'cso', typeId: item.typeId, qboId: item.record.id, values: result.values!, basis, basisRevision: item.record.revision, dependsOn: distinct(deps), rowKeys: [row.key] }, row);
    setStatus(row, 'waitingForCreation', 'cso');
  }

  return {
    registerLinks(): void {
      for (const link of world.links.values()) {
        if (!producers.wanted(link.csoType)) continue;
        producers.set('cso', link.csoType, link.csoId, '');
        producers.set('qbo', link.csoType, link.qboId, '');
      }
    },
    registerPair(work: PairWork): void {
      if (!work.fresh || work.row.status === 'error' || !producers.wanted(work.pair.typeId)) return;
      const id = `link:${work.rowKey}`;
      producers.set('cso', work.pair.typeId, work.pair.cso.id, id);
      producers.set('qbo', work.pair.typeId, work.pair.qbo.id, id);
    },
    registerCsoCreate({ item, row }: CreateWork, sharedWith: Map<string, string>): void {
      if (!producers.wanted(item.typeId) || row.status === 'error') return;
      producers.set('cso', item.typeId, item.record.id, `create-qbo:${sharedWith.get(row.key) ?? row.key}`);
    },
    registerQboCreate({ item, row }: CreateWork): void {
      if (!producers.wanted(item.typeId) || row.status === 'error') return;
      producers.set('qbo', item.typeId, item.record.id, `create-cso:${row.key}`);
    },
    /** Accounts before data types, parents before children, so a blocked record blocks its dependants. */
    emitInOrder(pairs: PairWork[], csoCreates: CreateWork[], qboCreates: CreateWork[], sharedWith: Map<string, string>): void {
      const order = new Map(typesInDependencyOrder().map((t, i) => [t, i]));
      // Bucketed by one numeric rank (type, depth) in arrival order: a stable order without a sort.
      const items: (PairWork | CreateWork)[] = [];
      const kinds: number[] = [];
      const buckets: number[][] = [];
      const push = (item: PairWork | CreateWork, kind: number, typeId: EntityTypeId, key: string) => {
        const rank = order.get(typeId)! * 1024 + (ENTITY_TYPES[typeId].hierarchical ? depthOf(key) : 1);
        (buckets[rank] ??= []).push(items.length);
        items.push(item);
        kinds.push(kind);
      };
      for (const p of pairs) push(p, 0, p.pair.typeId, p.csoKey);
      for (const c of csoCreates) push(c, 1, c.item.typeId, c.item.key);
      for (const q of qboCreates) push(q, 2, q.item.typeId, q.item.key);
      for (const bucket of buckets) {
        if (!bucket) continue;
        for (const i of bucket) {
          const kind = kinds[i];
          if (kind === 0) emitPair(items[i] as PairWork);
          else if (kind === 1) emitCsoCreate(items[i] as CreateWork, sharedWith);
          else emitQboCreate(items[i] as CreateWork);
        }
      }
      for (const [primaryKey, children] of sharedChildren) {
        const op = ops.get(`create-qbo:${primaryKey}`);
        for (const { item: child, row } of children) {
          if (!op) {
            const primary = rows.get(primaryKey)!;
            setStatus(row, 'error', null, primary.issue ?? null);
            continue;
          }
          const basis = pickValues(child.typeId, 'cso', child.record);
          const clash = sharedCreateClash(op.csoRefs[0]!.basis, basis);
          if (clash.length > 0) {
            reportSharedClash(op, row, child, clash);
            continue;
          }
          op.csoRefs.push({ typeId: child.typeId, csoId: child.record.id, basis });
          op.rowKeys.push(row.key);
          row.opIds.push(op.id);
          setStatus(row, 'waitingForCreation', 'qbo');
        }
      }
    },
    /**
     * A write taking a name another record gives up in this run waits for that rename; when the
     * rename is not planned, or the two wait for each other (a swap), both stay errors.
     */
    waitForRenames(after: Map<string, string>, side: 'cso' | 'qbo'): void {
      const opOf = (rowKey: string) => ops.get(`create-${side}:${rowKey}`) ?? ops.get(`update-${side}:${rowKey}`);
      for (const [rowKey, renamedRow] of after) {
        const op = opOf(rowKey);
        if (!op) continue;
        const rename = ops.get(`update-${side}:${renamedRow}`);
        const swap = after.get(renamedRow) === rowKey;
        if (rename && !swap) {
          op.dependsOn.push(rename.id);
          continue;
        }
        ops.delete(op.id);
        const other = rows.get(renamedRow);
        setStatus(rows.get(rowKey)!, 'error', null, issues.blocked({ side: other?.csoId ? 'cso' : 'qbo', typeId: other?.typeId ?? op.typeId, id: other?.csoId ?? other?.qboId ?? '', name: other?.name ?? '' }, swap ? 'name, which it swaps with' : 'name, still held by'));
      }
    },
    /** `keptQbo`: QBO records (`Entity:id`) another CStoreOffice record is matched to in this run. */
    emitGone(gone: GoneLink[], keptQbo: ReadonlySet<string>): void {
      for (const { link, cso, qbo } of gone) {
        const rowKey = csoRowKey(link.csoType, link.csoId);
        const unlink = () => addOp({ id: `unlink:${rowKey}`, kind: 'unlink', typeId: link.csoType, csoId: link.csoId, qboId: link.qboId, csoRefs: [{ typeId: link.csoType, csoId: link.csoId, basis: {} }], rowKeys: [] });
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
        const ref: CsoRef = { typeId: link.csoType, csoId: link.csoId, basis: {} };
        const existing = ops.get(id);
        if (existing) {
          existing.csoRefs.push(ref);
          existing.rowKeys.push(rowKey);
        } else addOp({ id, kind: 'deactivate', target: 'qbo', typeId: link.csoType, qboId: link.qboId, csoRefs: [ref], rowKeys: [rowKey] });
        const row = newRow({ key: rowKey, typeId: link.csoType, csoId: link.csoId, qboId: link.qboId, name: qboMatchKey(world, link.csoType, qbo), csoHash: null, qboHash: hashValues(pickValues(link.csoType, 'qbo', qbo)) });
        row.opIds.push(id);
        setStatus(row, 'waitingForDeletion', 'qbo');
        rows.set(rowKey, row);
      }
    },
    /** The plan's ops by id, in the order they were made. */
    finish(): ReadonlyMap<string, PlanOp> {
      finishOps(world, ops, rows, memory, withHashes, options.enabledTypes);
      return ops;
    },
  };
}

/** `list` without repeats (most ops have no or one prerequisite: no Set for those). */
function distinct(list: string[]): string[] {
  return list.length < 2 ? list : [...new Set(list)];
}

/** Levels of a `Parent:Child` key (1 for a top-level name), without splitting it. */
function depthOf(key: string): number {
  let depth = 1;
  for (let i = key.indexOf(':'); i !== -1; i = key.indexOf(':', i + 1)) depth++;
  return depth;
}

function subset(values: RecordValues, fields: string[]): RecordValues {
  const out: RecordValues = {};
  for (const f of fields) out[f] = values[f] ?? null;
  return out;
}

