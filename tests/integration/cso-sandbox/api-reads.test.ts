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

const SEGMENTS = [
  'accounts',
  'classes',
  'customers',
  'price-book-vendors',
  'accounting-vendors',
  'data-types',
  'locations',
];
// `qbo` since v1.3: every record carries its QuickBooks link (null when unlinked).
const COMMON = ['id', 'name', 'active', 'version', 'updatedAt', 'qbo'];
const FIELDS: Record<string, string[]> = {
  accounts: [...COMMON, 'parentId', 'number', 'accountType', 'description', 'detailType'],
  classes: [...COMMON, 'parentId'],
  customers: [...COMMON, 'companyName', 'email', 'phone'],
  'price-book-vendors': [...COMMON, 'taxId', 'email', 'phone', 'category'],
  'accounting-vendors': [...COMMON, 'taxId', 'email', 'phone'],
  'data-types': [...COMMON, 'category', 'debitAccountId', 'creditAccountId'],
  locations: [...COMMON, 'parentId', 'stationCode', 'address'],
};

async function listAll(path: string, limit: number): Promise<{ items: Loose[]; pages: number }> {
  const items: Loose[] = [];
  let pages = 0;
  let next = `${path}${path.includes('?') ? '&' : '?'}limit=${limit}`;
  for (;;) {
    const res = await api('GET', next);
    expect(res.status).toBe(200);
    pages++;
    items.push(...res.body.items);
    if (!res.body.nextCursor) return { items, pages };
    next = `${path.split('?')[0]}?cursor=${res.body.nextCursor}&limit=${limit}`;
  }
}

describe('companies', () => {
  it('lists the companies the user may audit', async () => {
    expect((await api('GET', '/companies')).body).toEqual({
      items: [
        { id: '1', name: 'Sunrise Fuel & Food LLC' },
        { id: '2', name: 'Prairie Express Stores, Inc.' },
      ],
    });
    const clerk = rawApi(sb.url, await signIn(sb.url, 'clerk@demo.test'));
    expect((await clerk('GET', '/companies')).body.items.map((c: Loose) => c.id)).toEqual(['2']);
    expect((await clerk('GET', '/companies/1/accounts')).body.error.code).toBe('forbidden');
    expect((await api('GET', '/companies/99/accounts')).status).toBe(404);
  });
});

describe('list', () => {
  it.each(SEGMENTS)('returns every %s record with exactly the contract fields', async (segment) => {
    const res = await api('GET', `/companies/1/${segment}?limit=500`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const item of res.body.items) expect(Object.keys(item).sort()).toEqual([...(FIELDS[segment] ?? [])].sort());
    expect(typeof res.body.items[0].id).toBe('string');
    expect(res.body.items[0].qbo).toBeNull();
  });

  it('pages with an opaque cursor without skipping or repeating', async () => {
    const whole = await api('GET', '/companies/1/accounts?limit=500');
    const paged = await listAll('/companies/1/accounts', 7);
    expect(paged.pages).toBe(Math.ceil(whole.body.items.length / 7));
    expect(paged.items.map((i) => i.id)).toEqual(whole.body.items.map((i: Loose) => i.id));
  });

  it('uses 100 per page by default and refuses bad limits and cursors', async () => {
    await control(sb.url, 'POST', '/seed', { seed: 'large', perType: 150 });
    const first = await api('GET', '/companies/1/customers');
    expect(first.body.items).toHaveLength(100);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect((await api('GET', '/companies/1/customers?limit=501')).body.error.code).toBe('invalid_limit');
    expect((await api('GET', '/companies/1/customers?limit=0')).status).toBe(400);
    expect((await api('GET', '/companies/1/customers?cursor=nonsense')).body.error.code).toBe('invalid_cursor');
    expect((await api('GET', '/companies/1/customers?updatedSince=yesterday')).body.error.code).toBe(
      'invalid_updated_since',
    );
  });

  it('with updatedSince returns changes and tombstones since then (inclusive), without it only live records', async () => {
    await control(sb.url, 'POST', '/clock', { advance: '1m' });
    const before = await api('GET', '/companies/1/customers?limit=500');
    const watermark = before.body.serverTime;
    expect(watermark).toBe('2025-11-03T14:01:00.000Z');
    const [first, second] = before.body.items;
    await control(sb.url, 'PATCH', `/companies/1/customers/${first.id}`, { name: 'City of Springfield (renamed)' });
    await control(sb.url, 'DELETE', `/companies/1/customers/${second.id}`);
    const changes = await api('GET', `/companies/1/customers?updatedSince=${encodeURIComponent(watermark)}`);
    expect(changes.body.items).toEqual([
      expect.objectContaining({ id: first.id, name: 'City of Springfield (renamed)', version: 2 }),
      { id: second.id, deleted: true, updatedAt: '2025-11-03T14:01:00.000Z' },
    ]);
    // Inclusive: asking from the exact updatedAt of a change returns it.
    const exact = await api('GET', `/companies/1/customers?updatedSince=2025-11-03T14:01:00.000Z`);
    expect(exact.body.items).toHaveLength(2);
    const after = await api('GET', `/companies/1/customers?updatedSince=2025-11-03T14:01:00.001Z`);
    expect(after.body.items).toEqual([]);
    const full = await api('GET', '/companies/1/customers?limit=500');
    expect(full.body.items.some((i: Loose) => i.deleted)).toBe(false);
    expect(full.body.items).toHaveLength(before.body.items.length - 1);
  });

  it('keeps updatedSince paging across pages through its cursor', async () => {
    await control(sb.url, 'POST', '/clock', { advance: '1m' });
    const since = new Date(sb.app.clock.now()).toISOString();
    const all = (await api('GET', '/companies/1/accounts?limit=500')).body.items;
    for (const a of all.slice(0, 5))
      await control(sb.url, 'PATCH', `/companies/1/accounts/${a.id}`, { description: 'checked' });
    const paged = await listAll(`/companies/1/accounts?updatedSince=${encodeURIComponent(since)}`, 2);
    expect(paged.items.map((i) => i.id)).toEqual(all.slice(0, 5).map((a: Loose) => a.id));
  });

  it('keeps tombstones 30 days, then answers 410 for older updatedSince', async () => {
    await control(sb.url, 'POST', '/clock', { advance: '1m' });
    const watermark = new Date(sb.app.clock.now()).toISOString();
    const victim = (await api('GET', '/companies/2/classes')).body.items[0];
    await control(sb.url, 'DELETE', `/companies/2/classes/${victim.id}`);
    await control(sb.url, 'POST', '/clock', { advance: '29d' });
    api = rawApi(sb.url, await signIn(sb.url)); // the old session ended after 12 hours
    expect((await api('GET', `/companies/2/classes?updatedSince=${watermark}`)).body.items).toEqual([
      expect.objectContaining({ id: victim.id, deleted: true }),
    ]);
    await control(sb.url, 'POST', '/clock', { advance: '2d' });
    api = rawApi(sb.url, await signIn(sb.url));
    const gone = await api('GET', `/companies/2/classes?updatedSince=${watermark}`);
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe('updated_since_too_old');
  });
});

describe('get one', () => {
  it('returns the record with its version as ETag, and 404 for unknown or deleted ids', async () => {
    const acct = (await api('GET', '/companies/1/accounts')).body.items[0];
    const one = await api('GET', `/companies/1/accounts/${acct.id}`);
    expect(one.body).toEqual(acct);
    expect(one.headers.get('etag')).toBe('"1"');
    expect((await api('GET', '/companies/1/accounts/999999')).body.error).toEqual({
      code: 'not_found',
      message: expect.any(String),
    });
    expect((await api('GET', `/companies/2/accounts/${acct.id}`)).status).toBe(404); // other company
    expect((await api('GET', '/companies/1/widgets')).status).toBe(404);
    const cust = (await api('GET', '/companies/2/customers')).body.items[0];
    await control(sb.url, 'DELETE', `/companies/2/customers/${cust.id}`);
    expect((await api('GET', `/companies/2/customers/${cust.id}`)).status).toBe(404);
  });
});
