/**
 * Planning: match → diff → name checks → ops, and a row for every entity. Pure: it reads the
 * world and writes nothing. Records are visited in dependency order (accounts before data types,
 * parents before children) so a record whose parent or account cannot be synchronized is reported
 * as waiting for it instead of being sent.
 */
import { type EntityTypeId, ENTITY_TYPES, lintName, PATH_SEPARATOR } from '../../entities';
import { issues, type RowIssue } from '../issues';
import { matchRecords } from '../match';
import { checkCsoClaims, checkQboClaims, type NameClaim } from '../names';
import { checkCsoNumbers, type NumberClaim } from '../number-claims';
import { setStatus } from '../rows';
import type { World } from '../world';
import { emitInOrder, registerProducers, waitForRenames } from './emit';
import { finishOps } from './finish';
import { createOpBook } from './op-book';
import { orderPlan } from './order';
import { analyzePairs } from './pairs';
import { emitGone } from './gone-ops';
import { keepOutCsoOnly, keepOutQboOnly, markWithheld } from './kept-out';
import { createRowBook } from './row-book';
import type { Analysis, CreateWork, PairWork, PlanMemory, PlanOptions } from './types';

export function analyze(world: World, options: PlanOptions, memory: PlanMemory): Analysis {
  const match = matchRecords(world, options);
  const rows = createRowBook(world);
  for (const problem of match.problems) {
    const row = problem.side === 'cso' ? rows.ofCso(problem.record) : rows.ofQbo(problem.typeId, problem.record);
    if (!row || row.status === 'error') continue;
    const others = problem.others.map((o) => ({ side: o.side, typeId: o.typeId, id: o.id, name: o.name }));
    const number = typeof problem.record.number === 'string' ? problem.record.number : null;
    const issue =
      problem.code !== 'nearMatch' || !others[0]
        ? issues.ambiguous(others)
        : problem.twin
          ? issues.accountTwin(others[0], problem.twin, number)
          : issues.nearMatch(others[0]);
    setStatus(row, 'error', null, issue);
  }

  // What each side will receive, and whether the names it takes are free.
  const pairs = analyzePairs(world, options, match.pairs, rows);
  const qboClaims: NameClaim[] = [];
  const csoClaims: NameClaim[] = [];
  const csoCreates: CreateWork[] = [];
  const qboCreates: CreateWork[] = [];
  for (const item of match.csoOnly) {
    const row = rows.ofCso(item.record)!;
    if (keepOutCsoOnly(item, row, options)) continue;
    csoCreates.push({ item, row });
    const problem = lintCreate(item.typeId, item.record.name, item.key);
    if (problem) setStatus(row, 'error', null, problem);
    else
      qboClaims.push({
        row,
        typeId: item.typeId,
        side: 'cso',
        record: item.record,
        name: item.record.name,
        key: item.key,
        ownId: null,
        create: true,
      });
  }
  for (const item of match.qboOnly) {
    const row = rows.ofQbo(item.typeId, item.record);
    if (keepOutQboOnly(item, row, options)) continue;
    qboCreates.push({ item, row });
    csoClaims.push({
      row,
      typeId: item.typeId,
      side: 'qbo',
      record: item.record,
      name: item.record.name,
      key: item.key,
      ownId: null,
      create: true,
    });
  }
  for (const work of pairs) collectRenameClaims(work, qboClaims, csoClaims);
  const qboCheck = checkQboClaims(world, qboClaims);
  const csoCheck = checkCsoClaims(world, csoClaims);
  for (const [row, issue] of qboCheck.issues) setStatus(row, 'error', null, issue);
  for (const [row, issue] of csoCheck.issues) setStatus(row, 'error', null, issue);
  for (const [row, issue] of checkCsoNumbers(world, numberClaims(qboCreates, pairs))) {
    if (row.status !== 'error') setStatus(row, 'error', null, issue);
  }

  // The ops, in dependency order, then what earlier runs and the user's choices take out of them.
  const book = createOpBook(world, options, rows);
  registerProducers(book, world, pairs, csoCreates, qboCreates, qboCheck.sharedWith);
  emitInOrder(book, world, pairs, csoCreates, qboCreates, qboCheck.sharedWith);
  waitForRenames(book, qboCheck.after, 'qbo');
  waitForRenames(book, csoCheck.after, 'cso');
  emitGone(book, world, match, memory.absences);
  markWithheld(pairs, options);
  finishOps(world, book.ops, rows, memory, options.enabledTypes);
  for (const row of rows.all) if (row.status === 'error') rows.withHashes(row);
  const enabled = options.enabledTypes;
  const shown = enabled ? rows.all.filter((row) => enabled.has(row.typeId)) : rows.all;
  return { plan: orderPlan(book.ops.values(), options.batchSizes, book.ops), rows: shown };
}

/**
 * Name lint before any write to QBO: characters or lengths QBO refuses, and hierarchies deeper than
 * QBO allows, become a Synchronization Error with the reason instead of a request. `name` is the
 * record's own name; `key` its full path (for the depth check).
 */
function lintCreate(typeId: EntityTypeId, name: string, key: string): RowIssue | null {
  const problems = lintName(typeId, name);
  if (problems.length > 0) return issues.invalidName(problems.map((p) => p.message).join(' '));
  const max = ENTITY_TYPES[typeId].maxDepth;
  if (max !== undefined && ENTITY_TYPES[typeId].hierarchical && key.split(PATH_SEPARATOR).length > max)
    return issues.tooDeep(typeId, max);
  return null;
}

function collectRenameClaims(work: PairWork, qboClaims: NameClaim[], csoClaims: NameClaim[]): void {
  const { row } = work;
  if (row.status === 'error') return;
  const { pair } = work;
  // Reactivating a deactivated account gives it its name back (QBO freed it with " (deleted)"): a claim too.
  const reclaims = pair.typeId === 'account' && !pair.qbo.active && pair.cso.active && work.toQbo.includes('active');
  if (reclaims || work.toQbo.includes('name') || work.toQbo.includes('parentId')) {
    const problem = work.toQbo.includes('name') ? lintCreate(pair.typeId, pair.cso.name, work.csoKey) : null;
    if (problem) setStatus(row, 'error', null, problem);
    else
      qboClaims.push({
        row,
        typeId: pair.typeId,
        side: 'cso',
        record: pair.cso,
        name: pair.cso.name,
        key: work.csoKey,
        ownId: pair.qbo.id,
        create: false,
      });
  }
  if (work.toCso.includes('name')) {
    csoClaims.push({
      row,
      typeId: pair.typeId,
      side: 'qbo',
      record: pair.qbo,
      name: pair.qbo.name,
      key: work.qboKey,
      ownId: pair.cso.id,
      create: false,
    });
  }
}

/** Account numbers CStoreOffice would receive: QBO-only accounts created there, and numbers sent to linked ones. */
function numberClaims(qboCreates: readonly CreateWork[], pairs: readonly PairWork[]): NumberClaim[] {
  const claims: NumberClaim[] = [];
  for (const { item, row } of qboCreates) {
    const number = item.record.number;
    if (item.typeId === 'account' && typeof number === 'string' && number !== '')
      claims.push({ row, qboId: item.record.id, name: item.record.name, number, ownId: null });
  }
  for (const work of pairs) {
    const number = work.qboValues.number;
    if (
      work.pair.typeId === 'account' &&
      work.toCso.includes('number') &&
      typeof number === 'string' &&
      number !== ''
    ) {
      claims.push({
        row: work.row,
        qboId: work.pair.qbo.id,
        name: work.pair.qbo.name,
        number,
        ownId: work.pair.cso.id,
      });
    }
  }
  return claims;
}
