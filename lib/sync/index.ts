/** The pure sync engine: ports in, plan and rows out. */
export * from './types';
export * from './ports';
export * from './plan-types';
export { createSyncEngine, RealmMismatchError, type SyncEngine, type SyncEngineOptions, type PreviewResult, type SyncReport } from './engine';
export { type SyncActions, type ActionResult } from './actions';
export { type Progress, type ExecuteResult } from './execute';
export { analyze, type Analysis, type PlanOptions, type PlanMemory } from './plan-build';
export { selectPlan, orderPlan, type BatchSizes } from './plan-order';
export { summarizePlan, isEmptyPlan, type PlanSummary } from './preview';
export { countRows, type SyncRow, type RowCounts } from './rows';
export { type RowIssue, type IssueCode, type Remedy, type IssueRef } from './issues';
export { translateFailure, isStale, type Words, type FailureContext } from './error-words';
export { CONFLICT_POLICIES, reportConflicts, csoWins, qboWins, newestWins, type ConflictPolicy, type ConflictPolicyName, type ConflictInput, type ConflictDecision } from './policy';
export { diffPair, firstLinkBase, UNSYNCED, type PairDiff, type DiffInput } from './diff';
export { matchRecords, type MatchResult, type Pair } from './match';
export { seeThroughDeleted, DELETED_SUFFIX, hashValues, pickValues, comparedFields } from './fields';
export { createWorld, type World } from './world';
export { RecordLeftScopeError, confirmAbsences, type AbsenceVerdict, type AbsenceVerdicts } from './confirm-absence';
