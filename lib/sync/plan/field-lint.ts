/**
 * Field lint before any write to QBO, beside the name lint: a value QuickBooks would refuse (a
 * description over 100 characters, an e-mail it cannot read…) makes the row a Synchronization
 * Error with the reason, and no request is sent for it.
 */
import { lintFields } from '../../entities';
import { comparedFields } from '../fields';
import { issues } from '../issues';
import { setStatus } from '../rows';
import type { RecordValues } from '../types';
import type { CreateWork, PairWork } from './types';

export function lintQboValues(
  csoCreates: readonly CreateWork[],
  pairs: readonly Pick<PairWork, 'pair' | 'row' | 'toQbo' | 'csoValues' | 'qboValues'>[],
): void {
  for (const { item, row } of csoCreates) {
    if (row.status === 'error') continue;
    const problems = lintFields(item.typeId, item.record, comparedFields(item.typeId, 'cso'));
    if (problems.length) setStatus(row, 'error', null, issues.invalidValue(problems.map((p) => p.message)));
  }
  for (const { pair, row, toQbo, csoValues, qboValues } of pairs) {
    if (row.status === 'error' || toQbo.length === 0) continue;
    const problems = lintFields(pair.typeId, csoValues, toQbo).map((p) => p.message);
    if (removesDebitAccount(pair.typeId, toQbo, csoValues, qboValues)) problems.push(DEBIT_KEPT);
    if (problems.length) setStatus(row, 'error', null, issues.invalidValue(problems));
  }
}

// A sparse update cannot clear a reference (qbo-api.md §3): the item would silently keep posting to
// the old expense account while the row read Synchronized.
const DEBIT_KEPT =
  'The debit account was removed in CStoreOffice, but QuickBooks keeps an item’s expense account when it is updated, so it would go on posting to the old one. Choose a debit account in CStoreOffice, or remove the purchase information from the item in QuickBooks.';

function removesDebitAccount(typeId: string, toQbo: readonly string[], cso: RecordValues, qbo: RecordValues): boolean {
  return (
    typeId === 'dataType' &&
    toQbo.includes('debitAccountId') &&
    cso.debitAccountId === null &&
    qbo.debitAccountId !== null
  );
}
