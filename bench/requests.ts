/**
 * Requests for an initial sync and for a sync with nothing to do, read from the QBO sandbox's
 * counters (deterministic: one run is the median of itself, so this runs once). A generated
 * CStoreOffice company goes into an empty QBO realm; Reconnect then re-reads the now full realm.
 * Throttling is off here: this counts requests; the throughput benchmark measures the throttle.
 */
import { startSyncEnv, type QboCounters } from './sync-env';

const ENTITIES = ['Account', 'Class', 'Department', 'Customer', 'Vendor', 'Item', 'Employee'] as const;

export interface BudgetCheck {
  what: string;
  measured: number;
  budget: number;
}

export interface RequestsResult {
  perType: number;
  records: number;
  writes: number;
  checks: BudgetCheck[];
  failures: number;
}

const delta = (a: QboCounters, b: QboCounters, tag: string) => (b.byTag[tag] ?? 0) - (a.byTag[tag] ?? 0);

export async function benchRequests(perType: number, log: (line: string) => void): Promise<RequestsResult> {
  const env = await startSyncEnv({ perType, qboSpeed: 0, throttle: false });
  try {
    const checks: BudgetCheck[] = [];
    const t0 = await env.counters();
    const first = await env.engine.synchronize();
    const t1 = await env.counters();
    const writes = delta(t0, t1, 'batch-items');
    log(
      `    initial sync: ${writes} records written in ${delta(t0, t1, 'batch')} batches, ${t1.total - t0.total} requests`,
    );
    checks.push({
      what: `initial sync: batches for W=${writes} writes (⌈W/30⌉)`,
      measured: delta(t0, t1, 'batch'),
      budget: Math.ceil(writes / 30),
    });
    const emptyPages = ENTITIES.reduce((n, e) => n + delta(t0, t1, `query:${e}`), 0);
    checks.push({
      what: 'initial sync: query pages of the empty realm (1 per type)',
      measured: emptyPages,
      budget: ENTITIES.length,
    });

    // Right after the initial sync: the next run should find nothing to do in one request.
    env.qbo.clock.advance(60_000);
    const again = await env.engine.synchronize();
    const t2 = await env.counters();
    checks.push({ what: 'nothing to do, right after the initial sync', measured: t2.total - t1.total, budget: 1 });
    if (again.executed.ops.length) log(`    (that run still planned ${again.executed.ops.length} ops)`);

    // Reconnect: a full re-read of the realm, ⌈n/1000⌉+1 pages per type at most.
    await env.engine.reconnect();
    const t3 = await env.counters();
    for (const e of ENTITIES) {
      const n = e === 'Vendor' ? 2 * perType : e === 'Employee' ? 0 : perType;
      checks.push({
        what: `full read of ${n} ${e} records (⌈n/1000⌉+1 pages)`,
        measured: delta(t2, t3, `query:${e}`),
        budget: Math.ceil(n / 1000) + 1,
      });
    }

    env.qbo.clock.advance(60_000);
    await env.engine.synchronize();
    const t4 = await env.counters();
    checks.push({ what: 'nothing to do, after a full re-read', measured: t4.total - t3.total, budget: 1 });
    return { perType, records: 7 * perType, writes, checks, failures: first.failures.length + again.failures.length };
  } finally {
    await env.stop();
  }
}
