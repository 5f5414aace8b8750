/** Which company a run is for, and a wait it tells of: shared by the sync service and its helpers. */
import type { RunTrigger } from '@/lib/messaging/protocol';
import type { Progress, SyncEngine } from '@/lib/sync';
import type { Directions } from '@/lib/sync/directions';

export interface SyncTarget {
  key: string;
  origin: string;
  companyId: string;
}

/** What a Synchronize is asked to do, and by whom. */
export interface RunRequest {
  trigger: RunTrigger;
  who: string | null;
  selection?: string[];
  /** Held deletions the user confirmed (honoured for a person's run only). */
  confirmDeletions?: string[];
  /** The user confirmed a first sync's creates in CStoreOffice (a person's run only). */
  confirmCreates?: boolean;
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

/** Choices being made that are not saved yet: the first-sync setup previews its directions with them. */
export interface EngineOverrides {
  directions?: Directions;
}

/** One company's engine, telling of its progress and of its waits before QBO is asked again. */
export type BuildEngine = (
  target: SyncTarget,
  onProgress: (progress: Progress) => void,
  onWait?: (wait: RunWait) => void,
  overrides?: EngineOverrides,
) => Promise<SyncEngine>;
