/**
 * Predicts CStoreOffice's refusals of a QuickBooks account number, so they become table rows
 * before anything is sent: a number outside CStoreOffice's numbering, or one another CStoreOffice
 * account (or another account created in the same run) already holds. A refusal found only by
 * the request would show up after the run, and the preview would have promised the write.
 */
import { fitsCsoNumbering } from '../entities';
import { issues, type RowIssue } from './issues';
import type { SyncRow } from './rows';
import type { World } from './world';

export interface NumberClaim {
  row: SyncRow;
  /** The QBO account whose number CStoreOffice would receive. */
  qboId: string;
  name: string;
  number: string;
  /** The CStoreOffice account being updated (it may keep its own number). */
  ownId: string | null;
}

export function checkCsoNumbers(world: World, claims: readonly NumberClaim[]): Map<SyncRow, RowIssue> {
  const out = new Map<SyncRow, RowIssue>();
  if (claims.length === 0) return out;
  const claimed = new Set(claims.map((c) => c.number));
  const holders = new Map<string, { id: string; name: string }>();
  for (const account of world.cso.get('account')?.values() ?? []) {
    const number = account.number;
    if (typeof number === 'string' && claimed.has(number)) holders.set(number, { id: account.id, name: account.name });
  }
  const first = new Map<string, NumberClaim>();
  for (const claim of claims) {
    if (!fitsCsoNumbering(claim.number)) {
      out.set(claim.row, issues.csoNumberFormat(claim.number));
      continue;
    }
    const holder = holders.get(claim.number);
    if (holder && holder.id !== claim.ownId) {
      out.set(
        claim.row,
        issues.csoNumberTaken(claim.number, { side: 'cso', typeId: 'account', id: holder.id, name: holder.name }),
      );
      continue;
    }
    const earlier = first.get(claim.number);
    if (earlier) {
      out.set(
        claim.row,
        issues.csoNumberTaken(claim.number, { side: 'qbo', typeId: 'account', id: earlier.qboId, name: earlier.name }),
      );
      out.set(
        earlier.row,
        issues.csoNumberTaken(claim.number, { side: 'qbo', typeId: 'account', id: claim.qboId, name: claim.name }),
      );
    } else first.set(claim.number, claim);
  }
  return out;
}
