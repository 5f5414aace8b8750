/**
 * Reading both sides for a posting run: whole the first time (or when the cache is gone or too
 * old), then only what changed — CStoreOffice's listings since their watermark, QuickBooks' change
 * feed since its cursor — merged into the last snapshot. A month with nothing new costs one request
 * per listing and one change-feed request.
 */
import type { DocumentSource, PostedStore, PostingCache, PostingSnapshot } from './ports';
import { sourceOf } from './posted-index';

/** QBO's change feed looks back 30 days; a cursor older than this is read whole instead. */
const MAX_CURSOR_AGE_MS = 29 * 24 * 3600_000;

/** `old` with `changed` put in and `removed` taken out, by key (QuickBooks numbers each entity apart). */
function merged<T>(old: readonly T[], changed: readonly T[], removed: readonly string[], key: (x: T) => string): T[] {
  const map = new Map(old.map((x) => [key(x), x]));
  for (const x of changed) map.set(key(x), x);
  for (const k of removed) map.delete(k);
  return [...map.values()];
}
const docKey = (d: { id: string }) => d.id;
const txnKey = (t: { entity: string; id: string }) => `${t.entity}:${t.id}`;

export interface SidesRead {
  snapshot: PostingSnapshot;
  /** Invoices CStoreOffice reported deleted (tombstones) since the last read. */
  deletedInvoices: Set<string>;
}

export async function readSides(
  documents: DocumentSource,
  qbo: PostedStore,
  cache: PostingCache | undefined,
  now: Date,
): Promise<SidesRead> {
  const last = await cache?.load();
  const fresh = last && now.getTime() - Date.parse(last.takenAt) < MAX_CURSOR_AGE_MS ? last : null;
  if (fresh) {
    try {
      const [docs, txns] = await Promise.all([documents.changes(fresh.csoCursor), qbo.changes(fresh.qboCursor)]);
      const deletedInvoices = new Set(docs.deletedInvoices);
      const days = merged(fresh.days, docs.days, [], docKey);
      const invoices = merged(fresh.invoices, docs.invoices, docs.deletedInvoices, docKey);
      const earliest = [...docs.days, ...docs.invoices].map((d) => d.date).sort()[0];
      // A changed document dated before the period read: read QuickBooks whole from its date.
      if (!earliest || earliest >= fresh.from) {
        const posted = merged(fresh.posted, txns.changed, txns.deleted.map(txnKey), txnKey);
        const snapshot = {
          ...fresh,
          days,
          invoices,
          posted,
          csoCursor: docs.cursor,
          qboCursor: txns.cursor,
          takenAt: now.toISOString(),
        };
        await cache?.save(snapshot);
        return { snapshot, deletedInvoices };
      }
    } catch {
      // A watermark or cursor the services no longer honour (410, too old): read whole.
    }
  }
  const docs = await documents.read();
  const from = [...docs.days, ...docs.invoices].map((d) => d.date).sort()[0] ?? now.toISOString().slice(0, 10);
  const posted = await qbo.posted(from);
  const snapshot: PostingSnapshot = {
    days: docs.days,
    invoices: docs.invoices,
    posted: posted.txns,
    from,
    csoCursor: docs.cursor,
    qboCursor: posted.cursor,
    takenAt: now.toISOString(),
  };
  await cache?.save(snapshot);
  // A whole read says nothing of deletions: an invoice it does not list is asked about (engine.ts).
  return { snapshot, deletedInvoices: new Set() };
}

/** The invoices a posting names that the snapshot does not list. */
export function unlistedInvoices(snapshot: PostingSnapshot): string[] {
  const listed = new Set(snapshot.invoices.map((i) => i.id));
  const out = new Set<string>();
  for (const txn of snapshot.posted) {
    const source = sourceOf(txn);
    if (source?.kind === 'invoice' && !listed.has(source.id)) out.add(source.id);
  }
  return [...out];
}
