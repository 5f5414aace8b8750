/**
 * A History entry as CStoreOffice's run history keeps it (contract v1.3, "Run history"), and back.
 *
 * The mapping, both ways:
 * - `outcome`: the stored outcome is the contract's own set (succeeded | partial | failed |
 *   cancelled), sent as it is; an Undo's entry too.
 * - `message`: the words this browser's History shows for the entry (a failed run's error, an
 *   Undo's "what it put back"), so another browser says the same; cut to the contract's 2000.
 * - `counts`: what was applied, under the extension's own action names (createInQbo, createInCso,
 *   updateQbo, updateCso, deactivateInQbo, deleteInCso, link), an Undo's reactivated / restored /
 *   removed, and `errors`: the rows that failed, so another browser can say how many even though
 *   their details stay here. Zeros are left out.
 * - `by`: the CStoreOffice user who pressed Synchronize when known; else the trigger in words
 *   ("Synchronize from the toolbar", "Resumed automatically after an interruption"); null for the
 *   schedule, as the contract says. Read back, null is the schedule, the resume words a resume,
 *   anything else a person.
 * - `id`: CStoreOffice's own. The run's id is the append's Idempotency-Key instead, and the id
 *   given back is kept on the local entry (`csoRunId`) so the History tab shows the two as one.
 */
import type { CsoRun, CsoRunInput } from '@/lib/cso';
import { type RunCountKey, type RunTrigger, type StoredRun, startedBy } from '@/lib/db';
import { FROM_TOOLBAR } from './company-access';
import { describeHistory } from './views';

const RUN_COUNT_KEYS: readonly RunCountKey[] = [
  'createInQbo',
  'createInCso',
  'updateQbo',
  'updateCso',
  'deactivateInQbo',
  'deleteInCso',
  'link',
];
const BY_TOOLBAR = 'Synchronize from the toolbar';
/** The words a resumed run is started by, in this browser and in another. */
const BY_RESUME = startedBy({ who: null, trigger: 'resume' });

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function byOf(entry: StoredRun): string | null {
  if (entry.trigger === 'alarm') return null;
  if (entry.trigger === 'resume') return BY_RESUME;
  if (entry.who === FROM_TOOLBAR) return BY_TOOLBAR;
  return cut(entry.who ?? BY_TOOLBAR, 256);
}

export function toCsoRun(entry: StoredRun): CsoRunInput {
  const counts: Record<string, number> = {};
  for (const key of RUN_COUNT_KEYS) if (entry.counts[key]) counts[key] = entry.counts[key];
  if (entry.undo)
    for (const key of ['reactivated', 'restored', 'removed'] as const)
      if (entry.undo[key]) counts[key] = entry.undo[key];
  if (entry.errors.length) counts.errors = entry.errors.length;
  return {
    startedAt: entry.startedAt,
    // The contract refuses a finish before the start; a clock set back mid-run must not lose the entry.
    finishedAt: entry.finishedAt < entry.startedAt ? entry.startedAt : entry.finishedAt,
    outcome: entry.outcome,
    message: cut(describeHistory(entry), 2000),
    counts,
    by: byOf(entry),
  };
}

const triggerOf = (by: string | null): RunTrigger => (by === null ? 'alarm' : by === BY_RESUME ? 'resume' : 'user');

/** A run made in another browser, as History and its CSV read it: who and when, what and how many, no row details. */
export function fromCsoRun(run: CsoRun): StoredRun {
  const counts: StoredRun['counts'] = {};
  for (const key of RUN_COUNT_KEYS) if (run.counts[key]) counts[key] = run.counts[key];
  const failed = run.counts.errors ?? 0;
  const trigger = triggerOf(run.by);
  return {
    connection: '',
    runId: `cso:${run.id}`,
    csoRunId: run.id,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    trigger,
    who: `${run.by ?? startedBy({ who: null, trigger })} (another browser)`,
    outcome: run.outcome,
    counts,
    ...(run.message ? { message: run.message } : {}),
    errors: failed
      ? [
          {
            rowKey: null,
            code: 'elsewhere',
            title: 'Errors',
            detail: `${failed} row${failed === 1 ? '' : 's'} failed; the details are in the browser that ran it.`,
          },
        ]
      : [],
  };
}
