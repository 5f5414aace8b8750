/** Shapes posting's rows into what the Transactions section shows, and counts them for the popup. */
import type { TxnRow } from '@/lib/posting/plan';
import type { TxnEntity } from '@/lib/posting/types';
import type { TxnCounts, TxnPanelRow } from '@/lib/messaging/transactions';
import { type IgnoreMarkers, isIgnored } from './txn-ignores';

const PAGES: Record<TxnEntity, string> = {
  JournalEntry: '/app/journal',
  Bill: '/app/bill',
  VendorCredit: '/app/vendorcredit',
};

function qboTxnUrl(webBase: string, entity: TxnEntity, id: string, realmId: string | null): string {
  const company = realmId ? `&companyId=${encodeURIComponent(realmId)}` : '';
  return `${webBase.replace(/\/+$/, '')}${PAGES[entity]}?txnId=${encodeURIComponent(id)}${company}`;
}

export function toTxnPanelRow(
  row: TxnRow,
  markers: IgnoreMarkers,
  web: { base: string; realmId: string | null },
): TxnPanelRow {
  const ignored = isIgnored(row, markers);
  return {
    key: row.key,
    kind: row.kind,
    date: row.date,
    station: row.station,
    document: row.document,
    totalCents: row.totalCents,
    qboId: row.qboId,
    qboUrl: row.qboId && row.qboEntity ? qboTxnUrl(web.base, row.qboEntity, row.qboId, web.realmId) : null,
    status: ignored ? 'synchronized' : row.status,
    statusText: ignored ? 'Synchronized (ignored)' : row.statusText,
    issue: row.issue ? { code: row.issue.code, title: row.issue.title, detail: row.issue.detail } : null,
    ignored,
  };
}

/** Rows not audited yet wait for CStoreOffice, not for Synchronize: they are not counted as waiting. */
export function countTxnRows(rows: readonly Pick<TxnPanelRow, 'status'>[]): TxnCounts {
  const counts: TxnCounts = { synchronized: 0, waiting: 0, errors: 0 };
  for (const { status } of rows) {
    if (status === 'synchronized') counts.synchronized++;
    else if (status === 'error') counts.errors++;
    else if (status !== 'notSynced') counts.waiting++;
  }
  return counts;
}
