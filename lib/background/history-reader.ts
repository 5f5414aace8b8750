/**
 * The History tab's pages and CSV: CStoreOffice's run history of the company merged with this
 * browser's entries (history-merge.ts). One listRuns call at most per page shown, so opening the
 * manager is not held up by the whole history; where each page starts is kept in memory (a worker
 * restarted since walks from the nearest page it knows). CStoreOffice unreachable: this browser's
 * entries, with words saying so; a server before v1.3: this browser's entries, silently.
 */
import { type CsoClient, type CsoRun, CsoFeatureMissingError } from '@/lib/cso';
import type { RunHistory, StoredRun, SyncStateSummary } from '@/lib/db';
import type { HistoryEntry } from '@/lib/messaging/protocol';
import { fromCsoRun, toCsoRun } from './cso-runs';
import { FIRST_POSITION, type MergePosition, mergePage, sharedBefore, withFetched } from './history-merge';
import type { SyncTarget } from './sync-target';
import { toHistoryEntry } from './views';

export type RunLister = Pick<CsoClient, 'listRuns'>;

export interface HistoryReaderDeps {
  /** Absent: History is this browser's only. */
  client?: (origin: string) => RunLister;
  history(key: string): RunHistory;
  undoMark(key: string): Promise<SyncStateSummary['undo']>;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  total: number;
  /** Why CStoreOffice's history is not in this page, in words; null when it is (or the server keeps none). */
  shared: string | null;
}

type Target = Pick<SyncTarget, 'key' | 'origin' | 'companyId'>;

/** A pending entry whose append landed although its answer never came back reads as this run. */
function sameRun(entry: StoredRun, run: CsoRun): boolean {
  const sent = toCsoRun(entry);
  return (
    sent.startedAt === run.startedAt &&
    sent.finishedAt === run.finishedAt &&
    sent.outcome === run.outcome &&
    sent.by === run.by &&
    sent.message === run.message
  );
}

/** History waits no longer for CStoreOffice (retries included) before showing this browser's runs. */
const READ_TIMEOUT_MS = 8_000;

/** The contract's largest page: the export reads the whole history (500 runs at most) in these. */
const EXPORT_PAGE = 100;

export function createHistoryReader(deps: HistoryReaderDeps) {
  const paging = new Map<string, { pageSize: number; starts: MergePosition[]; total: number }>();
  /** Origins whose server keeps no run history (before v1.3): not asked again until the worker restarts. */
  const older = new Set<string>();

  async function step(target: Target, client: RunLister, from: MergePosition, pageSize: number) {
    const state = paging.get(target.key)!;
    let position = from;
    if (position.buffer.length < pageSize && !position.done) {
      const page = await client.listRuns(target.companyId, {
        limit: Math.min(pageSize, EXPORT_PAGE),
        signal: AbortSignal.timeout(READ_TIMEOUT_MS),
        ...(position.cursor ? { cursor: position.cursor } : {}),
      });
      state.total = page.total;
      position = withFetched(position, page);
    }
    const history = deps.history(target.key);
    const [candidates, known] = await Promise.all([
      history.localOnly({ after: position.after, limit: pageSize, sharedBefore: sharedBefore(position) }),
      history.byCsoIds(position.buffer.slice(0, pageSize).map((r) => r.id)),
    ]);
    const local = [];
    for (const entry of candidates) {
      const twin = entry.csoPending ? position.buffer.find((r) => sameRun(entry, r)) : undefined;
      if (!twin) local.push(entry);
      else {
        // Appended, but the answer was lost: it is this run, so it is shown once and not sent again.
        await history.markShared(entry.id!, twin.id);
        known.push({ ...entry, csoRunId: twin.id });
      }
    }
    return mergePage(position, local, known, pageSize);
  }

  async function merged(target: Target, client: RunLister, page: number, pageSize: number) {
    let state = paging.get(target.key);
    if (page === 0 || !state || state.pageSize !== pageSize) {
      state = { pageSize, starts: [FIRST_POSITION], total: 0 };
      paging.set(target.key, state);
    }
    let at = Math.min(page, state.starts.length - 1);
    for (;;) {
      const { items, next } = await step(target, client, state.starts[at]!, pageSize);
      state.starts[at + 1] = next;
      if (at === page) return { items, total: state.total };
      at++;
    }
  }

  async function localPage(target: Target, page: number, pageSize: number, shared: string | null) {
    const [list, mark] = await Promise.all([
      deps.history(target.key).list({ page, pageSize }),
      deps.undoMark(target.key),
    ]);
    return { entries: list.entries.map((e) => toHistoryEntry(e, mark)), total: list.total, shared };
  }

  return {
    async page(target: Target, page: number, pageSize: number): Promise<HistoryPage> {
      const client = deps.client?.(target.origin);
      if (!client || older.has(target.origin)) return localPage(target, page, pageSize, null);
      try {
        const [{ items, total }, mark, localOnly] = await Promise.all([
          merged(target, client, page, pageSize),
          deps.undoMark(target.key),
          deps.history(target.key).countLocalOnly(),
        ]);
        return {
          entries: items.map((i) => toHistoryEntry(i.local ?? fromCsoRun(i.run!), mark)),
          total: total + localOnly,
          shared: null,
        };
      } catch (error) {
        paging.delete(target.key);
        if (error instanceof CsoFeatureMissingError) {
          older.add(target.origin);
          return localPage(target, page, pageSize, null);
        }
        const why = error instanceof Error ? error.message : String(error);
        return localPage(
          target,
          page,
          pageSize,
          `CStoreOffice's shared history could not be read (${why}). Showing the runs made in this browser only.`,
        );
      }
    },

    /** Every entry for the CSV, newest first: this browser's, and the runs only CStoreOffice has. */
    async exportAll(target: Target): Promise<StoredRun[]> {
      const local = await deps.history(target.key).exportAll();
      const client = deps.client?.(target.origin);
      if (!client || older.has(target.origin)) return local;
      const runs: CsoRun[] = [];
      try {
        let cursor: string | null = null;
        do {
          const page = await client.listRuns(target.companyId, { limit: EXPORT_PAGE, ...(cursor ? { cursor } : {}) });
          runs.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
      } catch {
        // The file still holds every run made here; the tab says when CStoreOffice cannot be read.
        return local;
      }
      const mine = new Set(local.map((e) => e.csoRunId));
      const elsewhere = runs.filter((r) => !mine.has(r.id)).map(fromCsoRun);
      return [...local, ...elsewhere].sort((a, b) =>
        a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0,
      );
    },
  };
}
