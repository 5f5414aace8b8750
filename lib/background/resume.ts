/**
 * On every worker start: a run that a stopped worker left unfinished is resumed, so the journal's
 * pending writes are sent (with their original idempotency keys) and nothing is lost or doubled.
 */
import { type AppDb, createJournal } from '@/lib/db';
import type { ConnectionMetaStore } from './connect-service';
import type { SyncService } from './sync-service';

export async function resumeUnfinishedRuns(deps: { db: AppDb; meta: ConnectionMetaStore; sync: SyncService }): Promise<number> {
  let resumed = 0;
  for (const company of await deps.db.companies.toArray()) {
    if (!(await deps.meta.get(company.key))) continue;
    const open = await createJournal(deps.db, company.key).open();
    if (!open) continue;
    resumed++;
    void deps.sync.synchronize({ key: company.key, origin: company.origin, companyId: company.companyId }, { trigger: 'resume', who: null });
  }
  return resumed;
}
