/**
 * The engine's set-up, kept out of its flow: the planner's options from the engine's, and a new
 * journal entry for a plan, with every idempotency key chosen before anything is sent.
 */
import { type EntityTypeId, ENTITY_TYPE_IDS } from '../entities';
import type { SyncEngineOptions } from './engine-types';
import { flowOf } from './plan/flow';
import type { PlanOptions } from './plan/types';
import type { SyncPlan } from './types';
import { POLICY_BY_NAME } from './policy';
import type { Clock, IdSource, JournalRun } from './ports';

export function toPlanOptions(options: SyncEngineOptions, batchSizes: { cso: number; qbo: number }): PlanOptions {
  const policy = typeof options.policy === 'function' ? options.policy : POLICY_BY_NAME[options.policy ?? 'report'];
  return {
    policy,
    defaultIncomeAccountId: options.defaultIncomeAccountId ?? null,
    qboOnlyVendorType: options.qboOnlyVendorType ?? 'accountingVendor',
    // QBO takes at most 30 operations per batch request.
    batchSizes: { cso: batchSizes.cso, qbo: Math.min(batchSizes.qbo, 30) },
    ...enabledOf(options),
    ...(options.directions ? { directions: options.directions } : {}),
    ...(options.qboPrefs ? { qboPrefs: options.qboPrefs } : {}),
  };
}

/** The types synchronized at all: those enabled in the options, less those the company turned off (or QuickBooks refuses and the company does not import). */
function enabledOf(options: SyncEngineOptions): { enabledTypes?: ReadonlySet<EntityTypeId> } {
  const enabled = (options.enabledTypes ?? ENTITY_TYPE_IDS).filter((t) => flowOf(options, t).direction !== 'off');
  return enabled.length < ENTITY_TYPE_IDS.length ? { enabledTypes: new Set(enabled) } : {};
}

export function newJournalRun(plan: SyncPlan, ids: IdSource, clock: Clock): JournalRun {
  return {
    runId: ids.next(),
    startedAt: clock.now().toISOString(),
    plan,
    batches: plan.levels.flatMap((l) => l.batches.map((b) => ({ batchId: b.id, requestId: ids.next() }))),
    ops: plan.ops.map((op) => ({ opId: op.id, requestId: ids.next(), state: 'pending' as const })),
    finished: false,
  };
}
