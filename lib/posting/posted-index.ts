/**
 * Which QuickBooks transaction each CStoreOffice document was posted as. Every posting's note names
 * its document ("CStoreOffice day 90000001"), so no link has to be kept anywhere: a fresh browser,
 * or a second bookkeeper, finds the same entries. A journal entry with a day's number but without
 * that note (made by hand, or its note edited in QuickBooks) is not taken for the posting: it is
 * reported, and the day is held, rather than overwritten or doubled.
 */
import type { PostedTxn } from './types';

export type SourceKind = 'day' | 'invoice';

const MARK = /\(CStoreOffice (day|invoice) ([^()]+)\)\.?$/;

export function sourceOf(txn: Pick<PostedTxn, 'privateNote' | 'entity'>): { kind: SourceKind; id: string } | null {
  const found = MARK.exec(txn.privateNote);
  if (!found) return null;
  const kind = found[1] as SourceKind;
  // A day is only ever a journal entry, an invoice a bill or a vendor credit.
  if ((kind === 'day') !== (txn.entity === 'JournalEntry')) return null;
  return { kind, id: found[2]! };
}

const sourceKey = (kind: SourceKind, id: string) => `${kind}:${id}`;

/** The posted transactions by source key; unmarked journal entries by document number, for days. */
export function indexPosted(posted: readonly PostedTxn[]) {
  const bySource = new Map<string, PostedTxn[]>();
  const entriesByNumber = new Map<string, PostedTxn[]>();
  for (const txn of posted) {
    const source = sourceOf(txn);
    if (source) {
      const key = sourceKey(source.kind, source.id);
      bySource.set(key, [...(bySource.get(key) ?? []), txn]);
    } else if (txn.entity === 'JournalEntry')
      entriesByNumber.set(txn.docNumber, [...(entriesByNumber.get(txn.docNumber) ?? []), txn]);
  }
  return {
    /** Every transaction posted from the document (more than one only after a race: the extras go). */
    of(kind: SourceKind, id: string): PostedTxn[] {
      return bySource.get(sourceKey(kind, id)) ?? [];
    },
    /** Journal entries numbered as a day's entry that do not name it. */
    unmarkedEntries(docNumber: string): PostedTxn[] {
      return entriesByNumber.get(docNumber) ?? [];
    },
    /** Documents posted that CStoreOffice no longer lists (a deleted invoice). */
    sources(): string[] {
      return [...bySource.keys()];
    },
  };
}
