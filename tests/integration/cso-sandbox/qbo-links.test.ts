// Contract v1.3: each record carries its QuickBooks link, written with the same rules as any field.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CsoSandbox } from '../../../sandbox/cso';
import { control, findByName, rawApi, signIn, startSandbox, type Loose } from './harness';

let sb: CsoSandbox;
let api: ReturnType<typeof rawApi>;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.stop());
beforeEach(async () => {
  sb.app.reset();
  api = rawApi(sb.url, await signIn(sb.url));
  expect(
    (await api('PATCH', '/companies/1/qbo-sync', { body: { realmId: 'R1' }, headers: { 'If-Match': '0' } })).status,
  ).toBe(200);
});

const patch = (path: string, body: unknown, version: number | string) =>
  api('PATCH', path, { body, headers: { 'If-Match': String(version) } });

describe('a record’s QuickBooks link', () => {
  it('is set and cleared with If-Match, each change a new version that updatedSince sees', async () => {
    const customer = await findByName(sb.url, '1', 'customers', "O'Brien Trucking");
    const path = `/companies/1/customers/${customer.id}`;
    await control(sb.url, 'POST', '/clock', { advance: '1m' });
    const watermark = (await api('GET', '/companies/1/customers?limit=1')).body.serverTime;
    const set = await patch(path, { qbo: { id: '58', realmId: 'R1' } }, customer.version);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ qbo: { realmId: 'R1', id: '58' }, version: customer.version + 1 });
    expect(Object.keys(set.body.qbo)).toEqual(['realmId', 'id']);
    expect(set.headers.get('etag')).toBe(`"${customer.version + 1}"`);
    const changes = await api('GET', `/companies/1/customers?updatedSince=${watermark}`);
    expect(changes.body.items.map((i: Loose) => [i.id, i.qbo])).toEqual([[customer.id, { realmId: 'R1', id: '58' }]]);

    expect((await patch(path, { qbo: null }, customer.version)).status).toBe(412);
    expect((await api('PATCH', path, { body: { qbo: null } })).status).toBe(428);
    const cleared = await patch(path, { qbo: null }, customer.version + 1);
    expect(cleared.body).toMatchObject({ qbo: null, version: customer.version + 2, name: "O'Brien Trucking" });
    expect((await api('GET', path)).body.qbo).toBeNull();
  });

  it('can be sent with the create, so the record never exists unlinked, and replays with its key', async () => {
    const headers = { 'Idempotency-Key': 'run-1/customer/q-77' };
    const body = { name: 'Linked At Birth', qbo: { realmId: 'R1', id: '77' } };
    const made = await api('POST', '/companies/1/customers', { body, headers });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'Linked At Birth', version: 1, qbo: { realmId: 'R1', id: '77' } });
    const again = await api('POST', '/companies/1/customers', { body, headers });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(made.body);
    const dump = await control(sb.url, 'GET', '/dump?company=1');
    const copies = dump.companies[0].records.customers.filter((c: Loose) => c.qbo?.id === '77');
    expect(copies.map((c: Loose) => c.id)).toEqual([made.body.id]);
  });

  it('refuses a second live record of the type linked to the same QuickBooks record, naming the first', async () => {
    const first = await findByName(sb.url, '1', 'accounting-vendors', 'AT&T');
    const second = await findByName(sb.url, '1', 'accounting-vendors', 'Oncor Electric Delivery');
    await patch(`/companies/1/accounting-vendors/${first.id}`, { qbo: { realmId: 'R1', id: '12' } }, first.version);
    const dup = await patch(
      `/companies/1/accounting-vendors/${second.id}`,
      { qbo: { realmId: 'R1', id: '12' } },
      second.version,
    );
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'duplicate_link', existingId: first.id });
    const create = await api('POST', '/companies/1/accounting-vendors', {
      body: { name: 'Another', qbo: { realmId: 'R1', id: '12' } },
    });
    expect(create.body.error).toMatchObject({ code: 'duplicate_link', existingId: first.id });
    expect(await findByName(sb.url, '1', 'accounting-vendors', 'Another')).toBeUndefined();
    // Both vendor kinds land in QBO's one Vendor list: a price book vendor may share the QBO vendor.
    const pbv = await findByName(sb.url, '1', 'price-book-vendors', 'Core-Mark International');
    const shared = await patch(
      `/companies/1/price-book-vendors/${pbv.id}`,
      { qbo: { realmId: 'R1', id: '12' } },
      pbv.version,
    );
    expect(shared.status).toBe(200);
    // A deleted record's link no longer holds the QBO record.
    await api('DELETE', `/companies/1/accounting-vendors/${first.id}`, {
      headers: { 'If-Match': String(first.version + 1) },
    });
    expect(
      (
        await patch(
          `/companies/1/accounting-vendors/${second.id}`,
          { qbo: { realmId: 'R1', id: '12' } },
          second.version,
        )
      ).status,
    ).toBe(200);
  });

  it('refuses a link to another realm than the company is bound to, or while it is bound to none', async () => {
    const cls = await findByName(sb.url, '1', 'classes', 'Retail');
    const other = await patch(`/companies/1/classes/${cls.id}`, { qbo: { realmId: 'R2', id: '3' } }, cls.version);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('realm_mismatch');
    const unbound = await findByName(sb.url, '2', 'classes', 'Store 7 - Wichita');
    const none = await patch(
      `/companies/2/classes/${unbound.id}`,
      { qbo: { realmId: 'R1', id: '3' } },
      unbound.version,
    );
    expect(none.body.error.code).toBe('realm_mismatch');
    expect((await api('GET', `/companies/1/classes/${cls.id}`)).body).toMatchObject({
      version: cls.version,
      qbo: null,
    });
  });

  it('checks the link’s shape as a field (422)', async () => {
    for (const qbo of [
      { realmId: 'R1' },
      { realmId: 'R1', id: '' },
      { realmId: 'R1', id: 'x'.repeat(65) },
      'R1:5',
      { realmId: 'R1', id: '5', at: 1 },
    ]) {
      const res = await api('POST', '/companies/1/customers', { body: { name: 'Shape', qbo } });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.error.fields)).toEqual(['qbo']);
    }
  });

  it('survives a hand edit in CStoreOffice and shows in the dump', async () => {
    const customer = await findByName(sb.url, '1', 'customers', "O'Brien Trucking");
    await patch(`/companies/1/customers/${customer.id}`, { qbo: { realmId: 'R1', id: '58' } }, customer.version);
    await control(sb.url, 'PATCH', `/companies/1/customers/${customer.id}`, { phone: '555-0100' });
    expect(await findByName(sb.url, '1', 'customers', "O'Brien Trucking")).toMatchObject({
      phone: '555-0100',
      qbo: { realmId: 'R1', id: '58' },
    });
  });
});
