/**
 * Planning: match → diff → name checks → ops, and a row for every entity. Pure: it reads the
 * world and writes nothing. Records are visited in dependency order (accounts before data types,
 * parents before children) so a record whose parent or account cannot be synchronized is reported
 * as waiting for it instead of being sent.
 */
import { ENTITY_TYPES } from '../../../lib/entities';
import { matchRecords } from '../../../lib/sync/match';
import { checkCsoClaims, checkQboClaims, type NameClaim } from '../../../lib/sync/names';
import { orderPlan } from './plan-order';
import type { SyncPlan } from './plan-types';
import { setStatus, type SyncRow } from './rows';
import type { World } from '../../../lib/sync/world';
import type { CreateWork } from './plan-create-ops';
import type { PlanMemory, PlanOptions } from './plan-options';
import { createOpsBuilder } from './plan-ops';
import { analyzePairs, type PairWork } from './plan-pairs';
import { lintCreate } from './plan-lint';
import { issues } from '../../../lib/sync/issues';
import { createRowBook } from './plan-rows';
import { checkCsoNumbers, type NumberClaim } from '../../../lib/sync/number-claims';
import { lintQboValues } from '../../../lib/sync/plan/field-lint';
import { refuseQboTypeEdits } from '../../../lib/sync/plan/account-types';

export interface Analysis {
  plan: SyncPlan;
  rows: SyncRow[];
}

export function analyze(world: World, options: PlanOptions, memory: PlanMemory): Analysis {
  const match = matchRecords(world, options);
  const rows = createRowBook(world);
  for (const problem of match.problems) {
    const row = problem.side === 'cso' ? rows.ofCso(problem.record) : rows.ofQbo(problem.typeId, problem.record);
    if (!row || row.status === 'error') continue;
    const others = problem.others.map((o) => ({ side: o.side, typeId: o.typeId, id: o.id, name: o.name }));
    setStatus(
      row,
      'error',
      null,
      problem.code === 'nearMatch' && others[0] ? issues.nearMatch(others[0]) : issues.ambiguous(others),
    );
  }

  const pairs = analyzePairs(world, options, match.pairs, rows);
  refuseQboTypeEdits(pairs);
  const qboClaims: NameClaim[] = [];
  const csoClaims: NameClaim[] = [];
  const csoCreates: CreateWork[] = [];
  const qboCreates: CreateWork[] = [];
  for (const item of match.csoOnly) {
    const row = rows.ofCso(item.record)!;
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
  lintQboValues(csoCreates, pairs);

  const builder = createOpsBuilder(world, options, rows, memory);
  builder.registerLinks();
  for (const work of pairs) builder.registerPair(work);
  for (const create of csoCreates) builder.registerCsoCreate(create, qboCheck.sharedWith);
  for (const create of qboCreates) builder.registerQboCreate(create);
  builder.emitInOrder(pairs, csoCreates, qboCreates, qboCheck.sharedWith);
  builder.waitForRenames(qboCheck.after, 'qbo');
  builder.waitForRenames(csoCheck.after, 'cso');
  // The QBO records matched by name in this run, only when some link is gone (rare; 50k keys otherwise).
  const keptQbo = match.gone.length
    ? new Set(match.pairs.filter((p) => !p.link).map((p) => `${ENTITY_TYPES[p.typeId].qboEntity}:${p.qbo.id}`))
    : new Set<string>();
  builder.emitGone(match.gone, keptQbo, memory.absences);
  const ops = builder.finish();
  for (const row of rows.all) if (row.status === 'error') rows.withHashes(row);
  const enabled = options.enabledTypes;
  const shown = enabled ? rows.all.filter((row) => enabled.has(row.typeId)) : rows.all;
  return { plan: orderPlan(ops.values(), options.batchSizes, ops), rows: shown };
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
