/**
 * Turns the analysed pairs, creates and gone links into plan ops, in dependency order: the
 * records that will get a counterpart are registered first, then each record's ops are made
 * parents before children, so a record whose parent or account cannot be synchronized waits for it.
 * The ops of each kind are made in their own file (pairs, creates, gone links).
 */
import { type EntityTypeId, ENTITY_TYPES, typesInDependencyOrder } from '../entities';
import { issues } from './issues';
import type { GoneLink } from './match';
import type { PlanMemory, PlanOptions } from './plan-build';
import { createCreateOps, type CreateWork } from './plan-create-ops';
import { finishOps } from './plan-finish';
import { emitGone } from './plan-gone-ops';
import { createOpBook } from './plan-op-book';
import { emitPair } from './plan-pair-ops';
import type { PairWork } from './plan-pairs';
import type { OpIndex } from './plan-op-index';
import { addDependency } from './plan-types';
import type { RowBook } from './plan-rows';
import { setStatus } from './rows';
import type { World } from './world';

export type { CreateWork } from './plan-create-ops';

export function createOpsBuilder(world: World, options: PlanOptions, rows: RowBook, memory: PlanMemory) {
  const book = createOpBook(world, options, rows, memory);
  const { ops, producers } = book;
  const creates = createCreateOps(book);

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
          if (kind === 0) emitPair(book, items[i] as PairWork);
          else if (kind === 1) creates.emitCsoCreate(items[i] as CreateWork, sharedWith);
          else creates.emitQboCreate(items[i] as CreateWork);
        }
      }
      creates.joinSharedVendors();
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
          addDependency(op, rename.id);
          continue;
        }
        ops.delete(op.id);
        const other = rows.get(renamedRow);
        setStatus(rows.get(rowKey)!, 'error', null, issues.blocked({ side: other?.csoId ? 'cso' : 'qbo', typeId: other?.typeId ?? op.typeId, id: other?.csoId ?? other?.qboId ?? '', name: other?.name ?? '' }, swap ? 'name, which it swaps with' : 'name, still held by'));
      }
    },
    /** `keptQbo`: QBO records (`Entity:id`) another CStoreOffice record is matched to in this run. */
    emitGone(gone: GoneLink[], keptQbo: ReadonlySet<string>): void {
      emitGone(book, gone, keptQbo);
    },
    /** The plan's ops by id, in the order they were made. */
    finish(): OpIndex {
      finishOps(world, ops, rows, memory, rows.withHashes, options.enabledTypes);
      return ops;
    },
  };
}

/** Levels of a `Parent:Child` key (1 for a top-level name), without splitting it. */
function depthOf(key: string): number {
  let depth = 1;
  for (let i = key.indexOf(':'); i !== -1; i = key.indexOf(':', i + 1)) depth++;
  return depth;
}
