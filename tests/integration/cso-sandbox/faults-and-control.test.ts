import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CsoSandbox } from '../../../sandbox/cso';
import { API, control, findByName, rawApi, signIn, startSandbox } from './harness';

let sb: CsoSandbox;
let api: ReturnType<typeof rawApi>;
let cookie: string;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.stop());
beforeEach(async () => {
  sb.app.reset();
  cookie = await signIn(sb.url);
  api = rawApi(sb.url, cookie);
});

const customers = `${API}/companies/1/customers`;

describe('fault injection', () => {
  it('answers 429 and 503 with Retry-After and the contract error body, for the next N matching requests', async () => {
    await control(sb.url, 'POST', '/faults', {
      kind: 'status',
      status: 429,
      path: `${API}/companies/*`,
      count: 2,
      retryAfter: 3,
    });
    const first = await api('GET', '/companies/1/customers');
    expect([first.status, first.headers.get('retry-after'), first.body.error.code]).toEqual([429, '3', 'rate_limited']);
    expect((await api('GET', '/companies')).status).toBe(200); // path does not match
    expect((await api('GET', '/companies/1/classes')).status).toBe(429);
    expect((await api('GET', '/companies/1/classes')).status).toBe(200);
    await control(sb.url, 'POST', '/faults', { kind: 'status', status: 503, path: customers, method: 'POST' });
    const down = await api('POST', '/companies/1/customers', { body: { name: 'X' } });
    expect([down.status, down.headers.get('retry-after'), down.body.error.code]).toEqual([503, '1', 'unavailable']);
    expect(await findByName(sb.url, '1', 'customers', 'X')).toBeUndefined();
  });

  it('answers 500 in the contract shape and can fire at a rate', async () => {
    await control(sb.url, 'POST', '/faults', { kind: 'status', status: 500, path: customers, rate: 1 });
    expect((await api('GET', '/companies/1/customers')).body.error.code).toBe('server_error');
    expect((await control(sb.url, 'GET', '/faults')).faults).toHaveLength(1);
    await control(sb.url, 'DELETE', '/faults');
    expect((await api('GET', '/companies/1/customers')).status).toBe(200);
  });

  it('drops the connection, or hangs until the client gives up', async () => {
    await control(sb.url, 'POST', '/faults', { kind: 'drop', path: customers });
    await expect(api('GET', '/companies/1/customers')).rejects.toThrow();
    await control(sb.url, 'POST', '/faults', { kind: 'hang', path: customers, hangMs: 60_000 });
    const started = Date.now();
    await expect(
      fetch(sb.url + customers, { headers: { Cookie: cookie }, signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('applies a write and then loses its response', async () => {
    await control(sb.url, 'POST', '/faults', { kind: 'lost-response', path: customers, method: 'POST' });
    await expect(api('POST', '/companies/1/customers', { body: { name: 'Applied But Unanswered' } })).rejects.toThrow();
    expect(await findByName(sb.url, '1', 'customers', 'Applied But Unanswered')).toMatchObject({ version: 1 });
  });
});

describe('request log and counters', () => {
  it('records every non-control request with its company, route, status and tags', async () => {
    await api('GET', '/companies/1/customers');
    await api('POST', '/companies/1/customers', { body: { name: 'Logged' } });
    await api('GET', '/companies/2/accounts?updatedSince=2025-11-03T00:00:00Z');
    const { entries } = await control(sb.url, 'GET', '/log?company=1');
    expect(
      entries.map((e: { method: string; route: string; status: number }) => `${e.method} ${e.route} ${e.status}`),
    ).toEqual([
      'GET /api/qbo-sync/v1/companies/:companyId/:segment 200',
      'POST /api/qbo-sync/v1/companies/:companyId/:segment 201',
    ]);
    expect(entries[1].tags).toEqual(['write', 'create:customers']);
    const { counters } = await control(sb.url, 'GET', '/counters?company=2');
    expect(counters.total).toBe(1);
    expect(counters.byTag['list:changes']).toBe(1);
    await control(sb.url, 'DELETE', '/log');
    expect((await control(sb.url, 'GET', '/log')).entries).toEqual([]);
  });
});

describe('control API', () => {
  it('edits records as a person would: new versions that updatedSince reports', async () => {
    const made = await control(sb.url, 'POST', '/companies/2/classes', { name: 'Store 15 - Hays' });
    expect(made).toMatchObject({ name: 'Store 15 - Hays', version: 1 });
    await control(sb.url, 'POST', '/clock', { advance: '5m' });
    const renamed = await control(sb.url, 'PATCH', `/companies/2/classes/${made.id}`, { name: 'Store 15 - Hays KS' });
    expect(renamed).toMatchObject({ version: 2, updatedAt: '2025-11-03T14:05:00.000Z' });
    const refused = await control(sb.url, 'PATCH', `/companies/2/classes/${made.id}`, { name: 'Store 7 - Wichita' });
    expect(refused.error.code).toBe('duplicate_name');
    await control(sb.url, 'DELETE', `/companies/2/classes/${made.id}`);
    const changes = await api('GET', '/companies/2/classes?updatedSince=2025-11-03T14:05:00.000Z');
    expect(changes.body.items).toEqual([{ id: made.id, deleted: true, updatedAt: '2025-11-03T14:05:00.000Z' }]);
  });

  it('loads the empty and large seeds and resets to the default one', async () => {
    await control(sb.url, 'POST', '/seed', { seed: 'empty' });
    expect((await api('GET', '/companies/1/accounts')).body.items).toEqual([]);
    await control(sb.url, 'POST', '/seed', { seed: 'large', perType: 1200 });
    const counts = await Promise.all(
      ['accounts', 'locations', 'data-types'].map(
        async (s) => (await api('GET', `/companies/1/${s}?limit=500`)).body.items.length,
      ),
    );
    expect(counts).toEqual([500, 500, 500]);
    expect((await control(sb.url, 'POST', '/seed', { seed: 'bogus' })).error.message).toMatch(/Unknown seed/);
    const reset = await control(sb.url, 'POST', '/reset', {});
    expect(reset.companies.map((c: { name: string }) => c.name)).toEqual([
      'Sunrise Fuel & Food LLC',
      'Prairie Express Stores, Inc.',
    ]);
  });

  it('reads, sets and advances the clock, and mints sessions without the form', async () => {
    expect((await control(sb.url, 'POST', '/clock', { set: '2026-01-01T00:00:00Z', advance: '90s' })).iso).toBe(
      '2026-01-01T00:01:30.000Z',
    );
    expect((await control(sb.url, 'GET', '/clock')).speed).toBe(0);
    const minted = await control(sb.url, 'POST', '/sessions', { username: 'clerk@demo.test' });
    expect((await rawApi(sb.url, minted.cookie)('GET', '/companies')).body.items).toHaveLength(1);
  });
});
