/**
 * Turns the analysed pairs and creates into ops in dependency order. The records that will get a
 * counterpart are registered first; then each record's ops are made accounts before data types,
 * parents before children, so a record whose parent or account cannot be synchronized waits for it.
 */
import { type EntityTypeId, ENTITY_TYPES, PATH_SEPARATOR, typesInDependencyOrder } from '../../entities';
import { issues } from '../issues';
import { setStatus } from '../rows';
import { isLive, type World } from '../world';
import { createCreateOps, emitPair } from './record-ops';
import type { CreateWork, OpBook, PairWork } from './types';

/** `sharedWith`: a vendor's row key → the row whose QBO create it shares. */
export function registerProducers(
  book: OpBook,
  world: World,
  pairs: PairWork[],
  csoCreates: CreateWork[],
  qboCreates: CreateWork[],
  sharedWith: ReadonlyMap<string, string>,
): void {
  // Live links only: a record whose counterpart is gone has nothing for a new record to point to.
  for (const link of world.links.values()) {
    if (!book.named(link.csoType) || !isLive(world, link)) continue;
    book.setProducer('cso', link.csoType, link.csoId, '');
    book.setProducer('qbo', link.csoType, link.qboId, '');
  }
  for (const { fresh, row, rowKey, pair } of pairs) {
    if (!fresh || row.status === 'error') continue;
    book.setProducer('cso', pair.typeId, pair.cso.id, `link:${rowKey}`);
    book.setProducer('qbo', pair.typeId, pair.qbo.id, `link:${rowKey}`);
  }
  for (const { item, row } of csoCreates) {
    if (row.status !== 'error')
      book.setProducer('cso', item.typeId, item.record.id, `create-qbo:${sharedWith.get(row.key) ?? row.key}`);
  }
  for (const { item, row } of qboCreates) {
    if (row.status !== 'error') book.setProducer('qbo', item.typeId, item.record.id, `create-cso:${row.key}`);
  }
}

/** Pairs, then CStoreOffice creates, then QBO creates, each ordered by type and depth (stable). */
export function emitInOrder(
  book: OpBook,
  world: World,
  pairs: PairWork[],
  csoCreates: CreateWork[],
  qboCreates: CreateWork[],
  sharedWith: ReadonlyMap<string, string>,
): void {
  const creates = createCreateOps(book, world);
  const typeOrder = new Map(typesInDependencyOrder().map((t, i) => [t, i]));
  const rankOf = (typeId: EntityTypeId, key: string) =>
    typeOrder.get(typeId)! * MAX_DEPTH + (ENTITY_TYPES[typeId].hierarchical ? key.split(PATH_SEPARATOR).length : 1);
  // The three lists numbered as one: pairs, then CStoreOffice creates, then QBO creates.
  const ranks = [
    ...pairs.map((w) => rankOf(w.pair.typeId, w.csoKey)),
    ...csoCreates.map((c) => rankOf(c.item.typeId, c.item.key)),
    ...qboCreates.map((c) => rankOf(c.item.typeId, c.item.key)),
  ];
  const csoStart = pairs.length;
  const qboStart = csoStart + csoCreates.length;
  for (const i of [...ranks.keys()].sort((a, b) => ranks[a]! - ranks[b]!)) {
    if (i < csoStart) emitPair(book, pairs[i]!);
    else if (i < qboStart) creates.emitCsoCreate(csoCreates[i - csoStart]!, sharedWith);
    else creates.emitQboCreate(qboCreates[i - qboStart]!);
  }
  creates.joinSharedVendors();
}

/** Ranks per type: a deeper key would sort with the next type (no hierarchy comes near it). */
const MAX_DEPTH = 1024;

/**
 * A write taking a name another record gives up in this run waits for that rename; when the
 * rename is not planned, or the two wait for each other (a swap), both stay errors.
 */
export function waitForRenames(book: OpBook, after: ReadonlyMap<string, string>, side: 'cso' | 'qbo'): void {
  const { ops, rows } = book;
  for (const [rowKey, renamedRow] of after) {
    const op = ops.get(`create-${side}:${rowKey}`) ?? ops.get(`update-${side}:${rowKey}`);
    if (!op) continue;
    const rename = ops.get(`update-${side}:${renamedRow}`);
    const swap = after.get(renamedRow) === rowKey;
    if (rename && !swap) {
      op.dependsOn = [...op.dependsOn, rename.id];
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
}
