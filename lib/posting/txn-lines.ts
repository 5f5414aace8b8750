/**
 * Lines into a transaction's lines: amounts that post to one account (and one customer or vendor)
 * are netted, so an entry reads one line per account as an accountant would write it, and the
 * clearing account a balanced day passes through nets to nothing. Each posting is balanced on its
 * own, so the netted entry is balanced too.
 */
import type { TxnLine } from './types';

export interface Posting {
  accountId: string;
  /** Positive: a debit; negative: a credit. */
  cents: number;
  party?: TxnLine['party'];
  /** The data type's name, for the line's description. */
  source: string;
}

const DESCRIPTION_MAX = 4000;

/** Netted, ordered lines; the tracking every line carries is added by the caller's `track`. */
export function nettedLines(postings: readonly Posting[], track: Pick<TxnLine, 'classId' | 'departmentId'>): TxnLine[] {
  const byKey = new Map<string, { posting: Posting; cents: number; sources: Set<string> }>();
  for (const p of postings) {
    const key = `${p.accountId}|${p.party?.type ?? ''}|${p.party?.id ?? ''}`;
    const held = byKey.get(key);
    if (held) {
      held.cents += p.cents;
      held.sources.add(p.source);
    } else byKey.set(key, { posting: p, cents: p.cents, sources: new Set([p.source]) });
  }
  const lines: TxnLine[] = [];
  for (const [key, { posting, cents, sources }] of [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (cents === 0 || !key) continue;
    const description = [...sources].sort().join(', ');
    lines.push({
      postingType: cents > 0 ? 'Debit' : 'Credit',
      accountId: posting.accountId,
      amountCents: Math.abs(cents),
      ...(posting.party ? { party: posting.party } : {}),
      ...track,
      description: description.length > DESCRIPTION_MAX ? `${description.slice(0, DESCRIPTION_MAX - 1)}…` : description,
    });
  }
  // Debits first, then credits, as an entry is read.
  return [...lines.filter((l) => l.postingType === 'Debit'), ...lines.filter((l) => l.postingType === 'Credit')];
}

/** The tracking a station's lines carry, as the QuickBooks company tracks classes and locations. */
export function trackingOf(
  station: { qboClassId: string | null; qboDepartmentId: string | null },
  tracking: { classes: boolean; locations: boolean },
): Pick<TxnLine, 'classId' | 'departmentId'> {
  return {
    ...(tracking.classes && station.qboClassId ? { classId: station.qboClassId } : {}),
    ...(tracking.locations && station.qboDepartmentId ? { departmentId: station.qboDepartmentId } : {}),
  };
}
