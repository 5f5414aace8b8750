/**
 * Predicts the name refusals a write would meet, so they become table rows instead of requests:
 * QBO refuses a name another record of the list already holds (letter case and spacing ignored,
 * inactive records included, except deactivated accounts whose name QBO frees with ` (deleted)`),
 * and customers, vendors and employees share one list of names. CStoreOffice refuses a name
 * another record of the same type holds exactly, even under another parent.
 */
import { type EntityTypeId, ENTITY_TYPES, type QboEntityName, typesStoredAs } from '../entities';
import { issues, type IssueRef, type RowIssue, what } from './issues';
import type { SyncRow } from './rows';
import type { AnyRecord } from './types';
import { nearKey, qboMatchKey, type World } from './world';

export interface NameClaim {
  row: SyncRow;
  typeId: EntityTypeId;
  /** The claiming side and its record (for the words of a duplicate: see `sourceOf`). */
  side: 'cso' | 'qbo';
  record: AnyRecord;
  /** The name (leaf, the record's) and match key the target side would hold. */
  name: string;
  key: string;
  /** The target side's own record, for a rename (it does not collide with itself). */
  ownId: string | null;
  /** A create (two vendor kinds creating one exact name share one QBO vendor). */
  create: boolean;
}

export interface ClaimCheck {
  issues: Map<SyncRow, RowIssue>;
  /** Row key of a vendor create that shares the QBO vendor created for another row. */
  sharedWith: Map<string, string>;
  /** A create that takes a name another record gives up in this run: it waits for that rename (row key). */
  after: Map<string, string>;
}

interface Holder {
  entity: QboEntityName | 'Employee' | 'Item';
  typeId: EntityTypeId | null;
  id: string;
  name: string;
}

/** The claiming record, in the words of an issue (made only for an issue, not per claim). */
function sourceOf(claim: NameClaim): IssueRef {
  return { side: claim.side, typeId: claim.typeId, id: claim.record.id, name: claim.record.name };
}

const ENTITY_WORDS: Readonly<Record<string, string>> = { Customer: 'customer', Vendor: 'vendor', Employee: 'employee' };

/** The QBO list whose names a type's name must not repeat (customers and vendors share one). */
function namespaceOf(typeId: EntityTypeId): string {
  const type = ENTITY_TYPES[typeId];
  return type.sharesDisplayNameNamespace ? 'DisplayName' : type.qboEntity;
}

function qboGroup(typeId: EntityTypeId, key: string): string {
  return `${namespaceOf(typeId)}|${nearKey(key)}`;
}

/**
 * The QBO records (and reserved names) holding each claimed group's name. Only the claimed groups
 * are indexed: a record is looked up by namespace and near key, and a holder made only on a hit.
 */
function qboHolders(world: World, claimed: ReadonlyMap<string, NameClaim[]>): Map<string, Holder[]> {
  const wanted = new Map<string, Set<string>>();
  for (const list of claimed.values()) {
    const claim = list[0]!;
    const namespace = namespaceOf(claim.typeId);
    let nears = wanted.get(namespace);
    if (!nears) wanted.set(namespace, (nears = new Set()));
    nears.add(nearKey(claim.key));
  }
  const index = new Map<string, Holder[]>();
  const add = (namespace: string, near: string, holder: Holder) => {
    const group = `${namespace}|${near}`;
    const list = index.get(group);
    if (list) list.push(holder);
    else index.set(group, [holder]);
  };
  for (const [entity, records] of world.qbo) {
    const typeId = typesStoredAs(entity)[0];
    if (!typeId) continue;
    const namespace = namespaceOf(typeId);
    const nears = wanted.get(namespace);
    if (!nears) continue;
    for (const record of records.values()) {
      if (entity === 'Account' && !record.active) continue;
      const near = nearKey(qboMatchKey(world, typeId, record));
      if (nears.has(near)) add(namespace, near, { entity, typeId, id: record.id, name: record.name });
    }
  }
  for (const r of world.reserved) {
    const namespace = r.entity === 'Employee' ? 'DisplayName' : 'Item';
    const near = nearKey(r.name);
    if (wanted.get(namespace)?.has(near)) add(namespace, near, { entity: r.entity, typeId: null, id: r.id, name: r.name });
  }
  return index;
}

/** Checks creates and renames toward QBO against QBO's names and against each other. */
export function checkQboClaims(world: World, claims: NameClaim[]): ClaimCheck {
  const out: ClaimCheck = { issues: new Map(), sharedWith: new Map(), after: new Map() };
  if (claims.length === 0) return out;
  const groups = groupBy(claims, (c) => qboGroup(c.typeId, c.key));
  const holders = qboHolders(world, groups);
  // Records renamed in this run give up their current name once the rename is done.
  const leaving = new Map(claims.filter((c) => c.ownId !== null).map((c) => [`${ENTITY_TYPES[c.typeId].qboEntity}:${c.ownId}`, c]));
  for (const [group, list] of groups) {
    const [first, second] = list;
    if (list.length === 2 && first && second && sharesVendor(first, second)) {
      out.sharedWith.set(second.row.key, first.row.key);
    } else if (list.length > 1) {
      for (const claim of list) {
        const rivals = list.filter((c) => c !== claim);
        const crossKind = rivals.some((r) => ENTITY_TYPES[r.typeId].qboEntity !== ENTITY_TYPES[claim.typeId].qboEntity);
        out.issues.set(claim.row, crossKind ? issues.namespaceCollision(claim.name, rivals.map((r) => `the ${what(r.typeId)} “${r.name}” in CStoreOffice`)) : issues.duplicateName(sourceOf(rivals[0]!)));
      }
      continue;
    }
    for (const claim of list) {
      let taken = (holders.get(group) ?? []).filter((h) => h.id !== claim.ownId || h.entity !== ENTITY_TYPES[claim.typeId].qboEntity);
      const away = taken.length === 1 ? leaving.get(`${taken[0]!.entity}:${taken[0]!.id}`) : undefined;
      if (away && qboGroup(away.typeId, away.key) !== group) {
        out.after.set(claim.row.key, away.row.key);
        taken = [];
      }
      const holder = taken[0];
      if (!holder) continue;
      if (holder.entity === ENTITY_TYPES[claim.typeId].qboEntity && holder.typeId) {
        out.issues.set(claim.row, issues.nameTaken({ side: 'qbo', typeId: holder.typeId, id: holder.id, name: holder.name }));
      } else {
        const words = taken.map((h) => `the ${ENTITY_WORDS[h.entity] ?? 'item'} “${h.name}” in QuickBooks`);
        out.issues.set(claim.row, issues.namespaceCollision(claim.name, words));
      }
    }
  }
  return out;
}

function sharesVendor(a: NameClaim, b: NameClaim): boolean {
  return a.create && b.create && a.name === b.name && a.typeId !== b.typeId && ENTITY_TYPES[a.typeId].qboEntity === 'Vendor' && ENTITY_TYPES[b.typeId].qboEntity === 'Vendor';
}

/** Checks creates and renames toward CStoreOffice: names are unique per type, exactly. */
export function checkCsoClaims(world: World, claims: NameClaim[]): ClaimCheck {
  const out: ClaimCheck = { issues: new Map(), sharedWith: new Map(), after: new Map() };
  if (claims.length === 0) return out;
  const leaving = new Map(claims.filter((c) => c.ownId !== null).map((c) => [`${c.typeId}:${c.ownId}`, c]));
  // Names held per type, only the names claimed (one Map per type, no composite keys).
  const claimedNames = new Map<EntityTypeId, Set<string>>();
  for (const claim of claims) {
    let names = claimedNames.get(claim.typeId);
    if (!names) claimedNames.set(claim.typeId, (names = new Set()));
    names.add(claim.name);
  }
  const byName = new Map<EntityTypeId, Map<string, { id: string; name: string }>>();
  for (const [typeId, claimed] of claimedNames) {
    const names = new Map<string, { id: string; name: string }>();
    for (const r of world.cso.get(typeId)?.values() ?? []) if (claimed.has(r.name)) names.set(r.name, r);
    byName.set(typeId, names);
  }
  for (const list of groupBy(claims, (c) => `${c.typeId}|${c.name}`).values()) {
    if (list.length > 1) {
      for (const claim of list) out.issues.set(claim.row, issues.duplicateName(sourceOf(list.find((c) => c !== claim)!)));
      continue;
    }
    const claim = list[0]!;
    const holder = byName.get(claim.typeId)!.get(claim.name);
    const away = holder ? leaving.get(`${claim.typeId}:${holder.id}`) : undefined;
    if (holder && away && away.name !== claim.name) {
      out.after.set(claim.row.key, away.row.key);
    } else if (holder && holder.id !== claim.ownId) {
      out.issues.set(claim.row, issues.csoNameTaken({ side: 'cso', typeId: claim.typeId, id: holder.id, name: holder.name }));
    }
  }
  return out;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
