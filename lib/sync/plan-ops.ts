/**
 * Turns the analysed pairs, creates and gone links into plan ops. Each op that names another
 * record (parent, credit account) depends on the op producing that record's counterpart; when no
 * op will, the row waits for it as a Synchronization Error instead of sending a doomed request.
 */
import { type EntityTypeId, ENTITY_TYPES, typesInDependencyOrder } from '../entities';
import { comparedFields, hashValues, pickValues } from './fields';
import { issues } from './issues';
import type { GoneLink, Unpaired } from './match';
import type { PlanMemory, PlanOptions } from './plan-build';
import type { PairWork } from './plan-pairs';
import { type CsoRef, isRefValue, type PlanOp, type PlanValue } from './plan-types';
import { addPending, newRow, setStatus, type SyncRow } from './rows';
import { planValue } from './translate';
import { csoRowKey, qboRowKey, type RecordValues } from './types';
import { csoList, linksToQbo, qboList, qboMatchKey, type World } from './world';
import { finishOps } from './plan-finish';

const ROLE: Readonly<Record<string, string>> = { parentId: 'parent', creditAccountId: 'credit account' };

export function createOpsBuilder(world: World, options: PlanOptions, rows: Map<string, SyncRow>, memory: PlanMemory, withHashes: (row: SyncRow) => SyncRow) {
  const ops = new Map<string, PlanOp>();
  /** `side:type:id` → the op giving that record its counterpart ('' when it is linked already). */
  const producers = new Map<string, string>();
  const prod = (side: 'cso' | 'qbo', typeId: EntityTypeId, id: string) => `${side}:${typeId}:${id}`;
  const sharedChildren = new Map<string, Unpaired[]>();

  function addOp(init: Partial<PlanOp> & Pick<PlanOp, 'id' | 'kind' | 'typeId' | 'rowKeys'>): PlanOp {
    const op: PlanOp = { target: null, qboEntity: ENTITY_TYPES[init.typeId].qboEntity, csoId: null, qboId: null, values: {}, basis: {}, basisRevision: null, csoRefs: [], snapshots: null, dependsOn: [], level: 0, ...init };
    ops.set(op.id, op);
    for (const key of op.rowKeys) rows.get(key)?.opIds.push(op.id);
    return op;
  }

  /** Values for `fields` in the target's terms, or the blocking issue when a named record has no counterpart. */
  function valuesFor(typeId: EntityTypeId, fields: string[], source: RecordValues, from: 'cso' | 'qbo', deps: string[]) {
    const values: Record<string, PlanValue> = {};
    for (const f of fields) {
      const value = planValue(options, typeId, f, source[f] ?? null, from, world);
      if (isRefValue(value)) {
        const producer = producers.get(prod(from, value.ref.typeId, value.ref.id));
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

  function block(row: SyncRow, issue: ReturnType<typeof issues.blocked>, unregister: string[]): void {
    setStatus(row, 'error', null, issue);
    for (const key of unregister) producers.delete(key);
  }

  function emitPair(work: PairWork): void {
    const { pair } = work;
    const { typeId } = pair;
    const row = rows.get(work.rowKey)!;
    if (row.status === 'error') return;
    if (work.deleteCso) {
      addOp({ id: `delete:${row.key}`, kind: 'delete', target: 'cso', typeId, csoId: pair.cso.id, qboId: pair.qbo.id, rowKeys: [row.key] });
      setStatus(row, 'waitingForDeletion', 'cso');
      return;
    }
    const deps: string[] = work.refresh ? [`link:${row.key}`] : [];
    const toQbo = valuesFor(typeId, work.toQbo, work.csoValues, 'cso', deps);
    const toCso = valuesFor(typeId, work.toCso, work.qboValues, 'qbo', deps);
    const blocked = toQbo.blocked ?? toCso.blocked;
    if (blocked) return block(row, blocked, [prod('cso', typeId, pair.cso.id), prod('qbo', typeId, pair.qbo.id)]);
    const unique = (list: string[]) => [...new Set(list)];
    if (work.refresh) {
      addOp({ id: `link:${row.key}`, kind: 'link', typeId, csoId: pair.cso.id, qboId: pair.qbo.id, snapshots: work.base, rowKeys: [row.key] });
    }
    if (work.toQbo.length) {
      const basis = subset(work.csoValues, work.toQbo);
      addOp({ id: `update-qbo:${row.key}`, kind: 'update', target: 'qbo', typeId, csoId: pair.cso.id, qboId: pair.qbo.id, values: toQbo.values!, basis, csoRefs: [{ typeId, csoId: pair.cso.id, basis }], dependsOn: unique(deps), rowKeys: [row.key] });
      addPending(row, 'waitingForUpdate', 'qbo');
    }
    if (work.toCso.length) {
      const sharedWrites = linksToQbo(world, ENTITY_TYPES[typeId].qboEntity, pair.qbo.id).map((l) => `update-qbo:${csoRowKey(l.csoType, l.csoId)}`);
      const csoDeps = [...deps, ...sharedWrites.filter((id) => id !== `update-qbo:${row.key}`)];
      addOp({ id: `update-cso:${row.key}`, kind: 'update', target: 'cso', typeId, csoId: pair.cso.id, qboId: pair.qbo.id, values: toCso.values!, basis: subset(work.qboValues, work.toCso), dependsOn: unique(csoDeps), rowKeys: [row.key] });
      addPending(row, 'waitingForUpdate', 'cso');
    }
  }

  function emitCsoCreate(item: Unpaired, sharedWith: Map<string, string>): void {
    const row = rows.get(csoRowKey(item.typeId, item.record.id))!;
    if (row.status === 'error') return;
    const primary = sharedWith.get(row.key);
    if (primary) {
      const list = sharedChildren.get(primary) ?? [];
      sharedChildren.set(primary, [...list, item]);
      return;
    }
    const deps: string[] = [];
    const basis = pickValues(item.typeId, 'cso', item.record);
    const result = valuesFor(item.typeId, [...comparedFields(item.typeId, 'cso')], basis, 'cso', deps);
    if (result.blocked) return block(row, result.blocked, [prod('cso', item.typeId, item.record.id)]);
    addOp({ id: `create-qbo:${row.key}`, kind: 'create', target: 'qbo', typeId: item.typeId, csoId: item.record.id, values: result.values!, basis, csoRefs: [{ typeId: item.typeId, csoId: item.record.id, basis }], dependsOn: [...new Set(deps)], rowKeys: [row.key] });
    setStatus(row, 'waitingForCreation', 'qbo');
  }

  function emitQboCreate(item: Unpaired): void {
    const row = rows.get(qboRowKey(ENTITY_TYPES[item.typeId].qboEntity, item.record.id))!;
    if (row.status === 'error') return;
    const deps: string[] = [];
    const basis = pickValues(item.typeId, 'qbo', item.record);
    const result = valuesFor(item.typeId, [...comparedFields(item.typeId, 'qbo')], basis, 'qbo', deps);
    if (result.blocked) return block(row, result.blocked, [prod('qbo', item.typeId, item.record.id)]);
    addOp({ id: `create-cso:${row.key}`, kind: 'create', target: 'cso', typeId: item.typeId, qboId: item.record.id, values: result.values!, basis, basisRevision: item.record.revision, dependsOn: [...new Set(deps)], rowKeys: [row.key] });
    setStatus(row, 'waitingForCreation', 'cso');
  }

  return {
    registerLinks(): void {
      for (const link of world.links.values()) {
        producers.set(prod('cso', link.csoType, link.csoId), '');
        producers.set(prod('qbo', link.csoType, link.qboId), '');
      }
    },
    registerPair(work: PairWork): void {
      if (!work.fresh) return;
      const id = `link:${work.rowKey}`;
      producers.set(prod('cso', work.pair.typeId, work.pair.cso.id), id);
      producers.set(prod('qbo', work.pair.typeId, work.pair.qbo.id), id);
    },
    registerCsoCreate(item: Unpaired, sharedWith: Map<string, string>): void {
      const rowKey = csoRowKey(item.typeId, item.record.id);
      if (rows.get(rowKey)?.status === 'error') return;
      producers.set(prod('cso', item.typeId, item.record.id), `create-qbo:${sharedWith.get(rowKey) ?? rowKey}`);
    },
    registerQboCreate(item: Unpaired): void {
      const rowKey = qboRowKey(ENTITY_TYPES[item.typeId].qboEntity, item.record.id);
      if (rows.get(rowKey)?.status === 'error') return;
      producers.set(prod('qbo', item.typeId, item.record.id), `create-cso:${rowKey}`);
    },
    /** Accounts before data types, parents before children, so a blocked record blocks its dependants. */
    emitInOrder(pairs: PairWork[], csoOnly: Unpaired[], qboOnly: Unpaired[], sharedWith: Map<string, string>): void {
      const order = new Map(typesInDependencyOrder().map((t, i) => [t, i]));
      const depth = (key: string) => key.split(':').length;
      const work: { type: number; depth: number; run: () => void }[] = [
        ...pairs.map((p) => ({ type: order.get(p.pair.typeId)!, depth: depth(p.csoKey), run: () => emitPair(p) })),
        ...csoOnly.map((c) => ({ type: order.get(c.typeId)!, depth: depth(c.key), run: () => emitCsoCreate(c, sharedWith) })),
        ...qboOnly.map((q) => ({ type: order.get(q.typeId)!, depth: depth(q.key), run: () => emitQboCreate(q) })),
      ];
      work.sort((a, b) => a.type - b.type || a.depth - b.depth);
      for (const w of work) w.run();
      for (const [primaryKey, children] of sharedChildren) {
        const op = ops.get(`create-qbo:${primaryKey}`);
        for (const child of children) {
          const row = rows.get(csoRowKey(child.typeId, child.record.id))!;
          if (!op) {
            const primary = rows.get(primaryKey)!;
            setStatus(row, 'error', null, primary.issue ?? null);
            continue;
          }
          op.csoRefs.push({ typeId: child.typeId, csoId: child.record.id, basis: pickValues(child.typeId, 'cso', child.record) });
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
    finish(): PlanOp[] {
      // A shared vendor's update waits for the other kind's QBO update only when there is one.
      for (const op of ops.values()) if (op.kind === 'update') op.dependsOn = op.dependsOn.filter((d) => !d.startsWith('update-qbo:') || ops.has(d));
      return finishOps(world, ops, rows, memory, withHashes);
    },
  };
}

function subset(values: RecordValues, fields: string[]): RecordValues {
  const out: RecordValues = {};
  for (const f of fields) out[f] = values[f] ?? null;
  return out;
}

