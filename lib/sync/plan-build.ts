/**
 * Planning: match → diff → name checks → ops, and a row for every entity. Pure: it reads the
 * world and writes nothing. Records are visited in dependency order (accounts before data types,
 * parents before children) so a record whose parent or account cannot be synchronized is reported
 * as waiting for it instead of being sent.
 */
import { type EntityTypeId, ENTITY_TYPES, typesInDependencyOrder } from '../entities';
import { type ConflictPolicy } from './policy';
import { matchRecords, type MatchOptions } from './match';
import { checkCsoClaims, checkQboClaims, type NameClaim } from './names';
import { orderPlan, type BatchSizes } from './plan-order';
import type { SyncPlan } from './plan-types';
import type { IgnoreMarker, StoredIssue } from './ports';
import { newRow, setStatus, type SyncRow } from './rows';
import { type AnyRecord, csoRowKey, linkKey, qboRowKey } from './types';
import type { TranslateOptions } from './translate';
import { csoKey, qboMatchKey, type World } from './world';
import { createOpsBuilder, type CreateWork } from './plan-ops';
import { analyzePairs, type PairWork } from './plan-pairs';
import { lintCreate } from './plan-lint';
import { issues } from './issues';
import { hashValues, pickValues } from './fields';
import { checkCsoNumbers, type NumberClaim } from './number-claims';

export interface PlanOptions extends TranslateOptions, MatchOptions {
  policy: ConflictPolicy;
  batchSizes: BatchSizes;
  /**
   * The types the user synchronizes (Options → Entities to synchronize); all when absent. The others
   * are still read and matched — their names still take QBO's shared namespace and their links
   * still stand — but nothing is written for them and the table leaves them out.
   */
  enabledTypes?: ReadonlySet<EntityTypeId>;
}

export interface PlanMemory {
  /** Failures of earlier runs, shown on their rows while the op is still planned. */
  issues: readonly StoredIssue[];
  ignores: readonly IgnoreMarker[];
  /** Rows the user asked to synchronize: their parked failures are tried again. */
  retryRows?: ReadonlySet<string>;
}

export interface Analysis {
  plan: SyncPlan;
  rows: SyncRow[];
}

export function analyze(world: World, options: PlanOptions, memory: PlanMemory): Analysis {
  const match = matchRecords(world, options);
  const rows = new Map<string, SyncRow>();
  // Hashes are only needed to ignore or park an issue: computed on demand from the row's records.
  const hashed = new Set<SyncRow>();
  const withHashes = (row: SyncRow): SyncRow => {
    if (hashed.has(row)) return row;
    hashed.add(row);
    rowHashes(world, row);
    return row;
  };

  // Every CStoreOffice entity is a row; unlinked QBO entities get theirs below. The rows of
  // CStoreOffice records are also kept by record, so later steps find them without a key string.
  const csoRows = new Map<AnyRecord, SyncRow>();
  for (const typeId of typesInDependencyOrder()) {
    const list = world.cso.get(typeId);
    if (!list) continue;
    for (const record of list.values()) {
      const key = csoRowKey(typeId, record.id);
      const link = world.links.size > 0 ? world.links.get(linkKey(typeId, record.id)) : undefined;
      const row = newRow({ key, typeId, csoId: record.id, qboId: link ? link.qboId : null, name: csoKey(world, typeId, record), csoHash: null, qboHash: null });
      rows.set(key, row);
      csoRows.set(record, row);
    }
  }
  const qboRow = (typeId: EntityTypeId, record: AnyRecord, key = qboRowKey(ENTITY_TYPES[typeId].qboEntity, record.id)) => {
    let row = rows.get(key);
    if (!row) rows.set(key, (row = newRow({ key, typeId, csoId: null, qboId: record.id, name: qboMatchKey(world, typeId, record), csoHash: null, qboHash: null })));
    return row;
  };
  for (const problem of match.problems) {
    const row = problem.side === 'cso' ? csoRows.get(problem.record) : qboRow(problem.typeId, problem.record, problem.rowKey);
    if (!row || row.status === 'error') continue;
    const others = problem.others.map((o) => ({ side: o.side, typeId: o.typeId, id: o.id, name: o.name }));
    setStatus(row, 'error', null, problem.code === 'nearMatch' && others[0] ? issues.nearMatch(others[0]) : issues.ambiguous(others));
  }

  const pairs = analyzePairs(world, options, match.pairs, csoRows, withHashes);
  const qboClaims: NameClaim[] = [];
  const csoClaims: NameClaim[] = [];
  const csoCreates: CreateWork[] = [];
  const qboCreates: CreateWork[] = [];
  for (const item of match.csoOnly) {
    const row = csoRows.get(item.record)!;
    csoCreates.push({ item, row });
    const problem = lintCreate(item.typeId, item.record.name, item.key);
    if (problem) setStatus(row, 'error', null, problem);
    else qboClaims.push({ rowKey: row.key, typeId: item.typeId, source: { side: 'cso', typeId: item.typeId, id: item.record.id, name: item.record.name }, name: item.record.name, key: item.key, ownId: null, create: true });
  }
  for (const item of match.qboOnly) {
    const row = qboRow(item.typeId, item.record, item.rowKey);
    qboCreates.push({ item, row });
    csoClaims.push({ rowKey: row.key, typeId: item.typeId, source: { side: 'qbo', typeId: item.typeId, id: item.record.id, name: item.record.name }, name: item.record.name, key: item.key, ownId: null, create: true });
  }
  for (const work of pairs) collectRenameClaims(work, qboClaims, csoClaims);
  const qboCheck = checkQboClaims(world, qboClaims);
  const csoCheck = checkCsoClaims(world, csoClaims);
  for (const [key, issue] of [...qboCheck.issues, ...csoCheck.issues]) setStatus(rows.get(key)!, 'error', null, issue);
  for (const [key, issue] of checkCsoNumbers(world, numberClaims(qboCreates, pairs))) {
    const row = rows.get(key)!;
    if (row.status !== 'error') setStatus(row, 'error', null, issue);
  }

  const builder = createOpsBuilder(world, options, rows, memory, withHashes);
  builder.registerLinks();
  for (const work of pairs) builder.registerPair(work);
  for (const create of csoCreates) builder.registerCsoCreate(create, qboCheck.sharedWith);
  for (const create of qboCreates) builder.registerQboCreate(create);
  builder.emitInOrder(pairs, csoCreates, qboCreates, qboCheck.sharedWith);
  builder.waitForRenames(qboCheck.after, 'qbo');
  builder.waitForRenames(csoCheck.after, 'cso');
  // The QBO records matched by name in this run, only when some link is gone (rare; 50k keys otherwise).
  const keptQbo = match.gone.length ? new Set(match.pairs.filter((p) => !p.link).map((p) => `${ENTITY_TYPES[p.typeId].qboEntity}:${p.qbo.id}`)) : new Set<string>();
  builder.emitGone(match.gone, keptQbo);
  const ops = builder.finish();
  for (const row of rows.values()) if (row.status === 'error') withHashes(row);
  const enabled = options.enabledTypes;
  const shown = enabled ? [...rows.values()].filter((row) => enabled.has(row.typeId)) : [...rows.values()];
  return { plan: orderPlan([...ops.values()], options.batchSizes, ops), rows: shown };
}

/**
 * The hashes of a row's records: a CStoreOffice row's record and the QBO record its link points to
 * (a pair matched in this run has no link yet, so no QBO hash), a QBO row's record. A row whose
 * CStoreOffice record is gone keeps the hashes it was made with.
 */
function rowHashes(world: World, row: SyncRow): void {
  const { typeId } = row;
  if (row.csoId !== null) {
    const cso = world.cso.get(typeId)?.get(row.csoId);
    if (!cso) return;
    const link = world.links.get(linkKey(typeId, row.csoId));
    const qbo = link ? world.qbo.get(link.qboEntity)?.get(link.qboId) : undefined;
    row.csoHash = hashValues(pickValues(typeId, 'cso', cso));
    row.qboHash = qbo ? hashValues(pickValues(typeId, 'qbo', qbo)) : null;
  } else if (row.qboId !== null) {
    const qbo = world.qbo.get(ENTITY_TYPES[typeId].qboEntity)?.get(row.qboId);
    if (!qbo) return;
    row.csoHash = null;
    row.qboHash = hashValues(pickValues(typeId, 'qbo', qbo));
  }
}

function collectRenameClaims(work: PairWork, qboClaims: NameClaim[], csoClaims: NameClaim[]): void {
  const { row } = work;
  if (row.status === 'error') return;
  const { pair } = work;
  const source = (side: 'cso' | 'qbo') => ({ side, typeId: pair.typeId, id: side === 'cso' ? pair.cso.id : pair.qbo.id, name: side === 'cso' ? pair.cso.name : pair.qbo.name });
  if (work.toQbo.includes('name') || work.toQbo.includes('parentId')) {
    const problem = work.toQbo.includes('name') ? lintCreate(pair.typeId, pair.cso.name, work.csoKey) : null;
    if (problem) setStatus(row, 'error', null, problem);
    else qboClaims.push({ rowKey: work.rowKey, typeId: pair.typeId, source: source('cso'), name: pair.cso.name, key: work.csoKey, ownId: pair.qbo.id, create: false });
  }
  if (work.toCso.includes('name')) {
    csoClaims.push({ rowKey: work.rowKey, typeId: pair.typeId, source: source('qbo'), name: pair.qbo.name, key: work.qboKey, ownId: pair.cso.id, create: false });
  }
}

/** Account numbers CStoreOffice would receive: QBO-only accounts created there, and numbers sent to linked ones. */
function numberClaims(qboCreates: readonly CreateWork[], pairs: readonly PairWork[]): NumberClaim[] {
  const claims: NumberClaim[] = [];
  for (const { item, row } of qboCreates) {
    const number = item.record.number;
    if (item.typeId === 'account' && typeof number === 'string' && number !== '') claims.push({ rowKey: row.key, qboId: item.record.id, name: item.record.name, number, ownId: null });
  }
  for (const work of pairs) {
    const number = work.qboValues.number;
    if (work.pair.typeId === 'account' && work.toCso.includes('number') && typeof number === 'string' && number !== '') {
      claims.push({ rowKey: work.rowKey, qboId: work.pair.qbo.id, name: work.pair.qbo.name, number, ownId: work.pair.cso.id });
    }
  }
  return claims;
}
