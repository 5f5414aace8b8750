/**
 * Keeping CStoreOffice's links and the local cache in step (link-mirror.ts):
 * - after every read, a CStoreOffice record that holds a link the cache lacks (or holds another
 *   one) gets it back, so a fresh browser profile sees what another one linked instead of matching
 *   everything again, and a cache learns of a link another browser changed;
 * - after every run, each cached link CStoreOffice does not hold is written to it, and each link
 *   CStoreOffice holds without a cached one (unlinked, or its QBO record is gone) is cleared. This
 *   also finishes a run killed between a QBO create and its link write: the create's link is cached
 *   as soon as the create succeeds (or is replayed on resume), and the next run writes it through.
 */
import { ENTITY_TYPES, type EntityTypeId } from '../entities';
import { pickValues } from './fields';
import type { LinkMirror, LinkWrite } from './link-mirror';
import { snapshotOf } from './plan/pairs';
import type { SyncPorts } from './ports';
import type { AnyRecord, Link, Resolution, RunWrite } from './types';
import { addLink, csoList, linkOf, linkOfSide, putCso, qboList, removeLink, type World } from './world';

/** Whether a pair agrees in every field now (plan/first-link.ts), so its link needs no merge. */
export type PairAgrees = (typeId: EntityTypeId, cso: AnyRecord, qbo: AnyRecord) => boolean;

/** Rebuilds the cached links CStoreOffice holds; returns how many were rebuilt. */
export async function rebuildLinks(world: World, ports: SyncPorts, now: string, agrees?: PairAgrees): Promise<number> {
  if (!ports.linkMirror) return 0;
  const rebuilt: Link[] = [];
  for (const [typeId, records] of world.cso) {
    const entity = ENTITY_TYPES[typeId].qboEntity;
    for (const cso of records.values()) {
      const qboId = cso.qboLink;
      const held = linkOf(world, typeId, cso.id);
      if (typeof qboId !== 'string' || held?.qboId === qboId) continue;
      const qbo = qboList(world, entity).get(qboId);
      // A link to a record no longer read, or one another record of the type already holds, is stale.
      if (!qbo || linkOfSide(world, 'qbo', typeId, qboId)) continue;
      // Another browser linked the record elsewhere since this cache learnt it: CStoreOffice's link
      // is the record of truth. (A link it holds none of is this browser's, not yet written through.)
      if (held) removeLink(world, typeId, cso.id);
      // No snapshot survives in CStoreOffice: as for a first link (DESIGN), a pair that agrees is
      // simply linked (so a later edit on each side is a conflict, as in the browser that linked
      // it), and one that differs is merged with CStoreOffice's values winning.
      const link = pairLink(typeId, cso, qbo, now, agrees?.(typeId, cso, qbo) ? undefined : { keep: 'merge' });
      addLink(world, link);
      rebuilt.push(link);
    }
  }
  if (rebuilt.length) await ports.links.put(rebuilt);
  return rebuilt.length;
}

/** A new link between two records, with their values as its snapshots. */
export function pairLink(
  typeId: EntityTypeId,
  cso: AnyRecord,
  qbo: AnyRecord,
  linkedAt: string,
  resolution?: Resolution,
): Link {
  return {
    csoType: typeId,
    csoId: cso.id,
    qboEntity: ENTITY_TYPES[typeId].qboEntity,
    qboId: qbo.id,
    cso: snapshotOf(cso.revision, pickValues(typeId, 'cso', cso)),
    qbo: snapshotOf(qbo.revision, pickValues(typeId, 'qbo', qbo)),
    ignoredIssue: null,
    linkedAt,
    ...(resolution ? { resolution } : {}),
  };
}

/** The link writes that bring CStoreOffice in step with the cache. */
function linkWritesOf(world: World): LinkWrite[] {
  const writes: LinkWrite[] = [];
  for (const [list, records] of world.cso) {
    for (const cso of records.values()) {
      if (cso.qboLink === undefined) continue;
      const wanted = linkOf(world, list, cso.id)?.qboId ?? null;
      if (cso.qboLink !== wanted) writes.push({ list, id: cso.id, revision: cso.revision, qboId: wanted });
    }
  }
  return writes;
}

/**
 * Writes the links through; the new versions go into the mirror and the snapshots, so no edit is
 * seen, and into the run's writes, so Undo does not take the link write for someone's change.
 */
export async function writeLinksThrough(world: World, ports: SyncPorts, runWrites: RunWrite[] = []): Promise<number> {
  const moved = new Map<string, { from: string; to: string }>();
  const done = await applyLinkWrites(world, ports, linkWritesOf(world), (w, to) =>
    moved.set(`${w.list}:${w.id}`, { from: w.revision, to }),
  );
  for (const w of runWrites) {
    const move = w.side === 'cso' ? moved.get(`${w.list}:${w.id}`) : undefined;
    if (move && move.from === w.revision) w.revision = move.to;
  }
  return done;
}

/** Undo: the records its created links named are read afresh, and CStoreOffice forgets those links. */
export async function clearHeldLinksOf(
  ports: SyncPorts,
  keys: readonly { csoType: EntityTypeId; csoId: string }[],
): Promise<void> {
  if (!ports.linkMirror || keys.length === 0) return;
  const writes: LinkWrite[] = [];
  for (const { csoType, csoId } of keys) {
    const write = clearingWrite(csoType, (await ports.cso.get(csoType, csoId)) as AnyRecord | null);
    if (write) writes.push(write);
  }
  if (writes.length && (await ports.linkMirror.ready())) await ports.linkMirror.write(writes);
}

/**
 * Remove Link and Clear Sync History: CStoreOffice forgets these records' links first, so the next
 * read does not bring them back. Call before the cached links are dropped.
 */
export async function clearHeldLinks(
  world: World,
  ports: SyncPorts,
  keys: readonly { csoType: EntityTypeId; csoId: string }[],
): Promise<number> {
  const writes: LinkWrite[] = [];
  for (const { csoType, csoId } of keys) {
    const write = clearingWrite(csoType, csoList(world, csoType).get(csoId));
    if (write) writes.push(write);
  }
  return applyLinkWrites(world, ports, writes);
}

/** The write that makes CStoreOffice forget a record's link; none when it holds none. */
function clearingWrite(list: EntityTypeId, record: AnyRecord | null | undefined): LinkWrite | null {
  return typeof record?.qboLink === 'string' ? { list, id: record.id, revision: record.revision, qboId: null } : null;
}

async function applyLinkWrites(
  world: World,
  ports: SyncPorts,
  writes: LinkWrite[],
  onMoved?: (write: LinkWrite, revision: string) => void,
): Promise<number> {
  const mirror: LinkMirror | undefined = ports.linkMirror;
  if (!mirror || writes.length === 0 || !(await mirror.ready())) return 0;
  const results = await mirror.write(writes);
  const records = new Map<EntityTypeId, AnyRecord[]>();
  const links: Link[] = [];
  writes.forEach((w, i) => {
    const result = results[i]!;
    const old = csoList(world, w.list).get(w.id);
    if (!result.ok || !old) return;
    const record: AnyRecord = { ...old, revision: result.revision, updatedAt: result.updatedAt, qboLink: w.qboId };
    putCso(world, w.list, record);
    onMoved?.(w, result.revision);
    const put = records.get(w.list);
    if (put) put.push(record);
    else records.set(w.list, [record]);
    // The link write is not an edit: the snapshot moves to the new version with the same values.
    const link = linkOf(world, w.list, w.id);
    if (link?.cso.revision === old.revision) {
      const moved = { ...link, cso: { ...link.cso, revision: result.revision } };
      addLink(world, moved);
      links.push(moved);
    }
  });
  for (const [list, put] of records) await ports.state.putRecords('cso', list, put);
  if (links.length) await ports.links.put(links);
  return results.filter((r) => r.ok).length;
}
