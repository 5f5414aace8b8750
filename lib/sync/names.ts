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

/** The claims of one namespace and near key (one name to QBO), and the QBO records holding it. */
interface QboGroup {
  namespace: string;
  near: string;
  claims: NameClaim[];
  holders: Holder[];
}

/**
 * The claims by namespace and near key: each group once, in the order it first appears, and by
 * namespace then near key for look-ups (nested Maps: no `namespace|near` string per claim).
 */
function groupQboClaims(claims: readonly NameClaim[]): {
  groups: QboGroup[];
  byNamespace: Map<string, Map<string, QboGroup>>;
} {
  const groups: QboGroup[] = [];
  const byNamespace = new Map<string, Map<string, QboGroup>>();
  for (const claim of claims) {
    const namespace = namespaceOf(claim.typeId);
    let byNear = byNamespace.get(namespace);
    if (!byNear) byNamespace.set(namespace, (byNear = new Map()));
    const near = nearKey(claim.key);
    const group = byNear.get(near);
    if (group) group.claims.push(claim);
    else {
      const made: QboGroup = { namespace, near, claims: [claim], holders: [] };
      byNear.set(near, made);
      groups.push(made);
    }
  }
  return { groups, byNamespace };
}

/**
 * The QBO records (and reserved names) holding each claimed group's name, added to the group. Only
 * the claimed groups are looked for: a record is looked up by namespace and near key, and a holder
 * made only on a hit.
 */
function findHolders(world: World, byNamespace: ReadonlyMap<string, ReadonlyMap<string, QboGroup>>): void {
  for (const [entity, records] of world.qbo) {
    const typeId = typesStoredAs(entity)[0];
    if (!typeId) continue;
    const byNear = byNamespace.get(namespaceOf(typeId));
    if (!byNear) continue;
    for (const record of records.values()) {
      if (entity === 'Account' && !record.active) continue;
      const group = byNear.get(nearKey(qboMatchKey(world, typeId, record)));
      if (group) group.holders.push({ entity, typeId, id: record.id, name: record.name });
    }
  }
  for (const r of world.reserved) {
    const group = byNamespace.get(r.entity === 'Employee' ? 'DisplayName' : 'Item')?.get(nearKey(r.name));
    if (group) group.holders.push({ entity: r.entity, typeId: null, id: r.id, name: r.name });
  }
}

/** Checks creates and renames toward QBO against QBO's names and against each other. */
export function checkQboClaims(world: World, claims: NameClaim[]): ClaimCheck {
  const out: ClaimCheck = { issues: new Map(), sharedWith: new Map(), after: new Map() };
  if (claims.length === 0) return out;
  const { groups, byNamespace } = groupQboClaims(claims);
  findHolders(world, byNamespace);
  // Records renamed in this run give up their current name once the rename is done.
  const leaving = new Map(
    claims.filter((c) => c.ownId !== null).map((c) => [`${ENTITY_TYPES[c.typeId].qboEntity}:${c.ownId}`, c]),
  );
  for (const group of groups) {
    const list = group.claims;
    const [first, second] = list;
    if (list.length === 2 && first && second && sharesVendor(first, second)) {
      out.sharedWith.set(second.row.key, first.row.key);
    } else if (list.length > 1) {
      for (const claim of list) {
        const rivals = list.filter((c) => c !== claim);
        const crossKind = rivals.some((r) => ENTITY_TYPES[r.typeId].qboEntity !== ENTITY_TYPES[claim.typeId].qboEntity);
        out.issues.set(
          claim.row,
          crossKind
            ? issues.namespaceCollision(
                claim.name,
                rivals.map((r) => `the ${what(r.typeId)} “${r.name}” in CStoreOffice`),
              )
            : issues.duplicateName(sourceOf(rivals[0]!)),
        );
      }
      continue;
    }
    // No record holds the name (most creates): nothing to check.
    if (group.holders.length === 0) continue;
    for (const claim of list) {
      let taken = group.holders.filter(
        (h) => h.id !== claim.ownId || h.entity !== ENTITY_TYPES[claim.typeId].qboEntity,
      );
      const away = taken.length === 1 ? leaving.get(`${taken[0]!.entity}:${taken[0]!.id}`) : undefined;
      if (away && (namespaceOf(away.typeId) !== group.namespace || nearKey(away.key) !== group.near)) {
        out.after.set(claim.row.key, away.row.key);
        taken = [];
      }
      const holder = taken[0];
      if (!holder) continue;
      if (holder.entity === ENTITY_TYPES[claim.typeId].qboEntity && holder.typeId) {
        out.issues.set(
          claim.row,
          issues.nameTaken({ side: 'qbo', typeId: holder.typeId, id: holder.id, name: holder.name }),
        );
      } else {
        const words = taken.map((h) => `the ${ENTITY_WORDS[h.entity] ?? 'item'} “${h.name}” in QuickBooks`);
        out.issues.set(claim.row, issues.namespaceCollision(claim.name, words));
      }
    }
  }
  return out;
}

function sharesVendor(a: NameClaim, b: NameClaim): boolean {
  return (
    a.create &&
    b.create &&
    a.name === b.name &&
    a.typeId !== b.typeId &&
    ENTITY_TYPES[a.typeId].qboEntity === 'Vendor' &&
    ENTITY_TYPES[b.typeId].qboEntity === 'Vendor'
  );
}

/** Checks creates and renames toward CStoreOffice: names are unique per type, exactly. */
export function checkCsoClaims(world: World, claims: NameClaim[]): ClaimCheck {
  const out: ClaimCheck = { issues: new Map(), sharedWith: new Map(), after: new Map() };
  if (claims.length === 0) return out;
  const leaving = new Map(claims.filter((c) => c.ownId !== null).map((c) => [`${c.typeId}:${c.ownId}`, c]));
  // The claims by type and name (one Map per type, no composite keys), each group in the order it first appears.
  const claimed = new Map<EntityTypeId, Map<string, NameClaim[]>>();
  const groups: NameClaim[][] = [];
  for (const claim of claims) {
    let byClaimedName = claimed.get(claim.typeId);
    if (!byClaimedName) claimed.set(claim.typeId, (byClaimedName = new Map()));
    const list = byClaimedName.get(claim.name);
    if (list) list.push(claim);
    else {
      const made = [claim];
      byClaimedName.set(claim.name, made);
      groups.push(made);
    }
  }
  // Names held per type, only the names claimed.
  const byName = new Map<EntityTypeId, Map<string, { id: string; name: string }>>();
  for (const [typeId, names] of claimed) {
    const held = new Map<string, { id: string; name: string }>();
    for (const r of world.cso.get(typeId)?.values() ?? []) if (names.has(r.name)) held.set(r.name, r);
    byName.set(typeId, held);
  }
  for (const list of groups) {
    if (list.length > 1) {
      for (const claim of list)
        out.issues.set(claim.row, issues.duplicateName(sourceOf(list.find((c) => c !== claim)!)));
      continue;
    }
    const claim = list[0]!;
    const holder = byName.get(claim.typeId)!.get(claim.name);
    const away = holder ? leaving.get(`${claim.typeId}:${holder.id}`) : undefined;
    if (holder && away && away.name !== claim.name) {
      out.after.set(claim.row.key, away.row.key);
    } else if (holder && holder.id !== claim.ownId) {
      out.issues.set(
        claim.row,
        issues.csoNameTaken({ side: 'cso', typeId: claim.typeId, id: holder.id, name: holder.name }),
      );
    }
  }
  return out;
}
