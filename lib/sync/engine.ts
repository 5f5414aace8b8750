/**
 * The sync engine of one connection: load → match → diff → rows → plan → (execute) → save.
 * Reads go through the RecordSource ports into the mirror; planning is pure; execution records
 * every op in the journal before sending it, and a run a killed worker left unfinished is resumed
 * before anything new is planned.
 */
import { createActions, type SyncActions } from './actions';
import {
  RealmMismatchError,
  type PreviewResult,
  type SyncEngineOptions,
  type SyncReport,
  type SyncRequest,
} from './engine-types';
import { executeRun, type Progress } from './execute';
import { analyze } from './plan/analyze';
import type { Analysis } from './plan/types';
import { selectPlan } from './plan/order';
import { findHeldDeletions, markHeld } from './deletion-breaker';
import { holdForReview } from './review-holds';
import { findHeldCreates, markHeldCreates } from './first-sync-guard';
import type { IdSource, JournalRun, MirrorData, StoredIssue, SyncPorts } from './ports';
import { summarizePlan } from './preview';
import { readSides } from './read';
import type { SyncRow } from './rows';
import { createWorld, csoList, linkOf, qboList, type World } from './world';
import type { EntityView } from './entity-view';
import { refreshRecord } from './apply';
import { createQboCheckpoints, type QboCheckpoints } from './qbo-cursor';
import { type AbsenceVerdicts, confirmAbsences } from './confirm-absence';
import type { RunWrite, SyncPlan } from './types';
import { undoRun, type UndoResult } from './undo';
import { nameBothSides } from './row-names';
import { newJournalRun, toPlanOptions } from './engine-setup';
import { type PairAgrees, rebuildLinks, writeLinksThrough } from './link-through';
import { linkedPairAgrees } from './plan/first-link';
import { adoptShared, settleShared, type SharedView } from './decisions-sync';

const NONE: ReadonlySet<string> = new Set();

/** Follow-up passes one Synchronize may make after its plan (see synchronize). */
const FOLLOW_UP_PASSES = 2;

export type SyncEngine = ReturnType<typeof createSyncEngine>;

export function createSyncEngine(ports: SyncPorts, options: SyncEngineOptions = {}) {
  const planOptions = toPlanOptions(options, { cso: ports.cso.batchSize, qbo: ports.qbo.batchSize });
  const ids: IdSource = ports.ids ?? { next: () => globalThis.crypto.randomUUID() };
  const progress = (p: Progress) => options.onProgress?.(p);

  async function loadMirror(): Promise<MirrorData> {
    const mirror = await ports.state.load();
    const realm = options.realmId ?? null;
    if (realm && mirror.realmId && mirror.realmId !== realm) throw new RealmMismatchError(mirror.realmId, realm);
    if (realm && !mirror.realmId) await ports.state.setRealm(realm);
    return mirror;
  }

  /** The writes of the Synchronize going on (one at a time per engine: the service locks). */
  let writes: RunWrite[] = [];

  /** The verdicts of the last read's absence checks, kept for the plans made from that read. */
  let absences: AbsenceVerdicts | undefined;

  /** The shared decisions as the last full read found them, to retire what a run carries out. */
  let shared: SharedView = { kind: 'unknown' };

  async function load(read: boolean): Promise<{ mirror: MirrorData; world: World }> {
    const mirror = await loadMirror();
    if (read) {
      progress({ phase: 'reading', done: 0, total: 0, errors: 0 });
      await readSides(ports, mirror, { qboCursorMaxAgeDays: options.qboCursorMaxAgeDays ?? 29 });
    }
    const world = createWorld(mirror, await ports.links.all());
    const agrees: PairAgrees = (typeId, cso, qbo) => linkedPairAgrees(world, planOptions, typeId, cso, qbo);
    if (read) await rebuildLinks(world, ports, ports.clock.now().toISOString(), agrees);
    if (read) shared = await adoptShared(world, mirror, ports);
    if (read) absences = await confirmAbsences(ports, mirror, world);
    return { mirror, world };
  }

  const plan = (world: World, mirror: MirrorData, retryRows?: ReadonlySet<string>): Analysis =>
    analyze(world, planOptions, {
      issues: mirror.issues,
      ignores: mirror.ignores,
      holds: mirror.holds ?? [],
      ...(retryRows ? { retryRows } : {}),
      ...(absences ? { absences } : {}),
    });

  /** The rows a caller gets (not those of the plans made along the way): both names where they differ. */
  const shown = (world: World, analysis: Analysis): Analysis => (nameBothSides(world, analysis.rows), analysis);

  async function run(planToRun: SyncPlan, world: World, checkpoints?: QboCheckpoints) {
    const journalRun = newJournalRun(planToRun, ids, ports.clock);
    await ports.journal.begin(journalRun);
    return finishRun(journalRun, world, checkpoints);
  }

  async function finishRun(journalRun: JournalRun, world: World, checkpoints?: QboCheckpoints) {
    const result = await executeRun(journalRun, world, ports, progress, checkpoints);
    await ports.journal.finish(journalRun.runId);
    writes.push(...result.writes);
    return result;
  }

  async function saveIssues(mirror: MirrorData, executed: SyncPlan[], failures: StoredIssue[]): Promise<void> {
    const ran = new Set(executed.flatMap((p) => p.ops.map((o) => o.id)));
    mirror.issues = [
      ...mirror.issues.filter((i) => !ran.has(i.opId)),
      ...failures.filter((f) => f.code !== 'stale-retried'),
    ];
    await ports.state.setIssues(mirror.issues);
  }

  /** The user chose these rows by hand: what an Undo held on them is let go. */
  async function releaseHolds(mirror: MirrorData, selection: ReadonlySet<string>): Promise<void> {
    const holds = mirror.holds ?? [];
    const kept = holds.filter((h) => !selection.has(h.rowKey));
    if (kept.length < holds.length) await ports.state.setHolds((mirror.holds = kept));
  }

  const engine = {
    /** The company's records and links as the last read left them, for posting transactions. */
    async entities(): Promise<EntityView> {
      const { world } = await load(false);
      return {
        records: (type) => csoList(world, type).values(),
        qboIdOf: (type, id) => linkOf(world, type, id)?.qboId ?? null,
        qboAccountNamed(name) {
          const wanted = name.trim().toLowerCase();
          const found = [...qboList(world, 'Account').values()].find(
            (a) => a.active && a.name.trim().toLowerCase() === wanted,
          );
          return wanted && found ? { qboId: found.id, name: found.name } : null;
        },
      };
    },

    /** Reads both sides and plans, without writing to either side. */
    async preview(): Promise<PreviewResult> {
      const { mirror, world } = await load(true);
      progress({ phase: 'planning', done: 0, total: 0, errors: 0 });
      const analysis = shown(world, plan(world, mirror));
      const heldDeletions = findHeldDeletions(analysis.plan.ops, world, analysis.rows, NONE);
      const heldCreates = findHeldCreates(analysis.plan.ops, analysis.rows, {
        firstSync: world.links.size === 0,
        alreadyHeld: !!mirror.createsHeld,
      });
      return { ...analysis, summary: summarizePlan(analysis.plan, analysis.rows), heldDeletions, heldCreates };
    },

    /** Rows from the mirror, without reading either side. */
    async rows(): Promise<SyncRow[]> {
      const { mirror, world } = await load(false);
      return shown(world, plan(world, mirror)).rows;
    },

    /** Synchronize all rows, or the selected rows plus what they depend on. */
    async synchronize(request: SyncRequest = {}): Promise<SyncReport> {
      const executed: SyncPlan[] = [];
      const failures: StoredIssue[] = [];
      writes = [];
      const open = await ports.journal.open();
      let resumed = false;
      if (open && !open.finished) {
        const { world } = await load(false);
        const result = await finishRun(open, world);
        executed.push(open.plan);
        failures.push(...result.failures);
        resumed = true;
      }
      const { mirror, world } = await load(true);
      await ports.linkMirror?.ready(); // CStoreOffice refuses a company bound to another realm before any write
      progress({ phase: 'planning', done: 0, total: 0, errors: 0 });
      const selection = request.selection ? new Set(request.selection) : undefined;
      if (selection) await releaseHolds(mirror, selection);
      const first = plan(world, mirror, selection);
      const selected = selection ? selectPlan(first.plan, selection, planOptions.batchSizes) : first.plan;
      // Mass removals and a first sync's creates in CStoreOffice wait for the user's review.
      const review = { world, rows: first.rows, mirror, state: ports.state, batchSizes: planOptions.batchSizes };
      const {
        plan: chosen,
        held,
        heldDeletions,
        heldCreates,
      } = await holdForReview(selected, review, {
        deletions: new Set(request.confirmDeletions ?? []),
        creates: !!request.confirmCreates,
      });
      let final = first;
      if (chosen.ops.length > 0) {
        const checkpoints = createQboCheckpoints(ports, mirror, world, options.qboWritesPerCheckpoint);
        const result = await run(chosen, world, checkpoints);
        executed.push(chosen);
        failures.push(...result.failures);
        if (result.stale.length > 0) {
          // Someone changed these records during the run: re-read each once and plan it again.
          for (const op of result.stale) await refreshRecord(world, ports, op, result.takenBy.get(op.id));
          const again = plan(world, mirror);
          const rows = new Set(result.stale.flatMap((op) => op.rowKeys));
          const retry = selectPlan(again.plan, rows, planOptions.batchSizes);
          const staleIds = new Set(result.stale.map((op) => op.id));
          for (const f of failures) if (staleIds.has(f.opId)) f.code = 'stale-retried';
          if (retry.ops.length > 0) {
            const second = await run(retry, world, checkpoints);
            executed.push(retry);
            failures.push(...second.failures);
          }
        }
        // The plan after the run, with its failures stored: the rows the user sees, and what is left.
        await saveIssues(mirror, executed, failures);
        final = plan(world, mirror);
        // This run's own writes can make room for writes its plan could not make (a name given up
        // by a rename or a deactivation): plan again and carry on, so one Synchronize ends settled.
        for (let pass = 0; pass < FOLLOW_UP_PASSES && !selection; pass++) {
          const ran = new Set(executed.flatMap((p) => p.ops.map((o) => o.id)));
          const fresh = final.plan.ops.filter((op) => !ran.has(op.id) && !op.rowKeys.some((k) => held.has(k)));
          if (fresh.length === 0) break;
          const next = selectPlan(final.plan, new Set(fresh.flatMap((op) => op.rowKeys)), planOptions.batchSizes);
          const result = await run(next, world, checkpoints);
          executed.push(next);
          failures.push(...result.failures);
          await saveIssues(mirror, executed, failures);
          final = plan(world, mirror);
        }
        // Changes others made during the run, applied now, make the last plan out of date.
        if (await checkpoints.commit()) final = plan(world, mirror);
      } else if (executed.length) await saveIssues(mirror, executed, failures);
      await writeLinksThrough(world, ports, writes);
      await settleShared(world, mirror, final.rows, shared, ports);
      shown(world, final);
      markHeld(final.rows, heldDeletions);
      markHeldCreates(final.rows, heldCreates);
      if (writes.length)
        await ports.state.setUndoLog({
          runId: request.runId ?? ids.next(),
          at: ports.clock.now().toISOString(),
          writes,
        });
      return {
        plan: final.plan,
        rows: final.rows,
        summary: summarizePlan(final.plan, final.rows),
        heldDeletions,
        heldCreates,
        executed: chosen,
        failures: failures.filter((f) => f.code !== 'stale-retried'),
        resumed,
        writes,
      };
    },

    /** Puts back what the last writing run wrote (undo.ts); the next Synchronize carries it over. */
    async undo(runId: string): Promise<UndoResult> {
      const mirror = await loadMirror();
      return undoRun(ports, mirror, runId, ports.clock.now().toISOString(), () => ids.next());
    },

    /** Reconnect to QBO: forget the QBO cursor, so the next read is full, and recompute every row. */
    async reconnect(): Promise<PreviewResult> {
      await ports.state.setCursor('qbo', null);
      await ports.state.setCursor('cso', null);
      return engine.preview();
    },

    actions: undefined as unknown as SyncActions,
  };
  engine.actions = createActions(ports, async () => {
    const { mirror, world } = await load(false);
    return { mirror, world, analysis: plan(world, mirror) };
  });
  return engine;
}
