/** The pure sync engine: ports in, plan and rows out. */
export * from './types';
export * from './ports';
export { createSyncEngine, type SyncEngine } from './engine';
export { RealmMismatchError, type SyncEngineOptions, type SyncReport } from './engine-types';
export { describeHeld, type HeldDeletions } from './deletion-breaker';
export { describeHeldCreates, type HeldCreates } from './first-sync-guard';
export type { Progress } from './execute';
export { analyze } from './plan/analyze';
export { summarizePlan, type PlanSummary } from './preview';
export type { SyncRow } from './rows';
export { translateFailure } from './error-words';
export { reportConflicts, csoWins, qboWins, newestWins } from './policy';
export { diffPair, firstLinkDiff } from './diff';
export { hashValues, comparedFields } from './fields';
export { createWorld } from './world';
export { RecordLeftScopeError } from './confirm-absence';
export { UndoRefusedError } from './undo';
export type { Remedy } from './issue-words';
