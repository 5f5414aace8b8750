/**
 * What the background shows of a connection's sync state without loading the mirror: whether it
 * has synchronized at all, and which run Undo may act on.
 */
import type { AppDb } from './app-db';

export interface SyncStateSummary {
  /** Any sync state is kept (a read, a link): a Reconnect then re-reads and recomputes. */
  started: boolean;
  /** Both sides were read in full at least once since the connection's state was last cleared. */
  read: boolean;
  /** The last run that wrote, and whether it was undone; null when none is kept. */
  undo: { runId: string; undone: boolean } | null;
}

export async function syncStateSummary(db: AppDb, connectionKey: string): Promise<SyncStateSummary> {
  const meta = await db.meta.get(connectionKey);
  const log = meta?.undoLog;
  const read = !!meta?.cursors.cso && !!meta.cursors.qbo;
  return { started: !!meta, read, undo: log ? { runId: log.runId, undone: !!log.undone } : null };
}
