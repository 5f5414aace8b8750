/**
 * One planning measurement in its own process (started with --expose-gc so the heap is measured
 * from a clean start): builds a world of N records per side, runs `analyze` R times and prints
 * JSON with each run's time and the peak heap and RSS seen while planning.
 */
import { analyze, createWorld, reportConflicts } from '../lib/sync';
import { generateMirror } from './world-gen';

const [n = 1000, runs = 3] = process.argv.slice(2).map(Number);
const gc = (globalThis as { gc?: () => void }).gc;

const mirror = generateMirror(n);
gc?.();
const base = process.memoryUsage();
let peakHeap = base.heapUsed;
let peakRss = base.rss;
const sample = () => {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakRss = Math.max(peakRss, m.rss);
};
const sampler = setInterval(sample, 5);

const times: number[] = [];
// CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
const cpuTimes: number[] = [];
let rows = 0;
let ops = 0;
for (let r = 0; r < runs; r++) {
  gc?.();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const world = createWorld(mirror, []);
  const result = analyze(
    world,
    {
      policy: reportConflicts,
      defaultIncomeAccountId: null,
      qboOnlyVendorType: 'accountingVendor',
      batchSizes: { cso: 50, qbo: 30 },
    },
    { issues: [], ignores: [] },
  );
  times.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
  sample();
  rows = result.rows.length;
  ops = result.plan.ops.length;
  // Let the sampler see the heap between runs too.
  await new Promise((resolve) => setTimeout(resolve, 10));
}
clearInterval(sampler);
console.log(
  JSON.stringify({
    n,
    times,
    cpuTimes,
    rows,
    ops,
    heapBaseMb: base.heapUsed / 2 ** 20,
    peakHeapMb: peakHeap / 2 ** 20,
    peakRssMb: peakRss / 2 ** 20,
  }),
);
