/**
 * On every worker start: a run that a stopped worker left unfinished is resumed, so the journal's
 * pending writes are sent (with their original idempotency keys) and nothing is lost or doubled.
 */
import { type AppDb, createJournal } from '@/lib/db';
import type { ConnectionMetaStore } from './connect-service';
import { connectedTargets } from './connected-companies';
import type { SyncService } from './sync-service';

export async function resumeUnfinishedRuns(deps: {
  db: AppDb;
  meta: ConnectionMetaStore;
  sync: SyncService;
}): Promise<number> {
  let resumed = 0;
  for (const target of await connectedTargets(deps.db, deps.meta)) {
    const open = await createJournal(deps.db, target.key).open();
    if (!open) continue;
    resumed++;
    void deps.sync.synchronize(target, { trigger: 'resume', who: null });
  }
  return resumed;
}
