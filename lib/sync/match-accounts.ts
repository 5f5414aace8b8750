/**
 * Accounts that are the same ledger under two names. QuickBooks names its payables and receivables
 * "Accounts Payable (A/P)" and "Accounts Receivable (A/R)", where CStoreOffice says "Accounts
 * Payable" and "Accounts Receivable"; a company that numbers its accounts gives both the same
 * number. Creating CStoreOffice's in QuickBooks would fail ("Account number already used") or make
 * a second payables ledger, so such a pair is offered as one link for the user to confirm.
 */
import type { AnyRecord } from './types';

export type TwinReason = 'number' | 'role';

/** The QBO names QuickBooks gives the ledgers it keeps itself, by CStoreOffice account type. */
const LEDGER_NAMES: Readonly<Record<string, string>> = {
  'Accounts Payable': 'Accounts Payable (A/P)',
  'Accounts Receivable': 'Accounts Receivable (A/R)',
};

export interface AccountTwin {
  record: AnyRecord;
  why: TwinReason;
}

/**
 * The one unmatched QBO account `cso` is most likely the same ledger as: the only one of its type
 * with its account number, else QuickBooks' own A/P or A/R for a top-level account of that type. None when
 * the evidence points at several.
 */
export function findAccountTwin(
  cso: AnyRecord,
  candidates: readonly AnyRecord[],
  taken: ReadonlySet<AnyRecord>,
): AccountTwin | undefined {
  const free = candidates.filter((r) => !taken.has(r));
  const number = typeof cso.number === 'string' && cso.number !== '' ? cso.number : null;
  if (number !== null) {
    // Numbering schemes differ between companies: a number is evidence only between accounts of one type.
    const same = free.filter((r) => r.number === number && r.accountType === cso.accountType);
    if (same.length === 1) return { record: same[0]!, why: 'number' };
    if (same.length > 1) return undefined;
  }
  const ledger = !cso.parentId && typeof cso.accountType === 'string' ? LEDGER_NAMES[cso.accountType] : undefined;
  if (!ledger) return undefined;
  const same = free.filter((r) => !r.parentId && r.name === ledger && r.accountType === cso.accountType);
  return same.length === 1 ? { record: same[0]!, why: 'role' } : undefined;
}
