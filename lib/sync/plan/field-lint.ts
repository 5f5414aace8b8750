/**
 * Field lint before any write to QBO, beside the name lint: a value QuickBooks would refuse (a
 * description over 100 characters, an e-mail it cannot read…) makes the row a Synchronization
 * Error with the reason, and no request is sent for it.
 */
import { lintFields } from '../../entities';
import { comparedFields } from '../fields';
import { issues } from '../issues';
import { setStatus } from '../rows';
import type { CreateWork, PairWork } from './types';

export function lintQboValues(
  csoCreates: readonly CreateWork[],
  pairs: readonly Pick<PairWork, 'pair' | 'row' | 'toQbo' | 'csoValues'>[],
): void {
  for (const { item, row } of csoCreates) {
    if (row.status === 'error') continue;
    const problems = lintFields(item.typeId, item.record, comparedFields(item.typeId, 'cso'));
    if (problems.length) setStatus(row, 'error', null, issues.invalidValue(problems.map((p) => p.message)));
  }
  for (const { pair, row, toQbo, csoValues } of pairs) {
    if (row.status === 'error' || toQbo.length === 0) continue;
    const problems = lintFields(pair.typeId, csoValues, toQbo);
    if (problems.length) setStatus(row, 'error', null, issues.invalidValue(problems.map((p) => p.message)));
  }
}
