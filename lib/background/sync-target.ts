/** Which company a run is for, and a wait it tells of: shared by the sync service and its helpers. */
import type { Progress, SyncEngine } from '@/lib/sync';

export interface SyncTarget {
  key: string;
  origin: string;
  companyId: string;
}

/** A run waiting before a service is asked again: why, and for how long. */
export interface RunWait {
  why: string;
  delayMs: number;
}

/** When the service is asked again, as the surfaces show it. */
export function waitingUntil(wait: RunWait, now: Date): { why: string; until: string } {
  return { why: wait.why, until: new Date(now.getTime() + wait.delayMs).toISOString() };
}

/** One company's engine, telling of its progress and of its waits before QBO is asked again. */
export type BuildEngine = (
  target: SyncTarget,
  onProgress: (progress: Progress) => void,
  onWait?: (wait: RunWait) => void,
) => Promise<SyncEngine>;
