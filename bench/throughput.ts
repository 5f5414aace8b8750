/**
 * Write throughput under the QBO sandbox's real throttle (500 requests/min, 10/s, 40 batch calls
 * of 30 items per minute: at most 1,200 writes a minute), with its clock sped up. A generated
 * CStoreOffice company is synchronized into an empty realm; the rate is the number of records
 * written in the whole minutes after the first batch, read from the sandbox's request log (sandbox
 * time), as a fraction of 1,200 a minute.
 */
import { startSyncEnv } from './sync-env';

const WRITE_BOUND_PER_MINUTE = 1200;

export interface ThroughputResult {
  perType: number;
  speed: number;
  writes: number;
  minutes: number;
  writesPerMinute: number;
  fraction: number;
  throttled: number;
  failures: number;
  wallSeconds: number;
}

export async function benchThroughput(perType: number, speed: number): Promise<ThroughputResult> {
  const env = await startSyncEnv({ perType, qboSpeed: speed, throttle: true });
  try {
    const wall = performance.now();
    const report = await env.engine.synchronize();
    const wallSeconds = (performance.now() - wall) / 1000;
    const entries = (await env.log()).filter((e) => e.route.endsWith('/batch'));
    const ok = entries.filter((e) => e.status === 200);
    const items = (tags: string[]) => tags.filter((t) => t === 'batch:write').length;
    const counters = await env.counters();
    const writes = ok.reduce((n, e) => n + items(e.tags), 0);
    const first = ok[0]?.time ?? 0;
    const minutes = Math.floor(((ok.at(-1)?.time ?? first) - first) / 60_000);
    const inWindow = ok.filter((e) => e.time < first + minutes * 60_000).reduce((n, e) => n + items(e.tags), 0);
    const writesPerMinute = minutes > 0 ? inWindow / minutes : writes;
    return {
      perType,
      speed,
      writes,
      minutes,
      writesPerMinute,
      fraction: writesPerMinute / WRITE_BOUND_PER_MINUTE,
      throttled: counters.byStatus['429'] ?? 0,
      failures: report.failures.length,
      wallSeconds,
    };
  } finally {
    await env.stop();
  }
}
