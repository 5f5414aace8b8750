/**
 * The engine's Journal for one connection. A run's plan and every op's idempotency keys are
 * written in one transaction before anything is sent; op states are written as they change. A
 * service worker killed mid-run leaves its run 'open', and the next worker finds it through the
 * [connection+state] index.
 */
import type { Journal, JournalRun } from '../sync/ports';
import { type AppDb, prefixRange, type RunOpRow } from './app-db';

export function createJournal(db: AppDb, connectionKey: string): Journal {
  const runsInState = (state: 'open' | 'finished') =>
    db.runs.where('[connection+state]').equals([connectionKey, state]);

  async function deleteRuns(runIds: string[]): Promise<void> {
    await db.runOps.where('runId').anyOf(runIds).delete();
    await db.runs.bulkDelete(runIds);
  }

  return {
    async open() {
      return db.transaction('r', [db.runs, db.runOps], async () => {
        const run = await runsInState('open').first();
        if (!run) return null;
        const ops = await db.runOps.where('runId').equals(run.runId).sortBy('seq');
        const result: JournalRun = {
          runId: run.runId,
          startedAt: run.startedAt,
          plan: run.plan,
          batches: run.batches,
          ops: ops.map(({ runId: _r, seq: _s, ...op }) => op),
          finished: false,
        };
        return result;
      });
    },
    async begin(run) {
      await db.transaction('rw', [db.runs, db.runOps], async () => {
        // Finished runs are only needed until the next one starts; the history table keeps the log.
        await deleteRuns(await runsInState('finished').primaryKeys());
        await db.runs.put({
          runId: run.runId,
          connection: connectionKey,
          startedAt: run.startedAt,
          plan: run.plan,
          batches: run.batches,
          state: run.finished ? 'finished' : 'open',
        });
        await db.runOps.bulkPut(run.ops.map((op, seq): RunOpRow => ({ ...op, runId: run.runId, seq })));
      });
    },
    async mark(runId, ops) {
      await db.transaction('rw', [db.runs, db.runOps], async () => {
        const run = await db.runs.get(runId);
        if (!run || run.connection !== connectionKey) throw new Error(`No run ${runId} in this connection's journal`);
        const existing = await db.runOps.bulkGet(ops.map((op): [string, string] => [runId, op.opId]));
        let next = await db.runOps.where('runId').equals(runId).count();
        // An op the run did not know yet goes after the others; a known op keeps its place.
        await db.runOps.bulkPut(ops.map((op, i): RunOpRow => ({ ...op, runId, seq: existing[i]?.seq ?? next++ })));
      });
    },
    async finish(runId) {
      await db.runs
        .where('runId')
        .equals(runId)
        .filter((run) => run.connection === connectionKey)
        .modify({ state: 'finished' });
    },
    async clear() {
      await db.transaction('rw', [db.runs, db.runOps], async () => {
        const ids = await db.runs
          .where('[connection+state]')
          .between(...prefixRange([connectionKey], 2), true, true)
          .primaryKeys();
        await deleteRuns(ids);
      });
    },
  };
}
