/**
 * The manager's decisions in the company's shared list (decision-board.ts) and in this browser's
 * copy (links' ignoredIssue and resolution, the mirror's ignore markers), kept in step:
 * - `adopt`: after a full read the shared list is the truth: links made by hand elsewhere are made
 *   here, each link's ignore and resolution become what the list says, and so do the markers;
 * - `retiredOf`: after a run, the entries it carried out or that expired (a resolution written, a
 *   record changed since it was ignored, a link removed) leave the list;
 * - `localOf`: what this browser decided before the company could share (published at first binding).
 */
import { ENTITY_TYPES, type EntityTypeId } from '../entities';
import { pairLink } from './link-through';
import { recordHashes } from './plan/row-book';
import type { IgnoreMarker } from './ports';
import type { SyncRow } from './rows';
import { csoRowKey, qboRowKey, type Link } from './types';
import { addLink, csoList, linkOf, linksToQbo, qboList, type World } from './world';
import { ignoreKey, pairKey, type SharedDecisions, type SharedIgnore } from './decision-board';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The link a person made by hand to a near match: CStoreOffice's values go to QuickBooks. */
export function manualLink(world: World, typeId: EntityTypeId, csoId: string, qboId: string, at: string): Link | null {
  const cso = csoList(world, typeId).get(csoId);
  const qbo = qboList(world, ENTITY_TYPES[typeId].qboEntity).get(qboId);
  return cso && qbo ? pairLink(typeId, cso, qbo, at, { keep: 'cso', at }) : null;
}

const markerKey = (d: SharedIgnore) =>
  d.side === 'cso' ? csoRowKey(d.type, d.id) : qboRowKey(ENTITY_TYPES[d.type].qboEntity, d.id);

/**
 * Makes the local copy say what the shared list says. Returns the links that changed (to store)
 * and the markers of ignored rows without a link.
 */
export function adopt(world: World, shared: SharedDecisions): { links: Link[]; markers: IgnoreMarker[] } {
  const changed = new Map<string, Link>();
  for (const m of shared.manualLinks) {
    const entity = ENTITY_TYPES[m.type].qboEntity;
    if (linkOf(world, m.type, m.id) || linksToQbo(world, entity, m.qboId).some((l) => l.csoType === m.type)) continue;
    const link = manualLink(world, m.type, m.id, m.qboId, m.at);
    if (!link) continue;
    addLink(world, link);
    changed.set(pairKey(m), link);
  }
  const ignores = new Map(shared.ignores.filter((d) => d.side === 'cso').map((d) => [pairKey(d), d]));
  const resolutions = new Map(shared.resolutions.map((d) => [pairKey(d), d]));
  for (const link of world.links.values()) {
    const key = pairKey({ type: link.csoType, id: link.csoId });
    const ignore = ignores.get(key);
    const ignoredIssue = ignore ? { csoHash: ignore.csoHash, qboHash: ignore.qboHash, at: ignore.at } : null;
    const decided = resolutions.get(key);
    // A first link's merge (no time) is this browser's own; a person's decision is the list's.
    const resolution = decided
      ? { keep: decided.keep, at: decided.at }
      : link.resolution?.at === undefined
        ? link.resolution
        : undefined;
    if (sameJson(ignoredIssue, link.ignoredIssue) && sameJson(resolution, link.resolution)) continue;
    const { resolution: _old, ...rest } = link;
    const next: Link = { ...rest, ignoredIssue, ...(resolution ? { resolution } : {}) };
    addLink(world, next);
    changed.set(key, next);
  }
  const markers = shared.ignores
    .filter((d) => d.side === 'qbo' || !linkOf(world, d.type, d.id))
    .map((d) => ({ rowKey: markerKey(d), csoHash: d.csoHash, qboHash: d.qboHash, at: d.at }));
  return { links: [...changed.values()], markers };
}

/** The entries of `shared` that are done with: carried out, expired, or about a link no longer there. */
export function retiredOf(world: World, shared: SharedDecisions): SharedDecisions {
  return {
    resolutions: shared.resolutions.filter((d) => {
      const r = linkOf(world, d.type, d.id)?.resolution;
      return r?.keep !== d.keep || r.at !== d.at;
    }),
    manualLinks: shared.manualLinks.filter((d) => linkOf(world, d.type, d.id)?.qboId !== d.qboId),
    ignores: shared.ignores.filter((d) => {
      // A record not read stays ignored: a read that says less than the truth retires nothing.
      const now = d.side === 'cso' ? recordHashes(world, d.type, d.id, null) : recordHashes(world, d.type, null, d.id);
      if (!now) return false;
      const linkedSince = d.side === 'qbo' && linksToQbo(world, ENTITY_TYPES[d.type].qboEntity, d.id).length > 0;
      return linkedSince || now.csoHash !== d.csoHash || now.qboHash !== d.qboHash;
    }),
  };
}

/** This browser's decisions, as shared entries (the rows say which record an ignore marker names). */
export function localOf(world: World, markers: readonly IgnoreMarker[], rows: readonly SyncRow[]): SharedDecisions {
  const out: SharedDecisions = { ignores: [], manualLinks: [], resolutions: [] };
  for (const link of world.links.values()) {
    const type = link.csoType;
    if (link.ignoredIssue) out.ignores.push({ type, side: 'cso', id: link.csoId, ...link.ignoredIssue });
    if (link.resolution?.at)
      out.resolutions.push({ type, id: link.csoId, keep: link.resolution.keep, at: link.resolution.at });
  }
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const seen = new Set(out.ignores.map(ignoreKey));
  for (const m of markers) {
    const row = byKey.get(m.rowKey);
    const id = row?.csoId ?? row?.qboId;
    if (!row || !id) continue;
    const entry: SharedIgnore = {
      type: row.typeId,
      side: row.csoId ? 'cso' : 'qbo',
      id,
      csoHash: m.csoHash,
      qboHash: m.qboHash,
      at: m.at,
    };
    if (!seen.has(ignoreKey(entry))) out.ignores.push(entry);
  }
  return out;
}

export const isEmpty = (d: SharedDecisions) =>
  d.ignores.length === 0 && d.manualLinks.length === 0 && d.resolutions.length === 0;
