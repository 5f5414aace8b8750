/**
 * The engine's two moments with the shared decisions (shared-decisions.ts): after a full read it
 * adopts them; after a run it retires what the run carried out, or, the first time the company is
 * bound, publishes what this browser decided before. A failed exchange costs nothing but a delay:
 * the next read and run try again, and nothing is retired or published on a guess.
 */
import { withDecisions, withoutRetired, type SharedDecisions } from './decision-board';
import type { MirrorData, SyncPorts } from './ports';
import type { SyncRow } from './rows';
import { adopt, isEmpty, localOf, retiredOf } from './shared-decisions';
import type { World } from './world';

/** What the last full read learnt: the shared list, none shared yet, or nothing (it could not be read). */
export type SharedView = { kind: 'shared'; decisions: SharedDecisions } | { kind: 'unshared' } | { kind: 'unknown' };

export async function adoptShared(world: World, mirror: MirrorData, ports: SyncPorts): Promise<SharedView> {
  if (!ports.decisions) return { kind: 'unknown' };
  let decisions: SharedDecisions | null;
  try {
    decisions = await ports.decisions.read();
  } catch {
    return { kind: 'unknown' };
  }
  if (!decisions) return { kind: 'unshared' };
  const { links, markers } = adopt(world, decisions);
  if (links.length) await ports.links.put(links);
  if (JSON.stringify(markers) !== JSON.stringify(mirror.ignores))
    await ports.state.setIgnores((mirror.ignores = markers));
  return { kind: 'shared', decisions };
}

export async function settleShared(
  world: World,
  mirror: MirrorData,
  rows: readonly SyncRow[],
  view: SharedView,
  ports: SyncPorts,
): Promise<void> {
  const board = ports.decisions;
  if (!board || view.kind === 'unknown') return;
  try {
    if (view.kind === 'shared') {
      const retired = retiredOf(world, view.decisions);
      if (!isEmpty(retired)) await board.change((current) => withoutRetired(current, retired));
    } else {
      // The company was bound by this run: what this browser decided becomes everyone's, unless
      // another browser already decided the same row.
      const local = localOf(world, mirror.ignores, rows);
      if (!isEmpty(local)) await board.change((current) => withDecisions(local, current));
    }
  } catch {
    // CStoreOffice could not be reached: the next run retires or publishes them.
  }
}
