/**
 * Appends a company's finished runs to CStoreOffice's run history (contract v1.3), so History made
 * in one browser is seen in another. Called after each run has been written to the local History:
 * it sends every entry still marked pending, oldest first, so one that failed last time goes now.
 * Never fails the run: an unreachable server leaves the marks for the next run, and a server older
 * than v1.3 (CsoFeatureMissingError) keeps the history in this browser only.
 */
import { CsoBadRequestError, type CsoClient, CsoFeatureMissingError, CsoValidationError } from '@/lib/cso';
import type { NewStoredRun, RunHistory } from '@/lib/db';
import { toCsoRun } from './cso-runs';
import type { SyncTarget } from './sync-target';

export type RunAppender = Pick<CsoClient, 'appendRun'>;

/** CStoreOffice keeps the newest 500 runs: an older entry would be dropped as soon as it is appended. */
const PENDING_WINDOW = 500;

export function createHistoryShare(deps: { client(origin: string): RunAppender }) {
  return async function share(target: Pick<SyncTarget, 'origin' | 'companyId'>, history: RunHistory): Promise<void> {
    const pending = await history.pendingShares(PENDING_WINDOW);
    for (const [i, entry] of pending.entries()) {
      try {
        // The run id as the key: a retry, or a worker resumed after a lost answer, never appends twice.
        const run = await deps.client(target.origin).appendRun(target.companyId, toCsoRun(entry), {
          idempotencyKey: entry.runId,
        });
        await history.markShared(entry.id!, run.id);
      } catch (error) {
        if (error instanceof CsoFeatureMissingError) {
          for (const rest of pending.slice(i)) await history.markShared(rest.id!, null);
          return;
        }
        // Refused for what it is (a value, a key reused with another body): sending it again cannot help.
        if (error instanceof CsoValidationError || error instanceof CsoBadRequestError) {
          await history.markShared(entry.id!, null);
          continue;
        }
        // Not reached, signed out, throttled: the next run tries again, in the same order.
        return;
      }
    }
  };
}

export type HistoryShare = ReturnType<typeof createHistoryShare>;

/**
 * Writes a run's History entry, marked to go to CStoreOffice when sharing is wired, then sends it
 * with any left from before. Whatever sharing meets, the run has its entry and its result.
 */
export async function recordRun(
  to: { history: RunHistory; share: HistoryShare | undefined; target: Pick<SyncTarget, 'origin' | 'companyId'> },
  entry: NewStoredRun,
): Promise<void> {
  await to.history.append({ ...entry, ...(to.share ? { csoPending: true } : {}) });
  await to.share?.(to.target, to.history).catch((error: unknown) => console.warn('History not shared', error));
}
