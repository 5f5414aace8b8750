/**
 * Rows the company's setup keeps out of the plan: QuickBooks' own records (never created in
 * CStoreOffice), records a one-way type does not copy or QuickBooks does not take (its tracking
 * is off), and pairs whose other-way changes are held back. Each gets the status Not Synchronized
 * with words that say why; none makes an op.
 */
import { qboSystemReason } from '../../entities';
import { issues } from '../issues';
import type { Unpaired } from '../match';
import { keepOut, type SyncRow } from '../rows';
import { flowOf } from './flow';
import type { PairWork, PlanOptions } from './types';

/** A QBO record without counterpart that is not created in CStoreOffice: true when kept out. */
export function keepOutQboOnly(item: Unpaired, row: SyncRow, options: PlanOptions): boolean {
  const reason = qboSystemReason(item.typeId, item.record);
  if (reason !== null) {
    keepOut(row, 'QuickBooks only (not imported)', issues.systemRecord(reason));
    return true;
  }
  const { direction } = flowOf(options, item.typeId);
  if (direction !== 'toQbo') return false;
  keepOut(row, 'QuickBooks only (not copied)', issues.oneWayCreate(item.typeId, direction));
  return true;
}

/** A CStoreOffice record without counterpart that is not sent to QuickBooks (one way, or refused there). */
export function keepOutCsoOnly(item: Unpaired, row: SyncRow, options: PlanOptions): boolean {
  const { direction, qboRefuses } = flowOf(options, item.typeId);
  if (direction !== 'toCso') return false;
  if (qboRefuses === null) keepOut(row, 'CStoreOffice only (not copied)', issues.oneWayCreate(item.typeId, direction));
  else keepOut(row, 'CStoreOffice only (not sent)', issues.qboRefuses(qboRefuses));
  return true;
}

/** After the ops are made: a pair whose differences are held back says so on its row. */
export function markWithheld(works: readonly PairWork[], options: PlanOptions): void {
  for (const work of works) {
    const { row } = work;
    if (row.status === 'error') continue;
    if (work.withheld.length > 0 && row.status === 'synchronized') {
      const { direction, qboRefuses } = flowOf(options, work.pair.typeId);
      const why =
        qboRefuses === null
          ? issues.oneWayChange(work.pair.typeId, direction, work.withheld)
          : issues.qboRefuses(qboRefuses);
      keepOut(row, 'Not Synchronized (one way)', why);
    } else if (work.qboRefused) {
      // Only some fields stay behind: the row keeps its status and says which.
      const why = issues.qboRefuses(work.qboRefused.why);
      if (row.status === 'synchronized') keepOut(row, 'Not Synchronized (setting in QuickBooks)', why);
      else row.issue = why;
    }
  }
}
