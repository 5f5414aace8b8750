/**
 * History → Undo this run, as the background carries it out once the sync service holds the
 * company's lock: the engine puts back what the run wrote (lib/sync/undo.ts), the table is saved,
 * and the Undo is written to History like a run, with what it left as it was.
 */
import type { NewStoredRun } from '@/lib/db';
import type { ActionReply } from '@/lib/messaging/protocol';
import { type SyncEngine, type SyncRow, UndoRefusedError } from '@/lib/sync';
import { describeStop } from './run-errors';
import { describeUndo } from './summaries';

export interface UndoDeps {
  engine: SyncEngine;
  /** Writes the Undo's History entry (and shares it, as a run's). */
  record(entry: NewStoredRun): Promise<void>;
  now(): Date;
  newId(): string;
  saveRows(rows: SyncRow[]): Promise<void>;
}

export async function undoAndLog(deps: UndoDeps, runId: string, who: string | null): Promise<ActionReply> {
  const startedAt = deps.now().toISOString();
  try {
    const { counts, refused } = await deps.engine.undo(runId);
    await deps.saveRows(await deps.engine.rows());
    await deps.record({
      runId: deps.newId(),
      startedAt,
      finishedAt: deps.now().toISOString(),
      trigger: 'user',
      who,
      outcome: refused.length ? 'partial' : 'succeeded',
      counts: {},
      errors: refused.map((r) => ({
        rowKey: r.rowKey,
        code: 'undoRefused',
        title: `Not undone: “${r.name}”`,
        detail: r.detail,
      })),
      undo: { of: runId, ...counts },
    });
    return {
      ok: true,
      changed: counts.reactivated + counts.restored + counts.removed,
      message: describeUndo(counts, refused.length),
    };
  } catch (error) {
    if (error instanceof UndoRefusedError) return { ok: false, message: error.message };
    return { ok: false, message: describeStop(error).message };
  }
}
