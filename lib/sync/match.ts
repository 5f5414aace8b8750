/**
 * Pairs records across the sides: existing links first, then unlinked records by exact match key
 * (full path for hierarchical types). QBO candidates include inactive records. A key that differs
 * only by case or spacing is a near match, reported for the user to link, never created blindly;
 * several candidates for one key are reported for review, never guessed.
 */
import { type EntityTypeId, ENTITY_TYPES, QBO_ENTITY_NAMES, type QboEntityName, typesStoredAs } from '../entities';
import { type AnyRecord, type Link, linkKey, qboKey } from './types';
import { csoKey, csoList, linksToQbo, nearKey, qboList, qboMatchKey, type World } from './world';

import { findAccountTwin, type TwinReason } from './match-accounts';
import type { MatchOptions, MatchResult, OtherRecord } from './match-types';

export type { GoneLink, MatchOptions, MatchResult, Pair, Unpaired } from './match-types';

export function matchRecords(world: World, options: MatchOptions): MatchResult {
  const result: MatchResult = { pairs: [], gone: [], csoOnly: [], qboOnly: [], problems: [] };
  for (const link of world.links.values()) {
    const cso = csoList(world, link.csoType).get(link.csoId);
    const qbo = qboList(world, link.qboEntity).get(link.qboId);
    if (cso && qbo) result.pairs.push({ typeId: link.csoType, cso, qbo, link });
    else result.gone.push({ link, cso, qbo });
  }
  for (const entity of QBO_ENTITY_NAMES) matchEntity(world, entity, options, result);
  return result;
}

function matchEntity(world: World, entity: QboEntityName, options: MatchOptions, result: MatchResult): void {
  // QBO records already paired or reported, by object (one per record in the world: no id hashing).
  const involved = new Set<AnyRecord>();
  for (const typeId of typesStoredAs(entity)) matchType(world, typeId, result, involved);
  const createAs = entity === 'Vendor' ? options.qboOnlyVendorType : typesStoredAs(entity)[0];
  if (!createAs) return;
  for (const record of qboList(world, entity).values()) {
    if (
      !record.active ||
      involved.has(record) ||
      (world.linksByQbo.size > 0 && linksToQbo(world, entity, record.id).length > 0)
    )
      continue;
    result.qboOnly.push({ typeId: createAs, record, key: qboMatchKey(world, createAs, record) });
  }
}

/** One exact key's records on both sides; one record is stored bare, several as an array (no array per record). */
interface Slot {
  key: string;
  qbo: AnyRecord | AnyRecord[] | undefined;
  cso: AnyRecord | AnyRecord[] | undefined;
}

function matchType(world: World, typeId: EntityTypeId, result: MatchResult, involved: Set<AnyRecord>): void {
  const entity = ENTITY_TYPES[typeId].qboEntity;
  const csoRecords = csoList(world, typeId);
  // Both sides by exact key in one Map: a CStoreOffice record finds its candidates with the look-up that files it.
  const byKey = new Map<string, Slot>();
  const candidates: AnyRecord[] = [];
  for (const record of qboList(world, entity).values()) {
    // A QBO vendor already linked to the other vendor kind is still a candidate: the kinds share it.
    // A link whose CStoreOffice record is gone does not hold the QBO record: a new record may take it.
    const links = world.linksByQbo.size > 0 ? world.linksByQbo.get(qboKey(entity, record.id)) : undefined;
    if (links && heldBy(world, links, typeId, entity)) continue;
    candidates.push(record);
    const key = qboMatchKey(world, typeId, record);
    const slot = byKey.get(key);
    if (slot) slot.qbo = join(slot.qbo, record);
    else byKey.set(key, { key, qbo: record, cso: undefined });
  }
  // The keys CStoreOffice records hold, in the order each first appears (pairs are made in that order).
  const csoSlots: Slot[] = [];
  const anyLinks = world.links.size > 0;
  for (const record of csoRecords.values()) {
    if (anyLinks && world.links.has(linkKey(typeId, record.id))) continue;
    const key = csoKey(world, typeId, record);
    let slot = byKey.get(key);
    if (!slot) byKey.set(key, (slot = { key, qbo: undefined, cso: undefined }));
    if (slot.cso === undefined) csoSlots.push(slot);
    slot.cso = join(slot.cso, record);
  }

  // Exact keys first, so a near match never takes a QBO record another entity matches exactly.
  const rest: [string, AnyRecord][] = [];
  for (const { key, qbo: found, cso } of csoSlots) {
    const entry = cso!;
    const single = entry instanceof Array ? undefined : entry;
    const chosen = found === undefined ? undefined : found instanceof Array ? onlyActive(found) : found;
    if (single && chosen) {
      result.pairs.push({ typeId, cso: single, qbo: chosen, link: null });
      involved.add(chosen);
    } else if (!single || found instanceof Array) {
      reportAmbiguous(typeId, asList(entry), asList(found), result, involved);
    } else {
      rest.push([key, single]);
    }
  }
  if (rest.length === 0) return;
  // Near keys only for what is left on both sides (normalising a name is the costly part).
  const near = new Map<string, AnyRecord | AnyRecord[]>();
  for (const record of candidates)
    if (!involved.has(record)) add(near, nearKey(qboMatchKey(world, typeId, record)), record);
  const twins: [string, AnyRecord][] = [];
  for (const [key, record] of rest) {
    const nears = near.size === 0 ? [] : asList(near.get(nearKey(key))).filter((r) => !involved.has(r));
    if (nears.length > 0) reportNear(typeId, record, nears, result, involved);
    else if (typeId === 'account') twins.push([key, record]);
    else result.csoOnly.push({ typeId, record, key });
  }
  // After every name has taken its match: an account number or ledger role only offers a link.
  for (const [key, record] of twins) {
    const twin = findAccountTwin(record, candidates, involved);
    if (twin) reportNear(typeId, record, [twin.record], result, involved, twin.why);
    else result.csoOnly.push({ typeId, record, key });
  }
}

/**
 * True when live links keep this QBO record from matching `typeId` again. A vendor the other vendor
 * kind links is shared only under the name it keeps: when that record was renamed in CStoreOffice
 * since the link, this run renames the vendor away, and its old name is free for a new vendor
 * (see names.ts: a create taking a name that a rename gives up waits for the rename).
 */
function heldBy(world: World, links: readonly Link[], typeId: EntityTypeId, entity: QboEntityName): boolean {
  for (const l of links) {
    const cso = csoList(world, l.csoType).get(l.csoId);
    if (!cso) continue;
    if (l.csoType === typeId || entity !== 'Vendor' || cso.name !== l.cso.values.name) return true;
  }
  return false;
}

/** One exact candidate, or the only active one among several (a match reactivates an inactive one). */
function onlyActive(records: AnyRecord[]): AnyRecord | undefined {
  let active: AnyRecord | undefined;
  for (const r of records) {
    if (!r.active) continue;
    if (active) return undefined;
    active = r;
  }
  return active;
}

function asList(entry: AnyRecord | AnyRecord[] | undefined): AnyRecord[] {
  return entry === undefined ? [] : entry instanceof Array ? entry : [entry];
}

function add(map: Map<string, AnyRecord | AnyRecord[]>, key: string, record: AnyRecord): void {
  const entry = map.get(key);
  if (entry === undefined) map.set(key, record);
  else if (entry instanceof Array) entry.push(record);
  else map.set(key, [entry, record]);
}

/** `entry` with `record` added: the record alone, or an array once there are several. */
function join(entry: AnyRecord | AnyRecord[] | undefined, record: AnyRecord): AnyRecord | AnyRecord[] {
  if (entry === undefined) return record;
  if (entry instanceof Array) {
    entry.push(record);
    return entry;
  }
  return [entry, record];
}

function reportAmbiguous(
  typeId: EntityTypeId,
  csoRecords: AnyRecord[],
  candidates: AnyRecord[],
  result: MatchResult,
  involved: Set<AnyRecord>,
): void {
  const others = [...csoRecords.map((r) => other('cso', typeId, r)), ...candidates.map((r) => other('qbo', typeId, r))];
  for (const record of csoRecords) {
    result.problems.push({
      typeId,
      side: 'cso',
      record,
      code: 'ambiguous',
      others: others.filter((o) => o.id !== record.id || o.side !== 'cso'),
    });
  }
  for (const record of candidates) {
    involved.add(record);
    if (!record.active) continue;
    result.problems.push({
      typeId,
      side: 'qbo',
      record,
      code: 'ambiguous',
      others: others.filter((o) => o.id !== record.id || o.side !== 'qbo'),
    });
  }
}

function reportNear(
  typeId: EntityTypeId,
  record: AnyRecord,
  nears: AnyRecord[],
  result: MatchResult,
  involved: Set<AnyRecord>,
  twin?: TwinReason,
): void {
  const code = nears.length === 1 ? 'nearMatch' : 'ambiguous';
  const why = twin ? { twin } : {};
  result.problems.push({
    typeId,
    side: 'cso',
    record,
    code,
    others: nears.map((r) => other('qbo', typeId, r)),
    ...why,
  });
  for (const near of nears) {
    involved.add(near);
    if (!near.active) continue;
    result.problems.push({ typeId, side: 'qbo', record: near, code, others: [other('cso', typeId, record)], ...why });
  }
}

function other(side: 'cso' | 'qbo', typeId: EntityTypeId, record: AnyRecord): OtherRecord {
  return { side, typeId, id: record.id, name: record.name, active: record.active };
}
