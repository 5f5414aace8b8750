/**
 * What the planner is given besides the world: the user's options and what earlier runs left.
 * In a file of their own because every step of planning reads them, while analyze (plan-build.ts)
 * sits above those steps and imports them.
 */
import type { EntityTypeId } from '../../../lib/entities';
import type { AbsenceVerdicts } from '../../../lib/sync/confirm-absence';
import type { MatchOptions } from '../../../lib/sync/match';
import type { BatchSizes } from './plan-order';
import type { ConflictPolicy } from '../../../lib/sync/policy';
import type { IgnoreMarker, RowHold, StoredIssue } from '../../../lib/sync/ports';
import type { TranslateOptions } from '../../../lib/sync/translate';

export interface PlanOptions extends TranslateOptions, MatchOptions {
  policy: ConflictPolicy;
  batchSizes: BatchSizes;
  /**
   * The types the user synchronizes (Options → Entities to synchronize); all when absent. The others
   * are still read and matched — their names still take QBO's shared namespace and their links
   * still stand — but nothing is written for them and the table leaves them out.
   */
  enabledTypes?: ReadonlySet<EntityTypeId>;
}

export interface PlanMemory {
  /** Failures of earlier runs, shown on their rows while the op is still planned. */
  issues: readonly StoredIssue[];
  ignores: readonly IgnoreMarker[];
  /** Rows kept out of the plan after an Undo, until the user synchronizes them (ports.ts RowHold). */
  holds?: readonly RowHold[];
  /** Rows the user asked to synchronize: their parked failures are tried again. */
  retryRows?: ReadonlySet<string>;
  /** What asking by id said of linked records missing from the read (none asked: nothing is confirmed gone). */
  absences?: AbsenceVerdicts;
}
