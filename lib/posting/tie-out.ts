/**
 * The tie-out: for a period, what CStoreOffice's audited days and invoices should have put on each
 * account, class and location, beside what QuickBooks' posted transactions did put there, to the
 * cent. Debits count positive and credits negative; a bill's lines are debits (its Accounts Payable
 * side is QuickBooks' own) and a vendor credit's are credits.
 */
import type { TxnBody } from './types';

export interface TieOutLine {
  accountId: string;
  classId: string | null;
  departmentId: string | null;
  csoCents: number;
  qboCents: number;
  differenceCents: number;
}

function netsOf(bodies: readonly TxnBody[], from: string, to: string): Map<string, number> {
  const nets = new Map<string, number>();
  for (const body of bodies) {
    if (body.txnDate < from || body.txnDate > to) continue;
    for (const line of body.lines) {
      const credit = line.postingType ? line.postingType === 'Credit' : body.entity === 'VendorCredit';
      const key = JSON.stringify([
        line.accountId,
        line.classId ?? null,
        line.departmentId ?? body.departmentId ?? null,
      ]);
      nets.set(key, (nets.get(key) ?? 0) + (credit ? -line.amountCents : line.amountCents));
    }
  }
  return nets;
}

/** Every account × class × location either side touches in the period, differences first. */
export function tieOut(
  expected: readonly TxnBody[],
  posted: readonly TxnBody[],
  period: { from: string; to: string },
): TieOutLine[] {
  const cso = netsOf(expected, period.from, period.to);
  const qbo = netsOf(posted, period.from, period.to);
  const lines: TieOutLine[] = [];
  for (const key of new Set([...cso.keys(), ...qbo.keys()])) {
    const [accountId, classId, departmentId] = JSON.parse(key) as [string, string | null, string | null];
    const csoCents = cso.get(key) ?? 0;
    const qboCents = qbo.get(key) ?? 0;
    lines.push({ accountId, classId, departmentId, csoCents, qboCents, differenceCents: qboCents - csoCents });
  }
  return lines.sort(
    (a, b) => Number(b.differenceCents !== 0) - Number(a.differenceCents !== 0) || (a.accountId < b.accountId ? -1 : 1),
  );
}
