/**
 * Turns the analysed pairs, creates and gone links into plan ops, in dependency order: the
 * records that will get a counterpart are registered first, then each record's ops are made
 * parents before children, so a record whose parent or account cannot be synchronized waits for it.
 * The ops of each kind are made in their own file (pairs, creates, gone links).
 */
import { type EntityTypeId, ENTITY_TYPES, typesInDependencyOrder } from '../../../lib/entities';
import { issues } from '../../../lib/sync/issues';
import type { AbsenceVerdicts } from '../../../lib/sync/confirm-absence';
import type { GoneLink } from '../../../lib/sync/match';
import type { PlanMemory, PlanOptions } from './plan-options';
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
import { isLive, type World } from '../../../lib/sync/world';

export function createOpsBuilder(world: World, options: PlanOptions, rows: RowBook, memory: PlanMemory) {
  const book = createOpBook(world, options, rows, memory);
  const { ops, producers } = book;
  const creates = createCreateOps(book);

  return {
    /** Live links only: a record whose counterpart is gone has nothing for a new record to point to. */
    registerLinks(): void {
      for (const link of world.links.values()) {
        if (!producers.wanted(link.csoType)) continue;
        if (!isLive(world, link)) continue;
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
    emitInOrder(
      pairs: PairWork[],
      csoCreates: CreateWork[],
      qboCreates: CreateWork[],
      sharedWith: Map<string, string>,
    ): void {
      const order = new Map(typesInDependencyOrder().map((t, i) => [t, i]));
      const rankOf = (typeId: EntityTypeId, key: string) =>
        order.get(typeId)! * MAX_DEPTH + (ENTITY_TYPES[typeId].hierarchical ? depthOf(key) : 1);
      // Pairs, then CStoreOffice creates, then QBO creates, numbered as one list and ordered by one
      // numeric rank (type, depth), stable: a counting sort in typed arrays, no object per item.
      const csoStart = pairs.length;
      const qboStart = csoStart + csoCreates.length;
      const ranks = new Uint32Array(qboStart + qboCreates.length);
      for (let i = 0; i < pairs.length; i++) ranks[i] = rankOf(pairs[i]!.pair.typeId, pairs[i]!.csoKey);
      for (let i = 0; i < csoCreates.length; i++)
        ranks[csoStart + i] = rankOf(csoCreates[i]!.item.typeId, csoCreates[i]!.item.key);
      for (let i = 0; i < qboCreates.length; i++)
        ranks[qboStart + i] = rankOf(qboCreates[i]!.item.typeId, qboCreates[i]!.item.key);
      for (const i of stableOrder(ranks)) {
        if (i < csoStart) emitPair(book, pairs[i]!);
        else if (i < qboStart) creates.emitCsoCreate(csoCreates[i - csoStart]!, sharedWith);
        else creates.emitQboCreate(qboCreates[i - qboStart]!);
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
        const issue = issues.nameHeld(
          {
            side: other?.csoId ? 'cso' : 'qbo',
            typeId: other?.typeId ?? op.typeId,
            id: other?.csoId ?? other?.qboId ?? '',
            name: other?.name ?? '',
          },
          swap,
        );
        // Every row the write was for: a vendor sharing this create waits with it.
        for (const key of new Set([rowKey, ...op.rowKeys])) {
          const row = rows.get(key);
          if (row) setStatus(row, 'error', null, issue);
        }
      }
    },
    /** `keptQbo`: QBO records (`Entity:id`) another CStoreOffice record is matched to in this run. */
    emitGone(gone: GoneLink[], keptQbo: ReadonlySet<string>, absences: AbsenceVerdicts | undefined): void {
      emitGone(book, gone, keptQbo, absences);
    },
    /** The plan's ops by id, in the order they were made. */
    finish(): OpIndex {
      finishOps(world, ops, rows, memory, rows.withHashes, options.enabledTypes);
      return ops;
    },
  };
}

/** Ranks per type: a deeper key would sort with the next type (no hierarchy comes near it). */
const MAX_DEPTH = 1024;

/** The indexes of `ranks` by rank, equal ranks in index order. */
function stableOrder(ranks: Uint32Array): Uint32Array {
  let bound = 0;
  for (const rank of ranks) if (rank >= bound) bound = rank + 1;
  const starts = new Uint32Array(bound + 1);
  for (const rank of ranks) starts[rank + 1]!++;
  for (let r = 1; r <= bound; r++) starts[r]! += starts[r - 1]!;
  const out = new Uint32Array(ranks.length);
  for (let i = 0; i < ranks.length; i++) out[starts[ranks[i]!]!++] = i;
  return out;
}

/** Levels of a `Parent:Child` key (1 for a top-level name), without splitting it. */
function depthOf(key: string): number {
  let depth = 1;
  for (let i = key.indexOf(':'); i !== -1; i = key.indexOf(':', i + 1)) depth++;
  return depth;
}
