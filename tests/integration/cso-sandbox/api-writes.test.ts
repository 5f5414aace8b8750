import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CsoSandbox } from '../../../sandbox/cso';
import { control, findByName, rawApi, signIn, startSandbox } from './harness';

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

describe('create', () => {
  it('creates a record with defaults, ETag and Location', async () => {
    const res = await api('POST', '/companies/1/customers', { body: { name: 'Rosa’s Diner' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: 'Rosa’s Diner',
      active: true,
      companyName: null,
      email: null,
      phone: null,
      version: 1,
      updatedAt: '2025-11-03T14:00:00.000Z',
      qbo: null,
    });
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('location')).toBe(`/api/qbo-sync/v1/companies/1/customers/${res.body.id}`);
    const vendor = await api('POST', '/companies/1/price-book-vendors', { body: { name: 'New Vendor' } });
    expect(vendor.body.category).toBe('Merchandise');
    const station = await api('POST', '/companies/1/locations', { body: { name: 'Sunrise #104' } });
    expect(station.body.stationCode).toBe('100');
  });

  it('replays the first answer for a repeated Idempotency-Key, creating nothing new', async () => {
    const headers = { 'Idempotency-Key': 'run-7/customer/abc' };
    const first = await api('POST', '/companies/1/customers', { body: { name: 'Once Only' }, headers });
    await control(sb.url, 'PATCH', `/companies/1/customers/${first.body.id}`, { phone: '555' });
    const again = await api('POST', '/companies/1/customers', { body: { name: 'Once Only' }, headers });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const dump = await control(sb.url, 'GET', '/dump?company=1');
    expect(dump.companies[0].records.customers.filter((c: { name: string }) => c.name === 'Once Only')).toHaveLength(1);
    const reused = await api('POST', '/companies/1/customers', { body: { name: 'Something Else' }, headers });
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  });

  it('answers 409 with the existing id for a duplicate name, compared exactly', async () => {
    const existing = await findByName(sb.url, '1', 'customers', "O'Brien Trucking");
    const dup = await api('POST', '/companies/1/customers', { body: { name: "O'Brien Trucking" } });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toEqual({ code: 'duplicate_name', message: expect.any(String), existingId: existing.id });
    // Case, spacing and another type are different names to CStoreOffice.
    expect((await api('POST', '/companies/1/customers', { body: { name: "o'brien trucking" } })).status).toBe(201);
    expect((await api('POST', '/companies/1/customers', { body: { name: "O'Brien  Trucking" } })).status).toBe(201);
    expect((await api('POST', '/companies/1/accounting-vendors', { body: { name: "O'Brien Trucking" } })).status).toBe(
      201,
    );
    // An inactive record still holds its name.
    const inactive = await findByName(sb.url, '1', 'customers', 'Dallas Cab Company');
    expect(
      (await api('POST', '/companies/1/customers', { body: { name: 'Dallas Cab Company' } })).body.error.existingId,
    ).toBe(inactive.id);
    // Renaming onto a taken name is a conflict too.
    const other = await findByName(sb.url, '1', 'customers', 'Greenway Landscaping');
    const rename = await api('PATCH', `/companies/1/customers/${other.id}`, {
      body: { name: 'City of Springfield' },
      headers: { 'If-Match': '1' },
    });
    expect(rename.status).toBe(409);
  });

  it('answers 409 duplicate_value for a taken account number or station code', async () => {
    const res = await api('POST', '/companies/1/accounts', {
      body: { name: 'Another Bank', number: '1010', accountType: 'Bank' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'duplicate_value',
      fields: { number: expect.any(String) },
      existingId: (await findByName(sb.url, '1', 'accounts', 'Operating Bank Account')).id,
    });
    expect(
      (await api('POST', '/companies/1/locations', { body: { name: 'Dup', stationCode: '101' } })).body.error.code,
    ).toBe('duplicate_value');
  });

  it('answers 422 with field errors for invalid data', async () => {
    const res = await api('POST', '/companies/1/accounts', {
      body: { name: '  ', number: '12345', accountType: 'Assets', parentId: '424242', colour: 'red' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['accountType', 'colour', 'name', 'number', 'parentId']);
    const bank = await findByName(sb.url, '1', 'accounts', 'Operating Bank Account');
    const wrongType = await api('POST', '/companies/1/accounts', {
      body: { name: 'Petty Cash', number: '1010.05', accountType: 'Expense', parentId: bank.id },
    });
    expect(wrongType.body.error.fields.parentId).toMatch(/parent's account type \(Bank\)/);
    const email = await api('POST', '/companies/1/customers', { body: { name: 'X', email: 'not-an-email' } });
    expect(email.body.error.fields).toEqual({ email: expect.any(String) });
    const dt = await api('POST', '/companies/1/data-types', {
      body: { name: 'Car Wash Sales', category: 'Fun', creditAccountId: '0' },
    });
    expect(Object.keys(dt.body.error.fields).sort()).toEqual(['category', 'creditAccountId']);
    expect((await api('POST', '/companies/1/customers', { body: '{not json' })).body.error.code).toBe('invalid_json');
  });

  it('keeps an account’s detail type as text of at most 100 characters, null by default', async () => {
    const made = await api('POST', '/companies/1/accounts', {
      body: { name: 'Petty Cash Box', accountType: 'Bank', detailType: 'CashOnHand' },
    });
    expect(made.body).toMatchObject({ accountType: 'Bank', detailType: 'CashOnHand' });
    const plain = await api('POST', '/companies/1/accounts', { body: { name: 'Spare Account' } });
    expect(plain.body.detailType).toBeNull();
    const long = await api('POST', '/companies/1/accounts', {
      body: { name: 'Long Detail', detailType: 'x'.repeat(101) },
    });
    expect(long.status).toBe(422);
    expect(Object.keys(long.body.error.fields)).toEqual(['detailType']);
  });
});

describe('update and delete with If-Match', () => {
  it('updates only the fields sent and moves the version on; a stale version gets 412', async () => {
    const c = await findByName(sb.url, '1', 'customers', 'Greenway Landscaping');
    const res = await api('PATCH', `/companies/1/customers/${c.id}`, {
      body: { email: 'office@greenway.example' },
      headers: { 'If-Match': '"1"' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...c, email: 'office@greenway.example', version: 2 });
    expect(res.headers.get('etag')).toBe('"2"');
    const stale = await api('PATCH', `/companies/1/customers/${c.id}`, {
      body: { phone: null },
      headers: { 'If-Match': '1' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('version_mismatch');
    expect((await api('PATCH', `/companies/1/customers/${c.id}`, { body: { phone: null } })).status).toBe(428);
    expect(
      (await api('PATCH', '/companies/1/customers/999999', { body: {}, headers: { 'If-Match': '1' } })).status,
    ).toBe(404);
  });

  it('deletes into a tombstone; stale versions, children, users and the fallback data type are refused', async () => {
    const c = await findByName(sb.url, '2', 'customers', 'Sunflower School District');
    expect((await api('DELETE', `/companies/2/customers/${c.id}`, { headers: { 'If-Match': '2' } })).status).toBe(412);
    expect((await api('DELETE', `/companies/2/customers/${c.id}`)).status).toBe(428);
    const gone = await api('DELETE', `/companies/2/customers/${c.id}`, { headers: { 'If-Match': '1' } });
    expect(gone.status).toBe(204);
    expect((await api('DELETE', `/companies/2/customers/${c.id}`, { headers: { 'If-Match': '2' } })).status).toBe(404);
    expect((await control(sb.url, 'GET', '/dump?company=2')).companies[0].records.customers).toContainEqual({
      id: c.id,
      deleted: true,
      updatedAt: expect.any(String),
    });

    const parent = await findByName(sb.url, '2', 'accounts', 'Inventory');
    expect(
      (await api('DELETE', `/companies/2/accounts/${parent.id}`, { headers: { 'If-Match': '1' } })).body.error.code,
    ).toBe('in_use');
    const used = await findByName(sb.url, '2', 'accounts', 'Tobacco');
    expect(
      (await api('DELETE', `/companies/2/accounts/${used.id}`, { headers: { 'If-Match': '1' } })).body.error.code,
    ).toBe('in_use');
    const store = await findByName(sb.url, '2', 'data-types', 'Store Sales');
    const refused = await api('DELETE', `/companies/2/data-types/${store.id}`, { headers: { 'If-Match': '1' } });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'protected']);
  });
});
