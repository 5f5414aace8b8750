/**
 * An account's type belongs to CStoreOffice once linked (its reports and postings depend on it): a
 * type edited in QuickBooks is never written to CStoreOffice. The row becomes a Synchronization
 * Error that says so and what to do, and nothing is written for it until one side changes.
 */
import { issues } from '../issues';
import { setStatus } from '../rows';
import type { PairWork } from './types';

export function refuseQboTypeEdits(
  pairs: readonly Pick<PairWork, 'pair' | 'row' | 'toCso' | 'csoValues' | 'qboValues'>[],
): void {
  for (const { pair, row, toCso, csoValues, qboValues } of pairs) {
    if (pair.typeId !== 'account' || pair.link === null || row.status === 'error') continue;
    if (!toCso.includes('accountType')) continue;
    setStatus(
      row,
      'error',
      null,
      issues.accountTypeFixed(String(csoValues.accountType), String(qboValues.accountType)),
    );
  }
}
