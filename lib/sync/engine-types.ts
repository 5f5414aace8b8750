/**
 * What the sync engine is given and what it answers: its options, a request to synchronize, and
 * the preview and report of a run. Types only (and the realm error), so callers read them here
 * without reading the engine.
 */
import type { EntityTypeId } from '../entities';
import type { HeldDeletions } from './deletion-breaker';
import type { Directions } from './directions';
import type { Progress } from './execute';
import type { QboCompanyPrefs } from './qbo-company';
import type { HeldCreates } from './first-sync-guard';
import type { SyncPlan } from './types';
import type { ConflictPolicy, ConflictPolicyName } from './policy';
import type { StoredIssue } from './ports';
import type { PlanSummary } from './preview';
import type { SyncRow } from './rows';
import type { RunWrite } from './types';

export interface SyncEngineOptions {
  /** The QBO realm this connection talks to; links made with another realm are refused. */
  realmId?: string | null;
  policy?: ConflictPolicy | ConflictPolicyName;
  /** QBO Id of the income account for data types without a linked credit account. */
  defaultIncomeAccountId?: string | null;
  /** The CStoreOffice vendor kind a vendor found only in QBO is created as. */
  qboOnlyVendorType?: Extract<EntityTypeId, 'accountingVendor' | 'priceBookVendor'>;
  qboCursorMaxAgeDays?: number;
  /** Writes to QBO since the cursor before a run reads a CDC checkpoint (default 900; see qbo-cursor.ts). */
  qboWritesPerCheckpoint?: number;
  /** The types to synchronize (Options → Entities to synchronize); every type when absent. */
  enabledTypes?: readonly EntityTypeId[];
  /** Which way each type's changes travel (the company's setup); both ways when absent. */
  directions?: Directions;
  /** The QuickBooks company's settings, read at Connect and Reconnect (lib/sync/qbo-company.ts). */
  qboPrefs?: QboCompanyPrefs;
  onProgress?: (progress: Progress) => void;
}

export interface PreviewResult {
  plan: SyncPlan;
  summary: PlanSummary;
  rows: SyncRow[];
  /** Deletions and deactivations the breaker holds back until the user confirms them (see deletion-breaker.ts). */
  heldDeletions: HeldDeletions[];
  /** A first sync's creates in CStoreOffice held for the user's review (see first-sync-guard.ts). */
  heldCreates: HeldCreates | null;
}

export interface SyncRequest {
  /** Synchronize only these rows, plus what they depend on. */
  selection?: readonly string[];
  /** Rows whose held deletions the user reviewed and confirmed (never from an automatic run). */
  confirmDeletions?: readonly string[];
  /** The user reviewed the first sync's creates in CStoreOffice and confirmed them. */
  confirmCreates?: boolean;
  /** The run's id in History, under which its writes are kept for Undo. */
  runId?: string;
}

export interface SyncReport extends PreviewResult {
  /** The plan that was executed (after the selection) and what remained as issues. */
  executed: SyncPlan;
  failures: StoredIssue[];
  resumed: boolean;
  /** What the run wrote, with what each write replaced (kept for Undo when not empty). */
  writes: RunWrite[];
}

export class RealmMismatchError extends Error {
  constructor(expected: string, actual: string) {
    super(
      `This company's links were made with QuickBooks company ${expected}, not ${actual}. Clear the sync history before connecting it to another QuickBooks company.`,
    );
    this.name = 'RealmMismatchError';
  }
}
