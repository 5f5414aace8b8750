/**
 * One page of History merged from CStoreOffice's run history and this browser's entries, newest
 * first. Pure: the reader fetches, this decides what the page shows and where the next one starts.
 *
 * Why a position and not an offset: CStoreOffice pages by an opaque cursor, one page of runs per
 * History page, so the runs fetched but not shown yet wait in `buffer`; this browser's entries
 * that CStoreOffice does not list (never appended, or older than the 500 it keeps) come in between
 * by start time. A run both know is shown once, with this browser's details (errors, Undo).
 */
import type { CsoRun } from '@/lib/cso';
import type { LocalPosition, StoredRun } from '@/lib/db';

export interface MergePosition {
  /** CStoreOffice's cursor for its next page (null: the first), and whether it has no more. */
  cursor: string | null;
  done: boolean;
  /** Runs fetched but not shown yet, newest first. */
  buffer: CsoRun[];
  /** The last local entry shown: the next local ones are older. */
  after: LocalPosition | null;
  /** The oldest run CStoreOffice listed so far. */
  oldest: string | null;
}

export const FIRST_POSITION: MergePosition = { cursor: null, done: false, buffer: [], after: null, oldest: null };

export type MergedItem = { run: CsoRun; local: StoredRun | null } | { run: null; local: StoredRun };

const byStartDesc = (a: CsoRun, b: CsoRun) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0);

/** The position once a page of CStoreOffice runs has been fetched (before merging). */
export function withFetched(from: MergePosition, page: { items: CsoRun[]; nextCursor: string | null }): MergePosition {
  const buffer = [...from.buffer, ...page.items].sort(byStartDesc);
  const oldest = buffer.reduce<string | null>(
    (min, r) => (min === null || r.startedAt < min ? r.startedAt : min),
    from.oldest,
  );
  return { ...from, buffer, cursor: page.nextCursor, done: page.nextCursor === null, oldest };
}

/**
 * Local entries older than the oldest run CStoreOffice keeps are only known to be gone from it once
 * it has listed everything: until then the local candidates are those never appended.
 */
export function sharedBefore(position: MergePosition): string | null {
  return position.done ? position.oldest : null;
}

/**
 * Takes up to `pageSize` items, newest first, from the buffered runs and `local` (the candidates
 * below `position.after`, newest first). `known` are this browser's entries of the buffered runs.
 */
export function mergePage(
  position: MergePosition,
  local: readonly StoredRun[],
  known: readonly StoredRun[],
  pageSize: number,
): { items: MergedItem[]; next: MergePosition } {
  const mine = new Map(known.map((e) => [e.csoRunId, e]));
  const items: MergedItem[] = [];
  let b = 0;
  let l = 0;
  let after = position.after;
  while (items.length < pageSize) {
    const run = position.buffer[b];
    const entry = local[l];
    // Runs not fetched yet may be newer than this entry: the page ends here rather than misorder.
    if (!run && !position.done && entry) break;
    if (run && (!entry || run.startedAt >= entry.startedAt)) {
      items.push({ run, local: mine.get(run.id) ?? null });
      b++;
    } else if (entry) {
      items.push({ run: null, local: entry });
      after = { startedAt: entry.startedAt, id: entry.id ?? 0 };
      l++;
    } else break;
  }
  return { items, next: { ...position, buffer: position.buffer.slice(b), after } };
}
