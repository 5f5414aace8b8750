/**
 * Runs Synchronize, Preview and the row actions for a company: one run at a time per company (a
 * second request joins the running one; a Web Lock also guards against a second worker, and dies
 * with its holder), live progress on the status hub, rows and history saved when a run ends.
 */
import type { NewStoredRun, RunHistory, RowStore } from '@/lib/db';
import type {
  ActionReply,
  PreviewSummary,
  RowAction,
  RunOutcome,
  RunStatus,
  RunTrigger,
} from '@/lib/messaging/protocol';
import type { SetupPreview } from '@/lib/messaging/setup-preview';
import type { Progress } from '@/lib/sync';
import type { Directions } from '@/lib/sync/directions';
import { type HistoryShare, recordRun } from './history-share';
import { createRereads } from './rereads';
import { runAction } from './row-actions';
import { describeStop } from './run-errors';
import { runResult } from './run-result';
import { toSetupPreview } from './setup-preview';
import { emptySummary, toPreviewSummary } from './summaries';
import { undoAndLog } from './undo-and-log';
import { type EngineWorkDeps, engineWork } from './engine-work';
import { type RunRequest, type RunWait, type SyncTarget, waitingUntil } from './sync-target';

export interface SyncServiceDeps extends EngineWorkDeps {
  rows: RowStore;
  history(key: string): RunHistory;
  newId(): string;
  locks?: LockManager;
  /** Sends History's new entries to CStoreOffice (history-share.ts); absent, History stays here. */
  shareHistory?: HistoryShare;
  /** Told when a run ends, for the toolbar badge and notifications (held deletions included). */
  onRunEnd?(target: SyncTarget, outcome: RunOutcome, stopKind: string | null, trigger: RunTrigger): void;
}

/** Row actions and Undo wait for no run: they would plan from what the run is changing. */
const RUN_GOING: ActionReply = {
  ok: false,
  message: 'A synchronization is running for this company; try again when it ends.',
};

export function createSyncService(deps: SyncServiceDeps) {
  const running = new Map<string, { status: RunStatus; promise: Promise<RunOutcome> }>();

  const withLock = <T>(key: string, fn: () => Promise<T>): Promise<T> =>
    deps.locks ? (deps.locks.request(`qsm-sync:${key}`, fn) as Promise<T>) : fn();

  const record = (target: SyncTarget, history: RunHistory, entry: NewStoredRun) =>
    recordRun({ history, share: deps.shareHistory, target }, entry);
  const publish = (status: RunStatus) => deps.hub.publish({ type: 'run', status });
  const withEngine = engineWork(deps);

  async function saveRows(target: SyncTarget, rows: Parameters<RowStore['replaceRows']>[1]) {
    await deps.rows.replaceRows(target.key, rows);
    deps.hub.publish({ type: 'rowsChanged', companyId: target.companyId, origin: target.origin });
  }

  async function execute(target: SyncTarget, request: RunRequest, status: RunStatus): Promise<RunOutcome> {
    const onProgress = (p: Progress) => {
      Object.assign(status, { phase: p.phase, done: p.done, total: p.total, errors: p.errors, waiting: null });
      publish({ ...status });
    };
    // Said on the progress line while it lasts, so a throttled run never looks stuck.
    const onWait = (wait: RunWait) => {
      status.waiting = waitingUntil(wait, deps.now());
      publish({ ...status });
    };
    const history = deps.history(target.key);
    try {
      const engine = await deps.buildEngine(target, onProgress, onWait);
      // Only a person confirms held deletions, and only from the manager: never the alarm or a resume.
      const byPerson = request.trigger === 'user';
      const confirmDeletions = byPerson ? request.confirmDeletions : undefined;
      const report = await engine.synchronize({
        runId: status.runId,
        ...(request.selection ? { selection: request.selection } : {}),
        ...(confirmDeletions?.length ? { confirmDeletions } : {}),
        ...(byPerson && request.confirmCreates ? { confirmCreates: true } : {}),
      });
      status.phase = 'saving';
      publish({ ...status });
      await saveRows(target, report.rows);
      const { entry, result } = runResult(report, {
        runId: status.runId,
        startedAt: status.startedAt,
        finishedAt: deps.now().toISOString(),
        trigger: request.trigger,
        who: request.who,
      });
      await record(target, history, entry);
      Object.assign(status, { phase: 'done', message: result.message });
      publish({ ...status });
      deps.onRunEnd?.(target, result, null, request.trigger);
      return result;
    } catch (error) {
      const stop = describeStop(error);
      await record(target, history, {
        runId: status.runId,
        startedAt: status.startedAt,
        finishedAt: deps.now().toISOString(),
        trigger: request.trigger,
        who: request.who,
        outcome: 'failed',
        counts: {},
        errors: [{ rowKey: null, code: stop.kind, title: 'The synchronization stopped', detail: stop.message }],
      });
      Object.assign(status, { phase: 'failed', message: stop.message });
      publish({ ...status });
      const result: RunOutcome = { outcome: 'failed', message: stop.message, summary: emptySummary() };
      deps.onRunEnd?.(target, result, stop.kind, request.trigger);
      return result;
    }
  }

  // After a running sync (which saves rows of its own), under its lock, like a preview.
  const rereads = createRereads({
    hub: deps.hub,
    read: async (target) => {
      await running.get(target.key)?.promise.catch(() => {});
      await withLock(target.key, () =>
        withEngine(target, async (engine) => saveRows(target, (await engine.reconnect()).rows)),
      );
    },
  });

  return {
    /** Connect and Reconnect: both sides read in full and every row recomputed (see rereads.ts). */
    reread: rereads.start,
    reading: rereads.reading,

    /** Synchronize, or join the run already going for this company. */
    synchronize(target: SyncTarget, request: RunRequest): Promise<RunOutcome> {
      const current = running.get(target.key);
      if (current) return current.promise;
      const status: RunStatus = {
        runId: deps.newId(),
        companyId: target.companyId,
        origin: target.origin,
        phase: request.trigger === 'resume' ? 'resuming' : 'reading',
        done: 0,
        total: 0,
        errors: 0,
        startedAt: deps.now().toISOString(),
        trigger: request.trigger,
        message: null,
      };
      publish({ ...status });
      const promise = withLock(target.key, () => execute(target, request, status)).finally(() =>
        running.delete(target.key),
      );
      running.set(target.key, { status, promise });
      return promise;
    },

    /**
     * What Synchronize would do; also refreshes the table from a fresh read. A preview reads into the
     * mirror and rewrites the rows, so it waits for a running sync of the company to end (and holds
     * the same lock), never writing over what that run writes.
     */
    async preview(target: SyncTarget): Promise<PreviewSummary> {
      await running.get(target.key)?.promise.catch(() => {});
      return withLock(target.key, () =>
        withEngine(target, async (engine) => {
          const result = await engine.preview();
          await saveRows(target, result.rows);
          return toPreviewSummary(result.summary);
        }),
      );
    },

    /**
     * The first-sync setup's summary with the directions being chosen, not saved yet: the rows are
     * not saved either (the table keeps showing what the saved choices plan). Waits like a preview.
     */
    async previewSetup(target: SyncTarget, directions: Directions): Promise<SetupPreview> {
      await running.get(target.key)?.promise.catch(() => {});
      return withLock(target.key, () =>
        withEngine(target, async (engine) => toSetupPreview(await engine.preview()), { directions }),
      );
    },

    async action(target: SyncTarget, action: RowAction, rowKeys: string[]): Promise<ActionReply> {
      if (running.has(target.key)) return RUN_GOING;
      return withLock(target.key, () =>
        withEngine(target, async (engine) => {
          const result = await runAction(engine, action, rowKeys);
          if (!result.ok) return result;
          // After Reconnect or Clear Sync History nothing is known any more: read both sides again.
          const rows =
            action === 'reconnect'
              ? (await engine.reconnect()).rows
              : action === 'clearSyncHistory'
                ? (await engine.preview()).rows
                : await engine.rows();
          await saveRows(target, rows);
          return result;
        }),
      );
    },

    /**
     * Undo the last run that wrote (see lib/sync/undo.ts), as a person's act: never while a run is
     * going, under the same lock, and written to History like a run.
     */
    async undo(target: SyncTarget, runId: string, who: string | null): Promise<ActionReply> {
      if (running.has(target.key)) return RUN_GOING;
      return withLock(target.key, () =>
        withEngine(target, (engine) =>
          undoAndLog(
            {
              engine,
              record: (entry) => record(target, deps.history(target.key), entry),
              now: deps.now,
              newId: deps.newId,
              saveRows: (rows) => saveRows(target, rows),
            },
            runId,
            who,
          ),
        ),
      );
    },

    /**
     * Recomputes a company's rows from what was last read, without reading either side: after a
     * change in the options that decides what is planned (types, conflict policy, income account).
     * A running sync saves its own rows when it ends.
     */
    async refreshRows(target: SyncTarget): Promise<boolean> {
      if (running.has(target.key)) return false;
      return withLock(target.key, async () => {
        const engine = await deps.buildEngine(target, () => {});
        await saveRows(target, await engine.rows());
        return true;
      });
    },

    status(key: string): RunStatus | null {
      const current = running.get(key);
      return current ? { ...current.status } : null;
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
