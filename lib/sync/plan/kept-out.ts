/**
 * Rows the company's setup keeps out of the plan: QuickBooks' own records (never created in
 * CStoreOffice), records a one-way type does not copy, and pairs whose other-way changes a one-way
 * type holds back. Each gets the status Not Synchronized with words that say why; none makes an op.
 */
import { qboSystemReason } from '../../entities';
import { directionOf } from '../directions';
import { issues } from '../issues';
import type { Unpaired } from '../match';
import { keepOut, type SyncRow } from '../rows';
import type { PairWork, PlanOptions } from './types';

/** A QBO record without counterpart that is not created in CStoreOffice: true when kept out. */
export function keepOutQboOnly(item: Unpaired, row: SyncRow, options: PlanOptions): boolean {
  const reason = qboSystemReason(item.typeId, item.record);
  if (reason !== null) {
    keepOut(row, 'QuickBooks only (not imported)', issues.systemRecord(reason));
    return true;
  }
  const direction = directionOf(options.directions, item.typeId);
  if (direction !== 'toQbo') return false;
  keepOut(row, 'QuickBooks only (not copied)', issues.oneWayCreate(item.typeId, direction));
  return true;
}

/** A CStoreOffice record without counterpart that a QuickBooks → CStoreOffice type does not send. */
export function keepOutCsoOnly(item: Unpaired, row: SyncRow, options: PlanOptions): boolean {
  const direction = directionOf(options.directions, item.typeId);
  if (direction !== 'toCso') return false;
  keepOut(row, 'CStoreOffice only (not copied)', issues.oneWayCreate(item.typeId, direction));
  return true;
}

/** After the ops are made: a pair with nothing else to do whose differences are held back says so. */
export function markWithheld(works: readonly PairWork[], options: PlanOptions): void {
  for (const work of works) {
    if (work.withheld.length === 0 || work.row.status !== 'synchronized') continue;
    const direction = directionOf(options.directions, work.pair.typeId);
    keepOut(work.row, 'Not Synchronized (one way)', issues.oneWayChange(work.pair.typeId, direction, work.withheld));
  }
}
