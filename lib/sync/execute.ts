/**
 * Applies a journaled plan level by level through the ports. Every op's idempotency key is in the
 * journal before anything is sent, so a run killed at any point resumes: done ops are skipped, and
 * a batch whose outcome is unknown is sent again with the same keys, which the services answer by
 * replaying their first response instead of writing twice. A failed op becomes a worded issue and
 * the run goes on with every op that does not depend on it.
 */
import { type EntityTypeId, ENTITY_TYPES, type Side } from '../entities';
import { applySuccess } from './apply';
import { hashValues, pickValues } from './fields';
import { isStale, translateFailure } from './error-words';
import { what } from './issues';
import type { QboWriteWatch } from './qbo-cursor';
import type { JournalOp, JournalRun, StoredIssue, SyncPorts, WriteFailure, WriteOp } from './ports';
import { runWrite, valuesBefore } from './run-writes';
import { sendBatch } from './send-batch';
import { isRefValue, type PlanBatch, type PlanOp, type RecordValues, type RunWrite } from './types';
import { csoIdFor, csoList, qboIdFor, qboList, targetRecord, type World } from './world';

export interface Progress {
  phase: 'reading' | 'planning' | 'writing' | 'done';
  done: number;
  total: number;
  errors: number;
}

export interface ExecuteResult {
  failures: StoredIssue[];
  /**
   * Ops refused because the record changed meanwhile (QBO 5010, CSO 412), or creates refused for a
   * name a record this run has not read holds (another browser created it meanwhile): re-read and
   * re-plan them.
   */
  stale: PlanOp[];
  /** For each such create, by op id: the record that took its name. */
  takenBy: Map<string, string>;
  done: number;
  /** Each successful write with what it replaced, for Undo (run-writes.ts). */
  writes: RunWrite[];
}

const SKIPPED = 'skipped';

/** `qboWatch` hears of each QBO batch before and after it is sent (the cursor's checkpoints, qbo-cursor.ts). */
export async function executeRun(
  run: JournalRun,
  world: World,
  ports: SyncPorts,
  onProgress?: (p: Progress) => void,
  qboWatch?: QboWriteWatch,
): Promise<ExecuteResult> {
  const byId = new Map(run.plan.ops.map((op) => [op.id, op]));
  const states = new Map(run.ops.map((o) => [o.opId, o]));
  const result: ExecuteResult = { failures: [], stale: [], takenBy: new Map(), done: 0, writes: [] };
  const total = run.plan.ops.length;
  const now = () => ports.clock.now().toISOString();
  const report = () =>
    onProgress?.({
      phase: 'writing',
      done: [...states.values()].filter((s) => s.state === 'done').length,
      total,
      errors: result.failures.length,
    });
  const mark = async (updates: JournalOp[]) => {
    for (const u of updates) states.set(u.opId, u);
    await ports.journal.mark(run.runId, updates);
  };
  const fail = (op: PlanOp, failure: WriteFailure) => {
    if (failure.code !== SKIPPED && op.target && isStale(op.target, failure)) result.stale.push(op);
    else if (op.kind === 'create' && op.target && failure.existingId && !holds(world, op, failure.existingId)) {
      result.stale.push(op);
      result.takenBy.set(op.id, failure.existingId);
    }
    result.failures.push(...issuesFor(world, op, failure, now()));
  };
  // Failures recorded by an earlier worker still count for their dependants.
  for (const s of states.values()) if (s.state === 'failed' && s.failure) fail(byId.get(s.opId)!, s.failure);

  const ready = (op: PlanOp) => op.dependsOn.every((d) => states.get(d)?.state === 'done');
  for (const level of run.plan.levels) {
    for (const id of level.local) {
      const op = byId.get(id)!;
      const state = states.get(id)!;
      if (state.state === 'done' || state.state === 'failed') continue;
      if (!ready(op)) {
        await skip(op, state);
        continue;
      }
      await applySuccess(world, ports, op, null, now());
      await mark([{ ...state, state: 'done' }]);
    }
    for (const batch of level.batches) {
      await runBatch(batch);
      report();
    }
  }
  result.done = [...states.values()].filter((s) => s.state === 'done').length;
  onProgress?.({ phase: 'done', done: result.done, total, errors: result.failures.length });
  return result;

  async function skip(op: PlanOp, state: JournalOp): Promise<void> {
    // The words name the record it waited for: the row of that record says what went wrong.
    const blocker = op.dependsOn.map((d) => byId.get(d)).find((d) => d && states.get(d.id)?.state !== 'done');
    const message = blocker ? `the ${what(blocker.typeId)} “${recordName(world, blocker)}”` : 'a record it needs';
    const failure: WriteFailure = { code: SKIPPED, message, retryable: true };
    await mark([{ ...state, state: 'failed', failure }]);
    fail(op, failure);
  }

  async function runBatch(batch: PlanBatch): Promise<void> {
    const entries = batch.opIds.map((id) => ({ op: byId.get(id)!, state: states.get(id)! }));
    const unknown = entries.some((e) => e.state.state === 'sent');
    const open = entries.filter((e) => e.state.state === 'pending' || e.state.state === 'sent').length;
    if (batch.side === 'qbo' && open > 0) await qboWatch?.beforeWrite(open);
    let toSend = entries.filter((e) => e.state.state !== 'failed' || e.state.failure?.code !== SKIPPED);
    if (unknown) {
      // Resume: the same ops under the same keys, so the service replays instead of writing again.
      toSend = toSend.filter((e) => e.state.state !== 'pending');
    } else {
      toSend = [];
      for (const e of entries) {
        if (e.state.state !== 'pending') continue;
        const write = ready(e.op) ? toWriteOp(world, e.op, e.state.requestId) : null;
        if (write) toSend.push(e);
        else await skip(e.op, e.state);
      }
      if (toSend.length === 0) return;
      await mark(toSend.map((e) => ({ ...e.state, state: 'sent' })));
    }
    if (toSend.length === 0) return;
    const writes = toSend.map(
      (e) => toWriteOp(world, e.op, e.state.requestId) ?? fallbackWrite(e.op, e.state.requestId),
    );
    const journalBatch = run.batches.find((b) => b.batchId === batch.id)!;
    const befores = toSend.map((e) => valuesBefore(world, e.op));
    const results = await sendBatch(ports, batch.side, journalBatch.requestId, writes);
    if (batch.side === 'qbo') qboWatch?.afterWrite(results);
    for (let i = 0; i < toSend.length; i++) {
      const { op, state } = toSend[i]!;
      if (state.state === 'done' || state.state === 'failed') continue;
      const res = results[i]!;
      if (res.ok) {
        const write = runWrite(op, befores[i] ?? null, res.record);
        if (write) result.writes.push(write);
        await applySuccess(world, ports, op, res.record, now());
        await mark([{ ...states.get(op.id)!, state: 'done' }]);
      } else {
        await mark([{ ...states.get(op.id)!, state: 'failed', failure: res.failure }]);
        fail(op, res.failure);
      }
    }
  }
}

/** The wire form of an op, with refs resolved through the links made so far; null if a ref has no link. */
function toWriteOp(world: World, op: PlanOp, requestId: string): WriteOp<string> | null {
  const values: RecordValues = {};
  for (const [field, value] of Object.entries(op.values)) {
    if (!isRefValue(value)) {
      values[field] = value;
      continue;
    }
    const { typeId, side, id } = value.ref;
    const resolved = side === 'cso' ? qboIdFor(world, typeId, id) : csoIdFor(world, typeId, id);
    if (resolved === undefined) return null;
    values[field] = resolved;
  }
  const list = op.target === 'qbo' ? op.qboEntity : op.typeId;
  const current = targetRecord(world, op);
  const revision = current?.revision ?? '';
  switch (op.kind) {
    case 'create':
      // A record made in CStoreOffice from a QBO one carries its link in the same request.
      return op.target === 'cso' && op.qboId
        ? { kind: 'create', requestId, list, values, link: op.qboId }
        : { kind: 'create', requestId, list, values };
    case 'update':
      return { kind: 'update', requestId, list, id: (op.target === 'qbo' ? op.qboId : op.csoId)!, revision, values };
    case 'deactivate':
      return { kind: 'deactivate', requestId, list, id: op.qboId!, revision };
    case 'delete':
      return { kind: 'delete', requestId, list, id: op.csoId!, revision };
    default:
      return null;
  }
}

/** On resume a re-sent op's refs may no longer resolve locally; the service replays by key anyway. */
function fallbackWrite(op: PlanOp, requestId: string): WriteOp<string> {
  return { kind: 'create', requestId, list: op.target === 'qbo' ? op.qboEntity : op.typeId, values: {} };
}

/** True when the record holding the name is one this run has read (then it is a real duplicate). */
function holds(world: World, op: PlanOp, id: string): boolean {
  return op.target === 'qbo' ? qboList(world, op.qboEntity).has(id) : csoList(world, op.typeId).has(id);
}

function issuesFor(world: World, op: PlanOp, failure: WriteFailure, at: string): StoredIssue[] {
  const side: Side = op.target ?? 'qbo';
  const name = recordName(world, op);
  const existing = failure.existingId ? holderName(world, side, op.typeId, failure.existingId) : undefined;
  const words =
    failure.code === SKIPPED
      ? {
          title: 'Waits for another row',
          detail: `The ${what(op.typeId)} “${name}” was not sent because ${failure.message.startsWith('the ') ? `${failure.message}, which it needs,` : 'a record it needs (its parent or account)'} could not be synchronized in this run. Fix that record's row, then synchronize again.`,
        }
      : translateFailure(failure, {
          what: what(op.typeId),
          name,
          side,
          ...(existing ? { existingName: existing } : {}),
        });
  const hashes = recordHashes(world, op);
  return op.rowKeys.map((rowKey) => ({
    rowKey,
    opId: op.id,
    code: failure.code,
    title: words.title,
    detail: words.detail,
    retryable: failure.retryable || failure.code === SKIPPED,
    ...hashes,
    at,
  }));
}

/** The hashes the row will show, so a parked failure is retried once either record changes. */
function recordHashes(world: World, op: PlanOp): { csoHash: string | null; qboHash: string | null } {
  const cso = op.csoId ? csoList(world, op.typeId).get(op.csoId) : undefined;
  const qbo = op.qboId ? qboList(world, op.qboEntity).get(op.qboId) : undefined;
  return {
    csoHash: cso ? hashValues(pickValues(op.typeId, 'cso', cso)) : null,
    qboHash: qbo ? hashValues(pickValues(op.typeId, 'qbo', qbo)) : null,
  };
}

function recordName(world: World, op: PlanOp): string {
  const cso = op.csoId ? csoList(world, op.typeId).get(op.csoId) : undefined;
  const qbo = op.qboId ? qboList(world, op.qboEntity).get(op.qboId) : undefined;
  return cso?.name ?? qbo?.name ?? (typeof op.values.name === 'string' ? op.values.name : '');
}

function holderName(world: World, side: Side, typeId: EntityTypeId, id: string): string | undefined {
  if (side === 'cso') return csoList(world, typeId).get(id)?.name;
  const entity = ENTITY_TYPES[typeId].qboEntity;
  const lists = ENTITY_TYPES[typeId].sharesDisplayNameNamespace ? (['Customer', 'Vendor'] as const) : [entity];
  for (const list of lists) {
    const found = qboList(world, list).get(id);
    if (found) return found.name;
  }
  return world.reserved.find((r) => r.id === id)?.name;
}
