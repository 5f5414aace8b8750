/**
 * The five synchronization statuses of a row, labelled exactly as CStoreOffice's documentation
 * words them, plus the side a pending status will write to; and a sixth for rows the company's setup
 * keeps out on purpose (QuickBooks' own records, a type synchronized one way): nothing is pending
 * for them, but they are not in step either, so they are not counted as synchronized.
 */
export const SYNC_STATUS_IDS = [
  'synchronized',
  'waitingForCreation',
  'waitingForUpdate',
  'waitingForDeletion',
  'error',
  'notSynced',
] as const;

export type SyncStatusId = (typeof SYNC_STATUS_IDS)[number];

export const SYNC_STATUS_LABELS: Readonly<Record<SyncStatusId, string>> = {
  synchronized: 'Synchronized',
  waitingForCreation: 'Waiting for Creation',
  waitingForUpdate: 'Waiting for Update',
  waitingForDeletion: 'Waiting for Deletion',
  error: 'Synchronization Error',
  notSynced: 'Not Synchronized',
};

export type Side = 'cso' | 'qbo';

export const SIDE_LABELS: Readonly<Record<Side, string>> = {
  cso: 'CStoreOffice',
  qbo: 'QuickBooks',
};

function isPending(status: SyncStatusId): boolean {
  return status === 'waitingForCreation' || status === 'waitingForUpdate' || status === 'waitingForDeletion';
}

/** "Waiting for Creation in QuickBooks": the words a pending row shows. */
export function describeStatus(status: SyncStatusId, target?: Side): string {
  const label = SYNC_STATUS_LABELS[status];
  return isPending(status) && target ? `${label} in ${SIDE_LABELS[target]}` : label;
}
