/**
 * `npm run bench`: planning time and memory, request budgets, write throughput under the real
 * throttle, the manager with ~20k rows in Chromium and the content script's size. Prints a table
 * with PASS/FAIL per target and writes bench/results/latest.json. A missed target is reported, not
 * fatal; an error is (exit code 1). `--quick`: smaller sizes and fewer runs (about a minute plus
 * the builds). `--no-build`: measure the builds already in .output.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchPanel, productionOnSandboxes } from './panel';
import { benchRequests } from './requests';
import { benchThroughput } from './throughput';
import { benchPosting } from './posting';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'bench/results/latest.json');
const quick = process.argv.includes('--quick');
const build = !process.argv.includes('--no-build');
const log = (line: string) => console.log(line);

interface Row {
  id: string;
  metric: string;
  value: number;
  unit: string;
  target?: { op: '<' | '<=' | '>=' | '='; value: number };
  note?: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const pass = (r: Row) => {
  if (!r.target) return undefined;
  const { op, value } = r.target;
  return op === '<'
    ? r.value < value
    : op === '<='
      ? r.value <= value
      : op === '>='
        ? r.value >= value
        : r.value === value;
};

function planRun(n: number, runs: number) {
  const out = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=4096',
      '--import',
      'tsx',
      join(ROOT, 'bench/plan-worker.ts'),
      String(n),
      String(runs),
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as {
    times: number[];
    cpuTimes: number[];
    rows: number;
    ops: number;
    peakHeapMb: number;
    peakRssMb: number;
  };
}

function ensureProductionBuild(): string {
  const dir = join(ROOT, '.output/chrome-mv3');
  if (build || !existsSync(join(dir, 'manifest.json'))) {
    log(`  building production (${dir})…`);
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  }
  return dir;
}

async function main() {
  const rows: Row[] = [];
  const started = Date.now();
  log(`Benchmarks${quick ? ' (--quick)' : ''} on ${cpus().length} cores, Node ${process.version}`);

  // 1. Planning: analyze() on generated worlds, each size in a fresh process.
  const sizes = quick ? [1000, 10_000] : [1000, 10_000, 100_000];
  const planRuns = quick ? 3 : 5;
  for (const n of sizes) {
    log(`  plan ${n} records per side × ${planRuns}…`);
    const r = planRun(n, planRuns);
    const label = n >= 1000 ? `${n / 1000}k` : String(n);
    rows.push({
      id: `plan.${label}.ms`,
      metric: `plan ${label} per side (wall)`,
      value: median(r.times),
      unit: 'ms',
      ...(n === 100_000 ? { target: { op: '<', value: 1000 } } : {}),
      note: `${r.rows} rows, ${r.ops} ops`,
    });
    rows.push({
      id: `plan.${label}.cpuMs`,
      metric: `plan ${label} per side (CPU)`,
      value: median(r.cpuTimes),
      unit: 'ms',
    });
    rows.push({
      id: `plan.${label}.heapMb`,
      metric: `plan ${label}: peak heap / RSS`,
      value: r.peakHeapMb,
      unit: 'MB',
      note: `RSS ${r.peakRssMb.toFixed(0)} MB`,
    });
  }

  // 2. Request budgets (deterministic counters: one run).
  const perType = quick ? 300 : Math.ceil(10_000 / 7);
  log(`  requests: initial sync of ${7 * perType} records (${perType} per type), then nothing to do…`);
  const req = await benchRequests(perType, log);
  for (const c of req.checks)
    rows.push({
      id: `requests.${c.what}`,
      metric: c.what,
      value: c.measured,
      unit: 'req',
      target: { op: '<=', value: c.budget },
    });
  if (req.failures)
    rows.push({
      id: 'requests.failures',
      metric: 'requests: failed writes',
      value: req.failures,
      unit: '',
      target: { op: '=', value: 0 },
    });

  // 3. Throughput under the real throttle, the sandbox clock sped up.
  const tpRuns = quick ? 1 : 3;
  const tp = [];
  for (let i = 0; i < tpRuns; i++) {
    log(`  throughput run ${i + 1}/${tpRuns}…`);
    tp.push(await benchThroughput(quick ? 400 : 700, quick ? 20 : 10));
  }
  const lastTp = tp.at(-1)!;
  rows.push({
    id: 'throughput.fraction',
    metric: `write throughput / 1,200 per min (${lastTp.writes} writes, clock ×${lastTp.speed})`,
    value: median(tp.map((t) => t.fraction)) * 100,
    unit: '%',
    target: { op: '>=', value: 90 },
    note: `${median(tp.map((t) => t.writesPerMinute)).toFixed(0)}/min`,
  });
  rows.push({
    id: 'throughput.429',
    metric: '429 answers during those runs',
    value: tp.reduce((n, t) => n + t.throttled, 0),
    unit: '',
  });
  rows.push({
    id: 'throughput.unhandled',
    metric: 'writes failed (unhandled 429s or other)',
    value: tp.reduce((n, t) => n + t.failures, 0),
    unit: '',
    target: { op: '=', value: 0 },
  });

  // 3b. Posting a store month of 10 stations under the real throttle (see posting.ts).
  log('  posting a month of 10 stations…');
  const post = await benchPosting(10, quick ? 20 : 10);
  rows.push(
    {
      id: 'posting.batches',
      metric: `posting a month: batch requests (${post.writes} writes)`,
      value: post.batches,
      unit: 'req',
      target: { op: '<=', value: post.batchBudget },
      note: `⌈writes / 30⌉ = ${post.batchBudget}`,
    },
    {
      id: 'posting.throughput',
      metric: 'posting a month: write rate / 1,200 per min',
      value: post.fraction * 100,
      unit: '%',
      target: { op: '>=', value: 90 },
      note: `${post.writesPerMinute.toFixed(0)}/min (under a minute: QBO's burst allowance)`,
    },
    {
      id: 'posting.failed',
      metric: 'posting a month: rows QuickBooks refused',
      value: post.failed,
      unit: '',
      target: { op: '=', value: 0 },
    },
    {
      id: 'posting.nothingNew.qbo',
      metric: 'posting with nothing new: QuickBooks requests',
      value: post.nothingNew.qbo,
      unit: 'req',
      target: { op: '<=', value: 1 },
    },
    {
      id: 'posting.nothingNew.cso',
      metric: 'posting with nothing new: CStoreOffice requests (days, invoices)',
      value: post.nothingNew.cso,
      unit: 'req',
      target: { op: '<=', value: 2 },
    },
  );

  // 4. Content script size (production build).
  const prod = ensureProductionBuild();
  const audit = join(prod, 'content-scripts/audit.js');
  const bytes = readFileSync(audit);
  rows.push({
    id: 'size.content.gzipKb',
    metric: 'content script gzipped',
    value: gzipSync(bytes, { level: 9 }).length / 1024,
    unit: 'KB',
    target: { op: '<=', value: 300 },
    note: `${(bytes.length / 1024).toFixed(0)} KB raw`,
  });

  // 5. The manager with ~20k rows in Chromium: the production build, as users run it (see panel.ts).
  const panelRows = quick ? 3000 : 20_000;
  log(`  panel with ${panelRows} rows in Chromium…`);
  const ext = productionOnSandboxes(prod);
  const panel = await benchPanel({ extensionDir: ext.dir, rows: panelRows, runs: quick ? 3 : 7, log }).finally(
    ext.remove,
  );
  const panelLabels = {
    open: 'open',
    firstOpen: 'first open after page load',
    page: 'page',
    sort: 'sort',
    filter: 'filter (search)',
  };
  for (const k of ['open', 'firstOpen', 'page', 'sort', 'filter'] as const) {
    rows.push({
      id: `panel.${k}.ms`,
      metric: `panel ${panel.rows} rows: ${panelLabels[k]}`,
      value: median(panel.samples[k]),
      unit: 'ms',
      target: { op: '<', value: 100 },
      note: `n=${panel.samples[k].length}`,
    });
  }

  // The table, with the ratio to the previous run where there is one.
  // Only a run of the same kind (quick or full: other sizes) is a baseline.
  const last = existsSync(RESULTS)
    ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as { quick?: boolean; rows: Row[] })
    : null;
  const previous = last && last.quick === quick ? last.rows : [];
  const before = new Map(previous.map((r) => [r.id, r.value]));
  const fmt = (v: number) => (Math.abs(v) >= 100 || Number.isInteger(v) ? v.toFixed(0) : v.toFixed(1));
  const lines = rows.map((r) => {
    const ok = pass(r);
    const prev = before.get(r.id);
    return [
      r.metric,
      `${fmt(r.value)} ${r.unit}`.trim(),
      r.target ? `${r.target.op} ${fmt(r.target.value)} ${r.unit}`.trim() : '',
      r.target && r.target.value ? `${(r.value / r.target.value).toFixed(2)}×` : '',
      prev ? `${(r.value / prev).toFixed(2)}×` : '',
      ok === undefined ? '' : ok ? 'PASS' : 'FAIL',
      r.note ?? '',
    ];
  });
  const head = ['metric', 'median', 'target', 'vs target', 'vs last run', '', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const print = (cells: string[]) =>
    log(
      cells
        .map((c, i) => (i === 1 || i === 3 || i === 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    );
  log('');
  print(head);
  print(widths.map((w) => '-'.repeat(w)));
  lines.forEach(print);
  const failed = rows.filter((r) => pass(r) === false).length;
  log(
    `\n${rows.filter((r) => r.target).length - failed} targets met, ${failed} missed (reported, not fatal). ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  );

  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(
    RESULTS,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        quick,
        node: process.version,
        cores: cpus().length,
        rows: rows.map((r) => ({ ...r, pass: pass(r) })),
        raw: { requests: req, throughput: tp, panel },
      },
      null,
      2,
    ),
  );
  log(`Wrote ${RESULTS}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
