/**
 * What a change in the options means for the companies already connected: the options that decide
 * what is planned recompute every connected company's rows at once (from what was last read, no
 * request to either side), so the table and the popup's counts follow without a reload.
 */
import type { Settings } from '@/lib/storage/settings';
import type { SyncTarget } from './sync-target';

const PLANNING_KEYS = [
  'enabledTypes',
  'conflictPolicy',
  'defaultIncomeAccount',
] as const satisfies readonly (keyof Settings)[];

export function changesPlanning(before: Settings | null, after: Settings | null): boolean {
  if (!before || !after) return before !== after;
  return PLANNING_KEYS.some((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

export async function refreshConnectedRows(deps: {
  connected: () => Promise<SyncTarget[]>;
  refreshRows: (target: SyncTarget) => Promise<boolean>;
  onError?: (target: SyncTarget, error: unknown) => void;
}): Promise<number> {
  let refreshed = 0;
  for (const target of await deps.connected()) {
    try {
      if (await deps.refreshRows(target)) refreshed++;
    } catch (error) {
      // A company that cannot be recomputed now (e.g. disconnected meanwhile) keeps its rows until its next run.
      deps.onError?.(target, error);
    }
  }
  return refreshed;
}
