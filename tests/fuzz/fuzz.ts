/**
 * Runs one property with fresh seeds until the time budget is spent (`FUZZ_MINUTES`, default 5),
 * printing each counterexample with its seed and path, names spelled with escapes (a precomposed
 * and a decomposed "é" print alike). Whatever it finds becomes a named case in
 * tests/unit/sync/property-regressions.test.ts; `npm test` itself only ever draws its fixed seed.
 */
import fc from 'fast-check';
import { appendFileSync, mkdirSync } from 'node:fs';
import { expect, it } from 'vitest';

const minutes = Number(process.env.FUZZ_MINUTES ?? 5);
const RUNS_PER_SEED = 100;
/** A run that takes longer than this is a counterexample too (a sync that never ends). */
const RUN_TIMEOUT_MS = 20_000;
const LOG = 'tests/artifacts/fuzz.jsonl';

export interface FuzzReport {
  property: string;
  seeds: number;
  runs: number;
  counterexamples: { seed: number; path: string; input: string; error: string }[];
}

/** JSON with every non-ASCII character escaped, so a printed counterexample can be pasted back exactly. */
function escapedJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

async function fuzz(
  name: string,
  property: () => fc.IAsyncProperty<unknown>,
  budgetMs = minutes * 60_000,
): Promise<FuzzReport> {
  const report: FuzzReport = { property: name, seeds: 0, runs: 0, counterexamples: [] };
  const deadline = Date.now() + budgetMs;
  while (Date.now() < deadline) {
    const seed = (Math.random() * 2 ** 32) | 0;
    const details = await fc.check(property(), { seed, numRuns: RUNS_PER_SEED, timeout: RUN_TIMEOUT_MS });
    report.seeds++;
    report.runs += details.numRuns;
    if (!details.failed) continue;
    const found = {
      seed,
      path: details.counterexamplePath ?? '',
      input: escapedJson(details.counterexample),
      error: String(
        details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance,
      ).split('\n')[0]!,
    };
    report.counterexamples.push(found);
    console.log(
      `[fuzz] ${name}: counterexample\n  seed: ${seed}, path: "${found.path}"\n  input: ${found.input}\n  ${found.error}`,
    );
  }
  mkdirSync('tests/artifacts', { recursive: true });
  appendFileSync(LOG, `${JSON.stringify({ at: new Date().toISOString(), ...report })}\n`);
  console.log(
    `[fuzz] ${name}: ${report.seeds} fresh seeds, ${report.runs} runs, ${report.counterexamples.length} counterexample(s)`,
  );
  return report;
}

/** One vitest case that fuzzes `property` for the budget and fails when it found anything. */
export function fuzzCase(name: string, property: () => fc.IAsyncProperty<unknown>): void {
  it(
    `${name} (fresh seeds for ${minutes} min)`,
    async () => {
      const report = await fuzz(name, property);
      expect(report.runs).toBeGreaterThan(0);
      expect(report.counterexamples.map((c) => `seed ${c.seed} path ${c.path}: ${c.input} — ${c.error}`)).toEqual([]);
    },
    minutes * 60_000 + 600_000,
  );
}
