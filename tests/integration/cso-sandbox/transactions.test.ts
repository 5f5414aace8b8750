// Contract v1.4 over real HTTP: audit days and vendor invoices page like entity lists (cursor,
// updatedSince, total, tombstones, faults and lies), the control API's audit / reopen / corrections
// are new versions, and a server playing v1.3 does not know the paths.
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

const MONTH = { stations: 3, days: 30, seed: 7, startDate: '2025-10-01' };
const DAY_KEYS = ['id', 'stationId', 'date', 'status', 'version', 'updatedAt', 'lines'];
const INVOICE_KEYS = [
  'id',
  'vendorType',
  'vendorId',
  'number',
  'date',
  'dueDate',
  'stationId',
  'version',
  'updatedAt',
  'lines',
];

async function listAll(path: string, limit: number): Promise<{ items: Loose[]; pages: number; total: number }> {
  const items: Loose[] = [];
  let pages = 0;
  let next = `${path}${path.includes('?') ? '&' : '?'}limit=${limit}`;
  for (;;) {
    const res = await api('GET', next);
    expect(res.status).toBe(200);
    pages++;
    items.push(...res.body.items);
    if (!res.body.nextCursor) return { items, pages, total: res.body.total };
    next = `${path.split('?')[0]}?cursor=${res.body.nextCursor}&limit=${limit}`;
  }
}

/** Debits minus credits on Store Sales' debit account, read from the data types over the API. */
async function clearingNetOf(day: Loose): Promise<number> {
  const types: Loose[] = (await api('GET', '/companies/1/data-types?limit=500')).body.items;
  const clearing = types.find((t) => t.name === 'Store Sales').debitAccountId;
  let net = 0;
  for (const line of day.lines) {
    const t = types.find((x) => x.id === line.dataTypeId);
    if (t.debitAccountId === clearing) net += line.amountCents;
    if (t.creditAccountId === clearing) net -= line.amountCents;
  }
  return net;
}

async function loadMonth(): Promise<Loose> {
  const loaded = await control(sb.url, 'POST', '/companies/1/store-month', MONTH);
  expect(loaded).toMatchObject({ ok: true, days: 90 });
  return loaded;
}

describe('store month control', () => {
  it('adds the data types a store day needs once, and refuses what it cannot build', async () => {
    const first = await loadMonth();
    expect(first.dataTypesAdded).toEqual(expect.arrayContaining(['Cash Over/Short', 'Regular Unleaded Sales']));
    expect(first.dataTypesAdded).not.toContain('Store Sales');
    expect((await loadMonth()).dataTypesAdded).toEqual([]);
    // Loading again replaces the month: still 90 days, no tombstones of the old ones.
    expect((await listAll('/companies/1/audit-days', 500)).items).toHaveLength(90);
    expect((await control(sb.url, 'POST', '/companies/1/store-month', { stations: 4 })).error.message).toMatch(
      /3 stations/,
    );
    expect((await control(sb.url, 'POST', '/companies/1/store-month', { startDate: '10/01/2025' })).error.code).toBe(
      'control_error',
    );
  });
});

describe('audit day and vendor invoice lists', () => {
  it('page with a cursor to the end, with exactly the contract fields', async () => {
    await loadMonth();
    const days = await listAll('/companies/1/audit-days', 7);
    expect(days.pages).toBe(13);
    expect(new Set(days.items.map((d) => d.id)).size).toBe(days.total);
    expect(days.total).toBe(90);
    for (const day of days.items) {
      expect(Object.keys(day).sort()).toEqual([...DAY_KEYS].sort());
      for (const line of day.lines)
        expect(Object.keys(line).sort()).toEqual(['amountCents', 'customerId', 'dataTypeId', 'id', 'memo', 'vendorId']);
    }
    const invoices = await listAll('/companies/1/vendor-invoices', 10);
    expect(invoices.items.length).toBe(invoices.total);
    for (const inv of invoices.items) expect(Object.keys(inv).sort()).toEqual([...INVOICE_KEYS].sort());
    const one = await api('GET', `/companies/1/audit-days/${days.items[0].id}`);
    expect(one.body).toEqual(days.items[0]);
    expect(one.headers.get('etag')).toBe(`"${days.items[0].version}"`);
    expect((await api('GET', '/companies/1/audit-days/1001')).body.error.code).toBe('not_found');
    expect((await api('GET', '/companies/2/audit-days')).body).toMatchObject({ items: [], total: 0 });
  });

  it('serve audited days that close to the cent through the data types, and open ones that do not yet', async () => {
    await loadMonth();
    const { items } = await listAll('/companies/1/audit-days', 500);
    for (const day of items.filter((d) => d.status !== 'open')) expect(await clearingNetOf(day)).toBe(0);
    const open = items.filter((d) => d.status === 'open');
    expect(open).toHaveLength(6);
    expect(await clearingNetOf(open[0])).toBeGreaterThan(0);
  });

  it('answer updatedSince with reopened and corrected days as new versions, and deleted invoices as tombstones', async () => {
    await loadMonth();
    await control(sb.url, 'POST', '/clock', { advance: '1m' });
    const before = await api('GET', '/companies/1/audit-days?limit=500');
    const watermark = before.body.serverTime;
    const day = before.body.items.find((d: Loose) => d.status === 'audited');
    const fuel = day.lines[0];
    expect(
      (await control(sb.url, 'PATCH', `/companies/1/audit-days/${day.id}/lines/${fuel.id}`, { amountCents: 1 })).error
        .message,
    ).toMatch(/reopen/);
    const reopened = await control(sb.url, 'POST', `/companies/1/audit-days/${day.id}/reopen`);
    expect(reopened).toMatchObject({ status: 'reopened', version: day.version + 1 });
    const corrected = await control(sb.url, 'PATCH', `/companies/1/audit-days/${day.id}/lines/${fuel.id}`, {
      amountCents: fuel.amountCents + 1234,
    });
    expect(corrected.version).toBe(day.version + 2);
    expect(await clearingNetOf(corrected)).toBe(0);
    const overShort = (d: Loose) =>
      d.lines.find((l: Loose) => l.memo === 'Cash short' || l.memo === 'Cash over')?.amountCents ?? 0;
    expect(overShort(corrected)).toBe(overShort(day) + 1234);
    const audited = await control(sb.url, 'POST', `/companies/1/audit-days/${day.id}/audit`);
    expect(audited).toMatchObject({ status: 'audited', version: day.version + 3 });

    const changes = await api('GET', `/companies/1/audit-days?updatedSince=${encodeURIComponent(watermark)}`);
    expect(changes.body.items).toEqual([audited]);
    expect(changes.body.total).toBe(1);

    const invoice = (await api('GET', '/companies/1/vendor-invoices?limit=1')).body.items[0];
    await control(sb.url, 'DELETE', `/companies/1/vendor-invoices/${invoice.id}`);
    const gone = await api('GET', `/companies/1/vendor-invoices?updatedSince=${encodeURIComponent(watermark)}`);
    expect(gone.body.items).toEqual([{ id: invoice.id, deleted: true, updatedAt: '2025-11-03T14:01:00.000Z' }]);
    expect((await api('GET', `/companies/1/vendor-invoices/${invoice.id}`)).status).toBe(404);
    const full = await listAll('/companies/1/vendor-invoices', 500);
    expect(full.items.some((i) => i.id === invoice.id || i.deleted)).toBe(false);
  });

  it('audits an open day by booking what the clearing account still holds as cash over/short', async () => {
    await loadMonth();
    const open = (await listAll('/companies/1/audit-days', 500)).items.find((d) => d.status === 'open');
    const uncounted = await clearingNetOf(open);
    expect((await control(sb.url, 'POST', `/companies/1/audit-days/${open.id}/reopen`)).error.code).toBe(
      'control_error',
    );
    const audited = await control(sb.url, 'POST', `/companies/1/audit-days/${open.id}/audit`);
    expect(audited).toMatchObject({ status: 'audited', version: open.version + 1 });
    expect(audited.lines).toHaveLength(open.lines.length + 1);
    expect(audited.lines.at(-1)).toMatchObject({ amountCents: uncounted, memo: 'Cash short' });
    expect(await clearingNetOf(audited)).toBe(0);
    expect((await control(sb.url, 'POST', `/companies/1/audit-days/${open.id}/audit`)).error.message).toMatch(
      /already/,
    );
  });

  it('takes a vendor invoice entered by hand, and refuses one that names no vendor', async () => {
    await loadMonth();
    const vendors = (await api('GET', '/companies/1/price-book-vendors')).body.items;
    const coke = vendors.find((v: Loose) => v.name === 'Coca-Cola Bottling Co.');
    const station = (await api('GET', '/companies/1/locations')).body.items.find((l: Loose) => l.stationCode === '101');
    const type = (await api('GET', '/companies/1/data-types?limit=500')).body.items.find(
      (t: Loose) => t.name === 'Merchandise Purchases',
    );
    const input = {
      vendorType: 'priceBookVendor',
      vendorId: coke.id,
      number: 'INV-777',
      date: '2025-10-31',
      dueDate: '2025-11-14',
      stationId: station.id,
      lines: [{ dataTypeId: type.id, amountCents: 51_234, memo: 'Delivery' }],
    };
    const made = await control(sb.url, 'POST', '/companies/1/vendor-invoices', input);
    expect(made).toMatchObject({ ...input, version: 1, lines: [{ id: '1', accountId: null, amountCents: 51_234 }] });
    expect((await api('GET', `/companies/1/vendor-invoices/${made.id}`)).body).toEqual(made);
    const corrected = await control(sb.url, 'PATCH', `/companies/1/vendor-invoices/${made.id}`, {
      lines: [{ dataTypeId: type.id, amountCents: -1_200, memo: 'Price correction' }],
    });
    expect(corrected).toMatchObject({ number: 'INV-777', version: 2, lines: [{ amountCents: -1_200 }] });
    expect(
      (await control(sb.url, 'PATCH', `/companies/1/vendor-invoices/${made.id}`, { dueDate: '2025-10-01' })).error
        .message,
    ).toMatch(/before date/);
    const refused = await control(sb.url, 'POST', '/companies/1/vendor-invoices', {
      ...input,
      vendorType: 'accountingVendor',
    });
    expect(refused.error.message).toMatch(/No accountingVendor/);
    const split = await control(sb.url, 'POST', '/companies/1/vendor-invoices', {
      ...input,
      lines: [{ amountCents: 5.5 }],
    });
    expect(split.error.message).toMatch(/dataTypeId or an accountId/);
  });

  it('follow the list rules: limits, cursors, the 30-day horizon, sign-in and company access', async () => {
    await loadMonth();
    expect((await api('GET', '/companies/1/audit-days?limit=501')).body.error.code).toBe('invalid_limit');
    expect((await api('GET', '/companies/1/vendor-invoices?cursor=nonsense')).body.error.code).toBe('invalid_cursor');
    expect((await api('GET', '/companies/1/audit-days?updatedSince=2025-10-01T00:00:00Z')).body.error.code).toBe(
      'updated_since_too_old',
    );
    expect((await rawApi(sb.url)('GET', '/companies/1/audit-days')).status).toBe(401);
    const clerk = rawApi(sb.url, await signIn(sb.url, 'clerk@demo.test'));
    expect((await clerk('GET', '/companies/1/vendor-invoices')).body.error.code).toBe('forbidden');
    expect((await api('GET', '/companies/9/audit-days')).body.error.code).toBe('company_not_found');
  });

  it('are read-only (405), and unknown to a server playing v1.3 (404 as an unknown entity type)', async () => {
    await loadMonth();
    const day = (await api('GET', '/companies/1/audit-days?limit=1')).body.items[0];
    expect((await api('POST', '/companies/1/audit-days', { body: {} })).status).toBe(405);
    expect(
      (await api('PATCH', `/companies/1/audit-days/${day.id}`, { body: {}, headers: { 'If-Match': '1' } })).body.error
        .code,
    ).toBe('method_not_allowed');
    expect((await control(sb.url, 'POST', '/contract', { version: '1.3' })).version).toBe('1.3');
    for (const path of [
      '/companies/1/audit-days',
      `/companies/1/audit-days/${day.id}`,
      '/companies/1/vendor-invoices',
    ]) {
      const res = await api('GET', path);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await api('POST', '/companies/1/vendor-invoices', { body: {} })).status).toBe(404);
    // Sign-in and company checks come first, as for every path.
    expect((await api('GET', '/companies/9/audit-days')).body.error.code).toBe('company_not_found');
    expect((await api('GET', '/companies/1/qbo-sync')).status).toBe(200);
    await control(sb.url, 'POST', '/contract', { version: '1.4' });
    expect((await api('GET', '/companies/1/audit-days?limit=1')).body.items).toEqual([day]);
  });

  it('are reached by faults and lies like every list', async () => {
    await loadMonth();
    await control(sb.url, 'POST', '/faults', {
      kind: 'status',
      status: 503,
      path: '/api/qbo-sync/v1/companies/1/audit-days',
    });
    const unavailable = await api('GET', '/companies/1/audit-days');
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('1');
    await control(sb.url, 'POST', '/faults', {
      kind: 'lie',
      lie: 'endEarly',
      path: '/api/qbo-sync/v1/companies/1/vendor-invoices',
    });
    const lied = await api('GET', '/companies/1/vendor-invoices?limit=5');
    expect(lied.body.nextCursor).toBeNull();
    expect(lied.body.items).toHaveLength(5);
    expect(lied.body.total).toBeGreaterThan(5);
    const log = await control(sb.url, 'GET', '/log?company=1');
    expect(log.entries.at(-1).tags).toEqual(
      expect.arrayContaining(['list:full', 'type:vendor-invoices', 'lie:endEarly']),
    );
  });
});
