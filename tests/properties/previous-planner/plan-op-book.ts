/**
 * The plan's ops while planning, and the two things every kind of op needs: adding one (and showing
 * it on its rows) and turning the fields it sends into values in the target's terms. A value naming
 * another record (parent, credit account) makes the op depend on the op giving that record its
 * counterpart; when no op will, the row waits for it as a Synchronization Error instead.
 */
import { type EntityTypeId, ENTITY_TYPES } from '../../../lib/entities';
import { hasRefFields } from '../../../lib/sync/fields';
import { issues, type RowIssue } from '../../../lib/sync/issues';
import type { PlanMemory, PlanOptions } from './plan-options';
import { createOpIndex } from './plan-op-index';
import { createProducers } from './plan-producers';
import type { RowBook } from './plan-rows';
import { isRefValue, NO_DEPS, NO_REFS, NO_VALUES, type PlanOp, type PlanValue } from './plan-types';
import { addOpId, setStatus, type SyncRow } from './rows';
import { planValue } from '../../../lib/sync/translate';
import type { AnyRecord, RecordValues } from '../../../lib/sync/types';
import { counterpartGone, csoList, linkOf, qboList, type World } from '../../../lib/sync/world';

const ROLE: Readonly<Record<string, string>> = {
  parentId: 'parent',
  creditAccountId: 'credit account',
  debitAccountId: 'debit account',
};
const NOTHING = Object.freeze({});

export type OpBook = ReturnType<typeof createOpBook>;

export function createOpBook(world: World, options: PlanOptions, rows: RowBook, memory: PlanMemory) {
  const ops = createOpIndex();
  const producers = createProducers();

  /**
   * `row`: the op's only row, when the caller holds it (no look-up by key). `asked`: other ops may
   * wait for this one or it may be looked up by id (see plan-op-index: a hint, answers stay exact).
   */
  function addOp(
    init: Partial<PlanOp> & Pick<PlanOp, 'id' | 'kind' | 'typeId' | 'rowKeys'>,
    row?: SyncRow,
    asked = true,
  ): PlanOp {
    // Every field written out (no spread): one shape for every op, and no copy per op.
    const op: PlanOp = {
      id: init.id,
      kind: init.kind,
      target: init.target ?? null,
      typeId: init.typeId,
      qboEntity: init.qboEntity ?? ENTITY_TYPES[init.typeId].qboEntity,
      csoId: init.csoId ?? null,
      qboId: init.qboId ?? null,
      values: init.values ?? NO_VALUES,
      basis: init.basis ?? NO_VALUES,
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
  }

  /**
   * Values for `fields` in the target's terms, or the blocking issue when a named record has no
   * counterpart. `basis`: the source's values of exactly `fields` (the op's basis). A type whose
   * fields name no other record has nothing to translate: its values are that same object (read
   * only, like the whole plan), not a copy per op.
   */
  function valuesFor(
    typeId: EntityTypeId,
    fields: readonly string[],
    basis: RecordValues,
    from: 'cso' | 'qbo',
    deps: string[],
  ): { values?: Record<string, PlanValue>; blocked?: RowIssue } {
    // Nothing to send that way (most pairs): no object; the caller makes no op for it.
    if (fields.length === 0) return NOTHING;
    if (!hasRefFields(typeId)) return { values: basis };
    const values: Record<string, PlanValue> = {};
    for (const f of fields) {
      const value = planValue(options, typeId, f, basis[f] ?? null, from, world);
      if (isRefValue(value)) {
        const producer = producers.get(from, value.ref.typeId, value.ref.id);
        if (producer === undefined) {
          const rec = (
            from === 'cso' ? csoList(world, value.ref.typeId) : qboList(world, ENTITY_TYPES[value.ref.typeId].qboEntity)
          ).get(value.ref.id);
          const named = { side: from, typeId: value.ref.typeId, id: value.ref.id, name: rec?.name ?? value.ref.id };
          const role = ROLE[f] ?? 'parent';
          return {
            blocked: counterpartGone(world, from, value.ref.typeId, value.ref.id)
              ? issues.refDeleted(named, role)
              : issues.blocked(named, role),
          };
        }
        if (producer) deps.push(producer);
        else if (from === 'cso') {
          // Linked already: QBO refuses a reference to an inactive record, unless this run's update
          // of it reactivates it (any update of it goes first).
          const update = ops.get(`update-qbo:cso:${value.ref.typeId}:${value.ref.id}`);
          const inactive =
            update?.values.active === true ? undefined : inactiveQboTarget(value.ref.typeId, value.ref.id);
          if (inactive)
            return {
              blocked: issues.refInactive(
                { side: 'qbo', typeId: value.ref.typeId, id: inactive.id, name: inactive.name },
                ROLE[f] ?? 'parent',
              ),
            };
          if (update) deps.push(update.id);
        }
      } else if (f === 'creditAccountId' && value === null && from === 'cso') {
        return { blocked: issues.noIncomeAccount() };
      } else if (f === 'creditAccountId' && from === 'cso' && typeof value === 'string') {
        // The default income account: QBO refuses it inactive, and it is on its way out when its
        // CStoreOffice account was deleted (this plan deactivates it).
        const account = qboList(world, 'Account').get(value);
        const named = { side: 'qbo' as const, typeId: 'account' as const, id: value, name: account?.name ?? value };
        if (account?.active === false) return { blocked: issues.refInactive(named, 'default income account') };
        if (counterpartGone(world, 'qbo', 'account', value)) return { blocked: issues.defaultAccountLeaving(named) };
      }
      values[f] = value;
    }
    return { values };
  }

  /** The QBO record a linked CStoreOffice record stands for, when QBO holds it inactive. */
  function inactiveQboTarget(typeId: EntityTypeId, csoId: string): AnyRecord | undefined {
    const link = linkOf(world, typeId, csoId);
    const qbo = link ? qboList(world, link.qboEntity).get(link.qboId) : undefined;
    return qbo && !qbo.active ? qbo : undefined;
  }

  /** `cso`/`qbo`: the ids of `typeId` that no longer get a counterpart. */
  function block(row: SyncRow, issue: RowIssue, typeId: EntityTypeId, cso: string | null, qbo: string | null): void {
    setStatus(row, 'error', null, issue);
    if (cso !== null) producers.delete('cso', typeId, cso);
    if (qbo !== null) producers.delete('qbo', typeId, qbo);
  }

  return { world, options, rows, memory, ops, producers, addOp, valuesFor, block };
}

/** `list` without repeats (most ops have no or one prerequisite: no Set for those, and no list for none). */
export function distinct(list: string[]): string[] {
  if (list.length === 0) return NO_DEPS;
  return list.length < 2 ? list : [...new Set(list)];
}
