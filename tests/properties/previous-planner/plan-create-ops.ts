/**
 * The creates: a CStoreOffice record without counterpart becomes a create in QBO, a QBO record a
 * create in CStoreOffice. A price book vendor and an accounting vendor of one new name share one
 * QBO vendor: the second joins the first one's create, unless their values disagree.
 */
import { comparedFields, pickValues } from '../../../lib/sync/fields';
import { issues } from '../../../lib/sync/issues';
import type { Unpaired } from '../../../lib/sync/match';
import type { OpBook } from './plan-op-book';
import { distinct } from './plan-op-book';
import type { PlanOp } from './plan-types';
import { addOpId, setStatus, type SyncRow } from './rows';
import { sharedCreateClash } from '../../../lib/sync/shared-create';
import type { RecordValues } from '../../../lib/sync/types';
import { csoList } from '../../../lib/sync/world';

/** A record to create on the other side, with its row (looked up once, then carried along). */
export interface CreateWork {
  item: Unpaired;
  row: SyncRow;
}

export function createCreateOps(book: OpBook) {
  const { ops, rows, world } = book;
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
    emitCsoCreate(create: CreateWork, sharedWith: Map<string, string>): void {
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
      const result = book.valuesFor(item.typeId, comparedFields(item.typeId, 'cso'), basis, 'cso', deps);
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
        book.producers.wanted(item.typeId) || sharedWith.size > 0,
      );
      setStatus(row, 'waitingForCreation', 'qbo');
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
        book.producers.wanted(item.typeId),
      );
      setStatus(row, 'waitingForCreation', 'cso');
    },

    /** After every create is made: each vendor sharing another's QBO create joins it (or both rows clash). */
    joinSharedVendors(): void {
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
