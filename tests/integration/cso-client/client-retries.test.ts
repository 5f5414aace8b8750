import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CsoUnavailableError } from '../../../lib/cso';
import type { CsoSandbox } from '../../../sandbox/cso';
import { API, control, findByName, startSandbox } from '../cso-sandbox/harness';
import { connect, type Harness } from './setup';

let sb: CsoSandbox;
let h: Harness;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.stop());
beforeEach(async () => {
  sb.app.reset();
  h = await connect(sb);
});

const fault = (spec: Record<string, unknown>) => control(sb.url, 'POST', '/faults', spec);
const attempts = async (route: string) =>
  (await control(sb.url, 'GET', '/log')).entries.filter((e: { path: string }) => e.path === route).length;

describe('CSO client retries', () => {
  it('waits out Retry-After on 429 and 503, then succeeds', async () => {
    await fault({ kind: 'status', status: 429, path: `${API}/companies`, retryAfter: 2 });
    await fault({ kind: 'status', status: 503, path: `${API}/companies`, retryAfter: 5 });
    expect(await h.client.listCompanies()).toHaveLength(2);
    expect(h.sleeps).toHaveLength(2);
    expect(h.sleeps[0]).toBeGreaterThanOrEqual(2000);
    expect(h.sleeps[0]).toBeLessThan(3000);
    expect(h.sleeps[1]).toBeGreaterThanOrEqual(5000);
    expect(await attempts(`${API}/companies`)).toBe(3);
  });

  it('backs off with jitter on 500, dropped connections and hangs for reads', async () => {
    const route = `${API}/companies/1/classes`;
    await fault({ kind: 'status', status: 500, path: route });
    await fault({ kind: 'drop', path: route });
    await fault({ kind: 'hang', path: route, hangMs: 10_000 });
    const fast = await connect(sb, { timeoutMs: 300, sleep: async (ms) => void h.sleeps.push(ms) });
    expect((await fast.client.readAll('1', 'class')).records.length).toBeGreaterThan(0);
    expect(h.sleeps).toEqual([188, 375, 750]); // random() = 0.5: half of each 250, 500, 1000 ms step fixed, a quarter more
  });

  it('gives up after the attempts allowed, or at once when Retry-After is too long', async () => {
    await fault({ kind: 'status', status: 503, path: `${API}/companies`, count: 10, retryAfter: 1 });
    const error = await h.client.listCompanies().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsoUnavailableError);
    expect(error).toMatchObject({ kind: 'unavailable', status: 503, retryAfterMs: 1000 });
    expect(h.sleeps).toHaveLength(4);
    await control(sb.url, 'DELETE', '/faults');
    await fault({ kind: 'status', status: 429, path: `${API}/companies`, retryAfter: 3600 });
    const later = await h.client.listCompanies().catch((e: unknown) => e);
    expect(later).toMatchObject({ kind: 'unavailable', retryAfterMs: 3_600_000 });
    expect(h.sleeps).toHaveLength(4);
  });

  it('retries a create whose response was lost with the same key: one record, the first answer', async () => {
    await fault({ kind: 'lost-response', path: `${API}/companies/1/customers`, method: 'POST' });
    const made = await h.client.create(
      '1',
      'customer',
      { name: 'Lost Then Found' },
      { idempotencyKey: 'run-1:create:lost' },
    );
    expect(made.name).toBe('Lost Then Found');
    const dump = await control(sb.url, 'GET', '/dump?company=1');
    expect(dump.companies[0].records.customers.filter((c: { name: string }) => c.name === 'Lost Then Found')).toEqual([
      expect.objectContaining({ id: made.id }),
    ]);
    const log = (await control(sb.url, 'GET', '/log?company=1')).entries;
    expect(log.map((e: { tags: string[] }) => e.tags.includes('idempotent-replay'))).toEqual([false, true]);
  });

  it('treats the 412 after a lost update response as its own write', async () => {
    const c = await findByName(sb.url, '1', 'customers', 'Greenway Landscaping');
    await fault({ kind: 'lost-response', path: `${API}/companies/1/customers/${c.id}`, method: 'PATCH' });
    const updated = await h.client.update('1', 'customer', c.id, { phone: '(214) 555-0999' }, { version: 1 });
    expect(updated).toMatchObject({ phone: '(214) 555-0999', version: 2 });
  });

  it('still reports a real conflict when someone else changed the record meanwhile', async () => {
    const c = await findByName(sb.url, '1', 'customers', 'Greenway Landscaping');
    await fault({ kind: 'status', status: 500, path: `${API}/companies/1/customers/${c.id}`, method: 'PATCH' });
    await control(sb.url, 'PATCH', `/companies/1/customers/${c.id}`, { phone: 'someone else' });
    await expect(h.client.update('1', 'customer', c.id, { phone: 'mine' }, { version: 1 })).rejects.toMatchObject({
      kind: 'versionConflict',
    });
  });

  it('treats the 404 after a lost delete response as done', async () => {
    const c = await findByName(sb.url, '1', 'customers', 'Greenway Landscaping');
    await fault({ kind: 'lost-response', path: `${API}/companies/1/customers/${c.id}`, method: 'DELETE' });
    await h.client.delete('1', 'customer', c.id, { version: 1 });
    expect(await findByName(sb.url, '1', 'customers', 'Greenway Landscaping')).toBeUndefined();
  });
});
