/**
 * The Transactions table's filter, sort and page, over the rows the background last read. A
 * company's documents are few enough (a day per station, and the invoices) to arrive whole, and a
 * change of sort or page then asks nothing of the background.
 */
import type { SyncStatusId } from '@/lib/entities';
import type { TxnPanelRow } from '@/lib/messaging/transactions';

export type TxnSortField = 'date' | 'station' | 'document' | 'total' | 'qboId' | 'status' | 'issue';

export interface TxnView {
  sort: { field: TxnSortField; dir: 'asc' | 'desc' } | null;
  statuses: SyncStatusId[] | null;
  search: string;
}

const KEYS: Record<TxnSortField, (r: TxnPanelRow) => string | number> = {
  date: (r) => r.date,
  station: (r) => r.station,
  document: (r) => r.document,
  total: (r) => r.totalCents,
  qboId: (r) => Number(r.qboId ?? -1),
  status: (r) => r.statusText,
  issue: (r) => r.issue?.title ?? '',
};

export function viewTxnRows(rows: readonly TxnPanelRow[], view: TxnView): TxnPanelRow[] {
  const search = view.search.trim().toLowerCase();
  const out = rows.filter(
    (r) =>
      (!view.statuses || view.statuses.includes(r.status)) &&
      (!search ||
        [r.date, r.station, r.document, r.qboId ?? '', r.statusText, r.issue?.title ?? '', r.issue?.detail ?? '']
          .join(' ')
          .toLowerCase()
          .includes(search)),
  );
  // Newest first until the user picks a column.
  const sort = view.sort ?? { field: 'date', dir: 'desc' };
  const key = KEYS[sort.field];
  const sign = sort.dir === 'asc' ? 1 : -1;
  return out.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order * sign || a.key.localeCompare(b.key);
  });
}

/** The tie-out's first period: the month of the newest document, or this month when there is none. */
export function monthOf(rows: readonly Pick<TxnPanelRow, 'date'>[], today: string): { from: string; to: string } {
  const newest = rows.reduce((max, r) => (r.date > max ? r.date : max), '') || today;
  const [year, month] = newest.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const ym = newest.slice(0, 7);
  return { from: `${ym}-01`, to: `${ym}-${String(lastDay).padStart(2, '0')}` };
}
