import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QboSandbox } from '@/sandbox/qbo/index';
import { QboTimeoutError } from '@/lib/qbo';
import { clientFor, counters, startSandbox } from './harness';

let sandbox: QboSandbox;
let realmId: string;

beforeAll(async () => {
  sandbox = await startSandbox([{ seed: 'empty' }]);
  realmId = sandbox.realmIds[0]!;
});
afterAll(() => sandbox.stop());

/** Largest number of logged API requests inside any window of `windowMs` on the sandbox clock. */
function peak(windowMs: number, since: number, predicate: (tags: string[]) => boolean = () => true): number {
  const times = sandbox.state.log
    .entries({ realm: realmId, since })
    .filter((e) => e.status !== 429 && predicate(e.tags))
    .map((e) => e.time);
  let best = 0;
  for (let i = 0, j = 0; j < times.length; j += 1) {
    while ((times[j] ?? 0) - (times[i] ?? 0) >= windowMs) i += 1;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

const lastSeq = (): number => sandbox.state.log.entries({ limit: 1 }).at(-1)?.seq ?? 0;

describe('limits against the QBO sandbox (throttle on)', () => {
  it('600 reads stay under 10/s and 500/min: the sandbox never throttles', async () => {
    const { client } = clientFor(sandbox, realmId);
    const since = lastSeq();
    const throttledBefore = counters(sandbox, realmId).byTag.throttled ?? 0;
    await Promise.all(Array.from({ length: 600 }, () => client.companyInfo()));
    expect((counters(sandbox, realmId).byTag.throttled ?? 0) - throttledBefore).toBe(0);
    expect(peak(1000, since)).toBeLessThanOrEqual(10);
    expect(peak(60_000, since)).toBeLessThanOrEqual(500);
  });

  it('requests another client of the app sends leave room for ours: QBO counts the app, not our client', async () => {
    const { client } = clientFor(sandbox, realmId);
    sandbox.clock.advance(5000);
    const throttledBefore = counters(sandbox, realmId).byTag.throttled ?? 0;
    // Someone's script on the same app (or a second browser) reads at the moment our read begins.
    const token = sandbox.mintToken(realmId).access_token;
    const other = () =>
      fetch(`${sandbox.url}/v3/company/${realmId}/companyinfo/${realmId}?minorversion=75`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      });
    expect((await Promise.all([other(), other()])).map((r) => r.status)).toEqual([200, 200]);
    await Promise.all(Array.from({ length: 16 }, () => client.companyInfo()));
    expect((counters(sandbox, realmId).byTag.throttled ?? 0) - throttledBefore).toBe(0);
  });

  it('60 batch calls stay under 40/min', async () => {
    const { client } = clientFor(sandbox, realmId);
    const since = lastSeq();
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        client.batch([{ key: i, query: 'SELECT * FROM Class MAXRESULTS 1' }], { requestId: `q-${Date.now()}-${i}` }),
      ),
    );
    expect(peak(60_000, since, (tags) => tags.includes('batch'))).toBeLessThanOrEqual(40);
    expect(counters(sandbox, realmId).byTag.throttled ?? 0).toBe(0);
  });

  it('a 429 storm (XML bodies) is waited out and every call succeeds without exceeding the limits', async () => {
    sandbox.state.switches.throttleXml = true;
    const { client } = clientFor(sandbox, realmId);
    const since = lastSeq();
    sandbox.state.faults.add({ kind: 'status', status: 429, path: `/v3/company/${realmId}/*`, count: 25 });
    const started = sandbox.clock.now();
    const results = await Promise.all(Array.from({ length: 40 }, () => client.companyInfo()));
    expect(results).toHaveLength(40);
    expect(sandbox.clock.now() - started).toBeGreaterThanOrEqual(60_000); // it backed off, as Intuit asks
    expect(peak(1000, since)).toBeLessThanOrEqual(10);
    expect(counters(sandbox, realmId).byTag['injected:429']).toBe(25);
    sandbox.state.switches.throttleXml = false;
  });

  it('5xx gateway pages and dropped connections are retried', async () => {
    const { client } = clientFor(sandbox, realmId);
    sandbox.state.faults.add({ kind: 'status', status: 502, path: `/v3/company/${realmId}/companyinfo/*`, count: 1 });
    sandbox.state.faults.add({ kind: 'status', status: 503, path: `/v3/company/${realmId}/companyinfo/*`, count: 1 });
    sandbox.state.faults.add({ kind: 'drop', path: `/v3/company/${realmId}/companyinfo/*`, count: 1 });
    await expect(client.companyInfo()).resolves.toMatchObject({ CompanyName: expect.any(String) });
  });

  it('a hung request times out and is retried', async () => {
    const { client } = clientFor(sandbox, realmId, { timeoutMs: 150 });
    sandbox.state.faults.add({ kind: 'hang', path: `/v3/company/${realmId}/companyinfo/*`, count: 1, hangMs: 5000 });
    await expect(client.companyInfo()).resolves.toMatchObject({ CompanyName: expect.any(String) });
    const { client: once } = clientFor(sandbox, realmId, { timeoutMs: 150, retry: { maxAttempts: 1 } });
    sandbox.state.faults.add({ kind: 'hang', path: `/v3/company/${realmId}/companyinfo/*`, count: 1, hangMs: 5000 });
    await expect(once.companyInfo()).rejects.toBeInstanceOf(QboTimeoutError);
  });
});
