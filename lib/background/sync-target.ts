/** Which company a run is for, and a wait it tells of: shared by the sync service and its helpers. */
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
