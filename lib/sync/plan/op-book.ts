/**
 * The plan's ops while planning, and the two things every kind of op needs: adding one (and showing
 * it on its rows) and turning the fields it sends into values in the target's terms. A value naming
 * another record (parent, credit account) makes the op depend on the op giving that record its
 * counterpart; when no op will, the row waits for it as a Synchronization Error instead.
 */
import { type EntityTypeId, ENTITY_TYPES } from '../../entities';
import { hasRefFields, REF_FIELDS } from '../fields';
import { issues } from '../issues';
import { addOpId, setStatus } from '../rows';
import { planValue } from '../translate';
import { type AnyRecord, type CsoRef, isRefValue, type PlanOp, type PlanValue } from '../types';
import { counterpartGone, csoList, linkOf, qboList, type World } from '../world';
import type { OpBook, OpIndex, PlanOptions, RowBook } from './types';

/** The types some field names (accounts, classes, locations): only their records need a producer. */
const NAMED: ReadonlySet<EntityTypeId> = new Set(
  Object.values(REF_FIELDS).flatMap((fields) => Object.values(fields ?? {})),
);

const NONE = Object.freeze({});
const NO_REFS = Object.freeze([]) as unknown as CsoRef[];
const NO_DEPS = Object.freeze([]) as unknown as string[];

const ROLE: Readonly<Record<string, string>> = { parentId: 'parent', creditAccountId: 'credit account' };

export function createOpBook(world: World, options: PlanOptions, rows: RowBook): OpBook {
  const ops = createOpIndex();
  /** By side, type and id: the op giving that record its counterpart ('' when it is linked already). */
  const producers = {
    cso: new Map<EntityTypeId, Map<string, string>>(),
    qbo: new Map<EntityTypeId, Map<string, string>>(),
  };

  const book: OpBook = {
    ops,
    rows,
    options,
    addOp(init, row, asked = true) {
      const op: PlanOp = {
        id: init.id,
        kind: init.kind,
        target: init.target ?? null,
        typeId: init.typeId,
        qboEntity: init.qboEntity ?? ENTITY_TYPES[init.typeId].qboEntity,
        csoId: init.csoId ?? null,
        qboId: init.qboId ?? null,
        values: init.values ?? NONE,
        basis: init.basis ?? NONE,
        basisRevision: init.basisRevision ?? null,
        csoRefs: init.csoRefs ?? NO_REFS,
        snapshots: init.snapshots ?? null,
        rowKeys: init.rowKeys,
        dependsOn: init.dependsOn ?? NO_DEPS,
        level: init.level ?? 0,
      };
      ops.add(op, asked);
      if (row) addOpId(row, op.id);
      else {
        for (const key of op.rowKeys) {
          const keyed = rows.get(key);
          if (keyed) addOpId(keyed, op.id);
        }
      }
      return op;
    },

    valuesFor(typeId, fields, basis, from, deps) {
      // Nothing to translate: the values sent are the basis itself (the plan is read only).
      if (!hasRefFields(typeId)) return { values: basis };
      const values: Record<string, PlanValue> = {};
      for (const f of fields) {
        const value = planValue(options, typeId, f, basis[f] ?? null, from, world);
        const blocked = isRefValue(value)
          ? waitForRecord(value.ref.typeId, value.ref.id, from, ROLE[f] ?? 'parent', deps)
          : checkIncomeAccount(f, value, from);
        if (blocked) return { blocked };
        values[f] = value;
      }
      return { values };
    },

    block(row, issue, typeId, csoId, qboId) {
      setStatus(row, 'error', null, issue);
      if (csoId !== null) producers.cso.get(typeId)?.delete(csoId);
      if (qboId !== null) producers.qbo.get(typeId)?.delete(qboId);
    },

    named: (typeId) => NAMED.has(typeId),

    setProducer(side, typeId, id, opId) {
      if (!NAMED.has(typeId)) return;
      let ofType = producers[side].get(typeId);
      if (!ofType) producers[side].set(typeId, (ofType = new Map()));
      ofType.set(id, opId);
    },
  };

  /** Adds to `deps` what the named record waits for; the issue when nothing will give it a counterpart. */
  function waitForRecord(typeId: EntityTypeId, id: string, from: 'cso' | 'qbo', role: string, deps: string[]) {
    const producer = producers[from].get(typeId)?.get(id);
    if (producer === undefined) {
      const rec = (from === 'cso' ? csoList(world, typeId) : qboList(world, ENTITY_TYPES[typeId].qboEntity)).get(id);
      const named = { side: from, typeId, id, name: rec?.name ?? id };
      return counterpartGone(world, from, typeId, id) ? issues.refDeleted(named, role) : issues.blocked(named, role);
    }
    if (producer) deps.push(producer);
    else if (from === 'cso') {
      // Linked already: QBO refuses a reference to an inactive record, unless this run's update
      // of it reactivates it (any update of it goes first).
      const update = ops.get(`update-qbo:cso:${typeId}:${id}`);
      const inactive = update?.values.active === true ? undefined : inactiveQboTarget(typeId, id);
      if (inactive) return issues.refInactive({ side: 'qbo', typeId, id: inactive.id, name: inactive.name }, role);
      if (update) deps.push(update.id);
    }
    return undefined;
  }

  /** A data type's income account in QBO: none, inactive, or on its way out is no account to post to. */
  function checkIncomeAccount(field: string, value: PlanValue, from: 'cso' | 'qbo') {
    if (field !== 'creditAccountId' || from !== 'cso') return undefined;
    if (value === null) return issues.noIncomeAccount();
    if (typeof value !== 'string') return undefined;
    // The default income account: QBO refuses it inactive, and it is on its way out when its
    // CStoreOffice account was deleted (this plan deactivates it).
    const account = qboList(world, 'Account').get(value);
    const named = { side: 'qbo' as const, typeId: 'account' as const, id: value, name: account?.name ?? value };
    if (account?.active === false) return issues.refInactive(named, 'default income account');
    if (counterpartGone(world, 'qbo', 'account', value)) return issues.defaultAccountLeaving(named);
    return undefined;
  }

  /** The QBO record a linked CStoreOffice record stands for, when QBO holds it inactive. */
  function inactiveQboTarget(typeId: EntityTypeId, csoId: string): AnyRecord | undefined {
    const link = linkOf(world, typeId, csoId);
    const qbo = link ? qboList(world, link.qboEntity).get(link.qboId) : undefined;
    return qbo && !qbo.active ? qbo : undefined;
  }

  return book;
}

/** `list` without repeats, in order (most ops have at most one prerequisite). */
export function distinct(list: string[]): string[] {
  return list.length < 2 ? list : [...new Set(list)];
}

/** See OpIndex (types.ts). */
function createOpIndex(): OpIndex {
  let all: PlanOp[] = [];
  const deleted = new Set<PlanOp>();
  const byId = new Map<string, PlanOp>();
  let complete = false;
  const get = (id: string): PlanOp | undefined => {
    if (byId.has(id) || complete) return byId.get(id);
    for (const op of all) if (!deleted.has(op)) byId.set(op.id, op);
    complete = true;
    return byId.get(id);
  };
  return {
    add(op, asked) {
      all.push(op);
      if (asked || complete) byId.set(op.id, op);
    },
    get,
    has: (id) => get(id) !== undefined,
    delete(id) {
      const op = get(id);
      if (!op) return;
      deleted.add(op);
      byId.delete(id);
    },
    values() {
      if (deleted.size > 0) {
        all = all.filter((op) => !deleted.has(op));
        deleted.clear();
      }
      return all;
    },
  };
}
