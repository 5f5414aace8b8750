// Contract v1.3: a company's run history, append-only with an Idempotency-Key, newest first.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CsoSandbox } from '../../../sandbox/cso';
import { control, rawApi, signIn, startSandbox, type Loose } from './harness';

let sb: CsoSandbox;
let api: ReturnType<typeof rawApi>;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.stop());
beforeEach(async () => {
  sb.app.reset();
  api = rawApi(sb.url, await signIn(sb.url));
});

const RUNS = '/companies/1/qbo-sync/runs';
const run = (n: number) => ({
  startedAt: `2025-11-03T14:${String(n % 60).padStart(2, '0')}:00.000Z`,
  finishedAt: `2025-11-03T14:${String(n % 60).padStart(2, '0')}:30.000Z`,
  outcome: 'succeeded',
  message: `Run ${n}`,
  counts: { createInQbo: n },
  by: 'Demo Auditor (auditor@demo.test)',
});
const append = (body: unknown, key?: string) =>
  api('POST', RUNS, { body, headers: key === undefined ? {} : { 'Idempotency-Key': key } });

describe('run history', () => {
  it('appends with an Idempotency-Key; a repeat adds nothing and a missing key is refused', async () => {
    const first = await append(run(1), 'run-a');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(String), ...run(1) });
    expect(first.headers.get('location')).toBe(`/api/qbo-sync/v1${RUNS}/${first.body.id}`);
    const again = await append(run(1), 'run-a');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await append(run(2), 'run-a')).body.error.code).toBe('idempotency_key_reused');
    const keyless = await append(run(3));
    expect(keyless.status).toBe(400);
    expect(keyless.body.error.code).toBe('idempotency_key_required');
    expect((await api('GET', RUNS)).body).toMatchObject({ total: 1, items: [first.body], nextCursor: null });
  });

  it('refuses summaries that break its rules', async () => {
    const bad = [
      { ...run(1), outcome: 'great' },
      { ...run(1), finishedAt: '2025-11-03T13:00:00.000Z' },
      { ...run(1), counts: { createInQbo: -1 } },
      { ...run(1), message: 'x'.repeat(2001) },
      { ...run(1), extra: true },
    ];
    for (const [i, body] of bad.entries()) expect((await append(body, `bad-${i}`)).status).toBe(422);
    expect((await api('GET', RUNS)).body.total).toBe(0);
  });

  it('pages newest first with an opaque cursor, and keeps the last 500', async () => {
    for (let n = 1; n <= 7; n++) await append(run(n), `run-${n}`);
    const seen: string[] = [];
    let page = await api('GET', `${RUNS}?limit=3`);
    expect(page.body.total).toBe(7);
    for (;;) {
      seen.push(...page.body.items.map((r: Loose) => r.message));
      if (page.body.nextCursor === null) break;
      page = await api('GET', `${RUNS}?limit=3&cursor=${page.body.nextCursor}`);
    }
    expect(seen).toEqual(['Run 7', 'Run 6', 'Run 5', 'Run 4', 'Run 3', 'Run 2', 'Run 1']);
    expect((await api('GET', `${RUNS}?cursor=nonsense`)).body.error.code).toBe('invalid_cursor');
    expect((await api('GET', `${RUNS}?limit=101`)).body.error.code).toBe('invalid_limit');
    for (let n = 8; n <= 505; n++) await append(run(n), `run-${n}`);
    const newest = await api('GET', `${RUNS}?limit=100`);
    expect(newest.body.total).toBe(500);
    expect(newest.body.items[0].message).toBe('Run 505');
    const dump = await control(sb.url, 'GET', '/dump?company=1');
    expect(dump.companies[0].qboSync.runs).toHaveLength(500);
    expect(dump.companies[0].qboSync.runs.at(-1).message).toBe('Run 6');
    expect((await api('GET', '/companies/2/qbo-sync/runs')).body.total).toBe(0);
  });

  it('is subject to the same faults and lies as every listing', async () => {
    for (let n = 1; n <= 3; n++) await append(run(n), `run-${n}`);
    await control(sb.url, 'POST', '/faults', { kind: 'lie', lie: 'dropRows', path: `/api/qbo-sync/v1${RUNS}` });
    const lied = await api('GET', RUNS);
    expect(lied.body.items).toHaveLength(2);
    expect(lied.body.total).toBe(3);
    await control(sb.url, 'POST', '/faults', {
      kind: 'lost-response',
      path: `/api/qbo-sync/v1${RUNS}`,
      method: 'POST',
    });
    await expect(append(run(4), 'run-4')).rejects.toThrow();
    const retried = await append(run(4), 'run-4');
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect((await api('GET', RUNS)).body.total).toBe(4);
  });
});
