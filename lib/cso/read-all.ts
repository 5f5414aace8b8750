// Reading a whole CStoreOffice listing (CONTRACT.md, "List"): follow `nextCursor` to the end, keep
// the later copy of an item seen twice, split tombstones from live items, and refuse a listing read
// short of its own `total`. Every list (entity types, audit days, vendor invoices) is read this way.
import { CsoIncompleteReadError } from './errors';
import type { CsoTombstone } from './schemas';

export interface ListOptions {
  updatedSince?: string;
  limit?: number;
  signal?: AbortSignal;
}

export interface ListingPage<T> {
  items: Array<T | CsoTombstone>;
  nextCursor: string | null;
  total?: number | undefined;
  serverTime: string;
}

export interface Listing<T> {
  records: T[];
  tombstones: CsoTombstone[];
  /** The first page's server time: pass it as the next `updatedSince`. */
  serverTime: string;
}

/** The pages of one listing, each fetched with the cursor the page before handed out. */
export async function* pagesOf<P extends { nextCursor: string | null }>(
  fetchPage: (cursor: string | undefined) => Promise<P>,
): AsyncGenerator<P> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield page;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

const isGone = <T>(item: T | CsoTombstone): item is CsoTombstone =>
  typeof item === 'object' && item !== null && 'deleted' in item && item.deleted === true;

/** Every page, de-duplicated by id (an item changed while paging keeps its later copy). */
export async function collectListing<T extends { id: string }>(
  pages: AsyncIterable<ListingPage<T>>,
  what: string,
): Promise<Listing<T>> {
  const latest = new Map<string, T | CsoTombstone>();
  let serverTime = '';
  let total: number | undefined;
  for await (const page of pages) {
    serverTime ||= page.serverTime;
    total = page.total;
    for (const item of page.items) {
      latest.delete(item.id);
      latest.set(item.id, item);
    }
  }
  // Fewer distinct items than the listing holds: it ended early or left rows out (CONTRACT: total).
  if (total !== undefined && latest.size < total) throw new CsoIncompleteReadError(what, latest.size, total);
  const items = [...latest.values()];
  return { records: items.filter((i): i is T => !isGone(i)), tombstones: items.filter(isGone), serverTime };
}
