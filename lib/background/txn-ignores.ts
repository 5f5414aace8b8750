/**
 * Ignore Issues on transaction rows: a marker per row holds the issue and the total it was ignored
 * with, so a row reads as synchronized only while both stay as they were. A new issue or a changed
 * total brings the error back. Pure, over a store of the markers.
 */
import type { TxnRow } from '@/lib/posting/plan';
import type { KeyedValue } from './keyed-item';

export interface TxnIgnoreMarker {
  code: string;
  totalCents: number;
}

export type IgnoreMarkers = Record<string, TxnIgnoreMarker>;

export interface IgnoreStore {
  get(companyKey: string): Promise<IgnoreMarkers>;
  set(companyKey: string, markers: IgnoreMarkers): Promise<void>;
}

export function isIgnored(row: Pick<TxnRow, 'key' | 'status' | 'issue' | 'totalCents'>, markers: IgnoreMarkers) {
  const marker = markers[row.key];
  return row.status === 'error' && !!marker && marker.code === row.issue?.code && marker.totalCents === row.totalCents;
}

/** The markers for the error rows asked for, added to those still in force (stale ones dropped). */
export function withIgnored(
  rows: readonly TxnRow[],
  markers: IgnoreMarkers,
  keys: readonly string[],
): { markers: IgnoreMarkers; changed: number } {
  const wanted = new Set(keys);
  const next: IgnoreMarkers = {};
  let changed = 0;
  for (const row of rows) {
    if (row.status !== 'error' || !row.issue) continue;
    if (wanted.has(row.key) && !isIgnored(row, markers)) {
      next[row.key] = { code: row.issue.code, totalCents: row.totalCents };
      changed++;
    } else if (isIgnored(row, markers)) next[row.key] = markers[row.key]!;
  }
  return { markers: next, changed };
}

/** Markers in a storage value of every company's (keyed-item.ts). */
export function createItemIgnores(value: KeyedValue<IgnoreMarkers>): IgnoreStore {
  return {
    get: async (key) => ({ ...((await value.get(key)) ?? {}) }),
    set: (key, markers) => value.set(key, markers),
  };
}

/** Markers kept in memory only (tests, and builds without storage). */
export function createMemoryIgnores(): IgnoreStore {
  const byCompany = new Map<string, IgnoreMarkers>();
  return {
    get: async (key) => ({ ...(byCompany.get(key) ?? {}) }),
    set: async (key, markers) => void byCompany.set(key, { ...markers }),
  };
}
