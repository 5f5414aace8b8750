// How every CStoreOffice list pages (CONTRACT.md, "List"): a bucket kept in change order, each
// item with the change sequence of its last write, tombstones kept until pruned. The entity store
// and the transaction store both page through here, so cursors, `updatedSince` and `total` mean the
// same thing on every list.

export interface Changed {
  id: string;
  seq: number;
  updatedAtMs: number;
  deleted: boolean;
}

export interface ListQuery {
  afterSeq: number;
  sinceMs: number | null;
  limit: number;
}

/** One page after `afterSeq`, and `total`: how many items the whole listing (same filter) holds now. */
export function pageOf<T extends Changed>(
  bucket: Iterable<T>,
  q: ListQuery,
): { records: T[]; more: boolean; total: number } {
  const records: T[] = [];
  let total = 0;
  let more = false;
  for (const rec of bucket) {
    if (q.sinceMs === null ? rec.deleted : rec.updatedAtMs < q.sinceMs) continue;
    total++;
    if (rec.seq <= q.afterSeq) continue;
    if (records.length === q.limit) more = true;
    else records.push(rec);
  }
  return { records, more, total };
}

/** Drops a bucket's tombstones last changed before `beforeMs` (CStoreOffice keeps them 30 days). */
export function dropTombstonesBefore(bucket: Map<string, Changed>, beforeMs: number): void {
  for (const [id, rec] of bucket) {
    // Change order: once a record is newer than the horizon, every later one is too.
    if (rec.updatedAtMs >= beforeMs) break;
    if (rec.deleted) bucket.delete(id);
  }
}
