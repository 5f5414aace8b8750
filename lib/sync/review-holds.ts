/**
 * What a run holds back for the user's review before it writes: mass removals (the deletion
 * breaker) and a first sync's creates in CStoreOffice (the first-sync guard). Everything else in
 * the run goes ahead; the held rows are taken out of the plan.
 */
import { findHeldDeletions, type HeldDeletions } from './deletion-breaker';
import { findHeldCreates, type HeldCreates } from './first-sync-guard';
import { dropRows } from './plan/order';
import type { BatchSizes } from './plan/types';
import type { SyncPlan } from './types';
import type { MirrorData, StateStore } from './ports';
import type { SyncRow } from './rows';
import type { World } from './world';

export interface ReviewHolds {
  /** The plan without the held rows' ops. */
  plan: SyncPlan;
  /** Every held row's key. */
  held: Set<string>;
  heldDeletions: HeldDeletions[];
  heldCreates: HeldCreates | null;
}

export async function holdForReview(
  plan: SyncPlan,
  context: {
    world: World;
    rows: readonly SyncRow[];
    mirror: MirrorData;
    state: Pick<StateStore, 'setCreatesHeld'>;
    batchSizes: BatchSizes;
  },
  confirmed: { deletions: ReadonlySet<string>; creates: boolean },
): Promise<ReviewHolds> {
  const { world, rows, mirror } = context;
  const heldDeletions = findHeldDeletions(plan.ops, world, rows, confirmed.deletions);
  const held = new Set(heldDeletions.flatMap((h) => h.rows.map((r) => r.rowKey)));
  // Held once, a first sync's creates stay held run after run until the user confirms them.
  const wasHeld = !!mirror.createsHeld;
  const heldCreates = confirmed.creates
    ? null
    : findHeldCreates(plan.ops, rows, { firstSync: world.links.size === 0, alreadyHeld: wasHeld });
  for (const key of heldCreates?.rowKeys ?? []) held.add(key);
  if (!!heldCreates !== wasHeld) await context.state.setCreatesHeld(!!heldCreates);
  return { plan: held.size ? dropRows(plan, held, context.batchSizes) : plan, held, heldDeletions, heldCreates };
}
