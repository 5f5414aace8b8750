/**
 * One chaos scenario: a CStoreOffice company and a QBO realm synced over several rounds. Each
 * round, people edit both sides before the first run and again in the middle of a run (at that
 * run's first write); then runs repeat until one ends with nothing left to do. Played once without
 * faults (the reference) and once with both sandboxes injecting faults, with the same seed: every
 * round of the faulty play must end exactly where the reference did.
 */
import type { SyncReport } from '@/lib/sync';
import { addRealm, advance, startSandboxes, type Sandboxes } from '../integration/sync/harness';
import { connectChaos, type ChaosConnection } from './connect';
import { applyEdit, chooseEdits, describeEdit, editableRows, seededRandom, type Edit } from './edits';
import { createFaultSwitch, type FaultSwitch } from './faults';
import { diffStates, readEndState, type EndState } from './state';

export interface ScenarioParams {
  seed: number;
  companyId: '1' | '2';
  realmSeed: 'convenience-store' | 'empty';
  /** The CStoreOffice sandbox's seed (default: its two demo companies). */
  csoSeed?: { name: 'large'; perType: number };
  rounds: number;
  editsBetween: number;
  editsDuring: number;
  /** Each side's total fault rate is drawn from this range. */
  faultRate: { min: number; max: number };
  /** Tries per request in both clients, the first included. */
  maxAttempts: number;
  /** Runs a round may take to reach "nothing left to do" before the scenario fails. */
  maxRunsPerRound: number;
}

export interface RoundOutcome {
  round: number;
  runs: number;
  failedRuns: number;
  /** Why runs failed, by error message (first words). */
  runErrors: Record<string, number>;
  edits: string[];
  converged: boolean;
  /** Rows a run kept back because a record missing from a read could not be confirmed gone. */
  held: number;
  state: EndState;
}

export interface PlayResult {
  faults: boolean;
  rates: { qbo: number; cso: number };
  rounds: RoundOutcome[];
  injected: { qbo: Record<string, number>; cso: Record<string, number> };
  /** API requests each sandbox saw (hand edits included). */
  requests: { qbo: number; cso: number };
  retries: ChaosConnection['retries'];
  wallMs: number;
}

const wording = (error: unknown) => (error as Error).message.replace(/\d+/g, 'N').slice(0, 90);

function ratesFor(params: ScenarioParams): { qbo: number; cso: number } {
  const random = seededRandom(params.seed ^ 0x5eed);
  const span = params.faultRate.max - params.faultRate.min;
  const rate = () => Math.round((params.faultRate.min + random() * span) * 1000) / 1000;
  return { qbo: rate(), cso: rate() };
}

async function play(sb: Sandboxes, params: ScenarioParams, withFaults: boolean): Promise<PlayResult> {
  const started = Date.now();
  const realmId = await addRealm(sb, params.realmSeed);
  const c = await connectChaos(sb, realmId, params.companyId, params.maxAttempts);
  const rates = withFaults ? ratesFor(params) : { qbo: 0, cso: 0 };
  const faults: FaultSwitch = createFaultSwitch(sb, realmId, params.companyId, {
    qboRate: rates.qbo,
    csoRate: rates.cso,
  });
  const random = seededRandom(params.seed);
  let handEdits = 0;

  // Edits are a person's, not the sync's: faults are lifted while they are made.
  const makeEdits = async (edits: Edit[]): Promise<string[]> => {
    await faults.off();
    advance(sb, 1000);
    const out: string[] = [];
    for (const e of edits)
      out.push(
        `${describeEdit(e)}: ${await applyEdit(sb, params.companyId, c.qboHand, e, `hand-${params.seed}-${++handEdits}`)}`,
      );
    advance(sb, 1000);
    if (withFaults) await faults.on();
    return out;
  };

  // The mid-run edits happen at the first write of the round's runs (after that run's reads).
  let during: (() => Promise<void>) | undefined;
  const hooked = <S extends ChaosConnection['ports']['cso'] | ChaosConnection['ports']['qbo']>(source: S): S => ({
    ...source,
    write: async (batch: Parameters<S['write']>[0]) => {
      const edit = during;
      during = undefined;
      if (edit) await edit();
      return source.write(batch as never);
    },
  });
  c.ports.cso = hooked(c.ports.cso);
  c.ports.qbo = hooked(c.ports.qbo);

  const rounds: RoundOutcome[] = [];
  let lastRows: SyncReport['rows'] = [];
  for (let round = 0; round < params.rounds; round += 1) {
    const outcome: RoundOutcome = {
      round,
      runs: 0,
      failedRuns: 0,
      runErrors: {},
      edits: [],
      converged: false,
      held: 0,
      state: undefined as unknown as EndState,
    };
    if (round > 0) {
      const pool = editableRows(lastRows);
      const between = chooseEdits(random, pool, params.editsBetween, `${params.seed}.${round}b`);
      const mid = chooseEdits(random, pool, params.editsDuring, `${params.seed}.${round}m`);
      outcome.edits.push(...(await makeEdits(between)));
      if (mid.length) {
        during = async () => {
          outcome.edits.push(...(await makeEdits(mid)).map((e) => `(mid-run) ${e}`));
        };
      }
    }
    if (withFaults) await faults.on();
    let report: SyncReport | undefined;
    while (outcome.runs < params.maxRunsPerRound) {
      outcome.runs += 1;
      try {
        // The person at the keyboard confirms what the last run held for review.
        const confirm = report
          ? {
              ...(report.heldCreates ? { confirmCreates: true } : {}),
              ...(report.heldDeletions.length
                ? { confirmDeletions: report.heldDeletions.flatMap((h) => h.rows.map((r) => r.rowKey)) }
                : {}),
            }
          : {};
        report = await c.engine().synchronize(confirm);
      } catch (error) {
        outcome.failedRuns += 1;
        outcome.runErrors[wording(error)] = (outcome.runErrors[wording(error)] ?? 0) + 1;
        continue;
      }
      outcome.held += report.rows.filter((r) => r.issue?.code === 'absenceUnconfirmed').length;
      if (during) {
        // The run had nothing to write: the mid-run edits happen right after it.
        const edit = during;
        during = undefined;
        await edit();
        continue;
      }
      // Done when a run read both sides afresh and found nothing to write (errors that would
      // repeat stay out of the plan).
      if (
        !report.resumed &&
        report.executed.ops.length === 0 &&
        report.plan.ops.length === 0 &&
        !report.heldCreates &&
        report.heldDeletions.length === 0
      ) {
        outcome.converged = true;
        break;
      }
    }
    await faults.off();
    lastRows = report?.rows ?? [];
    outcome.state = await readEndState(sb, params.companyId, realmId, await c.links.all(), lastRows);
    rounds.push(outcome);
    advance(sb, 60_000);
    if (!outcome.converged) break;
  }
  return {
    faults: withFaults,
    rates,
    rounds,
    injected: await faults.injected(),
    requests: await faults.requests(),
    retries: c.retries,
    wallMs: Date.now() - started,
  };
}

export interface ChaosResult {
  params: ScenarioParams;
  reference: PlayResult;
  chaos: PlayResult;
  /** Per round: what differs from the reference (empty when it ended the same). */
  differences: { round: number; problems: string[] }[];
  ok: boolean;
}

/** Plays the scenario without and with faults, each on fresh sandboxes, and compares every round. */
export async function runChaosScenario(params: ScenarioParams): Promise<ChaosResult> {
  const playOn = async (withFaults: boolean) => {
    const sb = await startSandboxes(params.csoSeed ? { csoSeed: params.csoSeed } : {});
    try {
      return await play(sb, params, withFaults);
    } finally {
      await sb.stop();
    }
  };
  const reference = await playOn(false);
  const chaos = await playOn(true);
  const differences = reference.rounds.map((ref, i) => {
    const got = chaos.rounds[i];
    if (!got)
      return { round: i, problems: ['the faulty play stopped before this round (an earlier round did not converge)'] };
    const problems = diffStates(ref.state, got.state);
    if (!got.converged) problems.unshift(`did not reach "nothing left to do" in ${got.runs} runs`);
    if (got.state.duplicates.length) problems.push(`duplicates: ${got.state.duplicates.join('; ')}`);
    if (got.state.dangling.length) problems.push(`lost links: ${got.state.dangling.join('; ')}`);
    if (got.state.unheld.length) problems.push(`links CStoreOffice does not hold: ${got.state.unheld.join('; ')}`);
    const editsDiffer = JSON.stringify([...ref.edits].sort()) !== JSON.stringify([...got.edits].sort());
    if (editsDiffer)
      problems.push(`the edits differ: reference [${ref.edits.join('; ')}] vs [${got.edits.join('; ')}]`);
    return { round: i, problems };
  });
  const ok =
    reference.rounds.every(
      (r) => r.converged && r.state.duplicates.length === 0 && r.state.dangling.length === 0 && !r.state.unheld.length,
    ) && differences.every((d) => d.problems.length === 0);
  return { params, reference, chaos, differences, ok };
}

const fmt = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k}=${n}`)
    .join(', ') || 'none';

const liesOf = (counts: Record<string, number>) =>
  Object.entries(counts).reduce((n, [k, v]) => n + (k.startsWith('lie:') ? v : 0), 0);

/** Runs that ended because a read said less than its own count (and so wrote nothing). */
const stoppedByLies = (play: PlayResult) =>
  play.rounds.reduce(
    (n, r) =>
      n +
      Object.entries(r.runErrors).reduce(
        (m, [why, k]) =>
          m +
          (/Nothing was written; the next sync reads it again/.test(why) || /records it (counts|holds)/.test(why)
            ? k
            : 0),
        0,
      ),
    0,
  );

/** Lying answers both sandboxes told in a play. */
export const liesTold = (play: PlayResult) => liesOf(play.injected.qbo) + liesOf(play.injected.cso);

/** What was injected, what was retried and the outcome, for the test log. */
export function formatChaosReport(result: ChaosResult): string {
  const { params, reference, chaos } = result;
  const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  const lines = [
    `chaos seed=${params.seed} company=${params.companyId} realm=${params.realmSeed} rounds=${params.rounds} edits=${params.editsBetween}+${params.editsDuring}/round fault rates qbo=${chaos.rates.qbo} cso=${chaos.rates.cso} attempts/request=${params.maxAttempts}`,
    `  injected  QBO (${total(chaos.injected.qbo)} of ${chaos.requests.qbo} requests): ${fmt(chaos.injected.qbo)}`,
    `  injected  CSO (${total(chaos.injected.cso)} of ${chaos.requests.cso} requests): ${fmt(chaos.injected.cso)}`,
    `  retried   QBO (${total(chaos.retries.qbo)}): ${fmt(chaos.retries.qbo)}`,
    `  retried   CSO (${total(chaos.retries.cso)}): ${fmt(chaos.retries.cso)}`,
    `  lying answers told: QBO ${liesOf(chaos.injected.qbo)}, CSO ${liesOf(chaos.injected.cso)}; runs stopped by a read short of its count: ${stoppedByLies(chaos)}; rows held back (absence not confirmed): ${chaos.rounds.reduce((n, r) => n + r.held, 0)}`,
  ];
  for (const [i, r] of chaos.rounds.entries()) {
    const ref = reference.rounds[i];
    lines.push(
      `  round ${i}: ${r.runs} runs (${r.failedRuns} failed; reference ${ref?.runs ?? '?'}), ${r.edits.length} edits, ${r.state.links.length} links (reference ${ref?.state.links.length ?? '?'}), ` +
        `${r.state.duplicates.length} duplicates, ${r.state.dangling.length} lost links${r.converged ? '' : ', DID NOT CONVERGE'}`,
    );
    for (const [why, n] of Object.entries(r.runErrors)) lines.push(`    run failed ×${n}: ${why}`);
  }
  const bad = result.differences.filter((d) => d.problems.length);
  lines.push(
    result.ok
      ? `  outcome: every round ended as the fault-free play did (${reference.wallMs} ms fault-free, ${chaos.wallMs} ms with faults)`
      : `  outcome: FAILED`,
  );
  for (const d of bad) for (const p of d.problems) lines.push(`    round ${d.round}: ${p}`);
  return lines.join('\n');
}
