// Contract v1.3: a company's sync state (realm, ignores, manual links, resolutions) with optimistic
// concurrency and the realm guard, and what a v1.2 server answers instead.
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

const STATE = '/companies/1/qbo-sync';
const write = (method: 'PUT' | 'PATCH', body: unknown, version: number | string, path = STATE) =>
  api(method, path, { body, headers: { 'If-Match': String(version) } });
const ignore = {
  type: 'customer',
  side: 'cso',
  id: '1040',
  csoHash: 'a1',
  qboHash: 'b2',
  at: '2025-11-03T14:00:00.000Z',
};
const manualLink = { type: 'account', id: '1003', qboId: '91', at: '2025-11-03T14:00:00.000Z' };
const resolution = { type: 'class', id: '1020', keep: 'qbo', at: '2025-11-03T14:00:00.000Z' };

describe('sync state', () => {
  it('starts unbound and empty at version 0, with an ETag', async () => {
    const res = await api('GET', STATE);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      realmId: null,
      version: 0,
      updatedAt: null,
      ignores: [],
      manualLinks: [],
      resolutions: [],
    });
    expect(res.headers.get('etag')).toBe('"0"');
  });

  it('is written with If-Match: 428 without it, 412 when stale, a new version when current', async () => {
    expect((await api('PATCH', STATE, { body: { ignores: [ignore] } })).status).toBe(428);
    const first = await write('PATCH', { realmId: 'R1', ignores: [ignore] }, 0);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ realmId: 'R1', version: 1, ignores: [ignore], manualLinks: [] });
    expect(first.headers.get('etag')).toBe('"1"');
    // A second browser that read version 0 loses, and its write changes nothing.
    const stale = await write('PATCH', { ignores: [] }, 0);
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('version_mismatch');
    const second = await write('PATCH', { manualLinks: [manualLink], resolutions: [resolution] }, '"1"');
    expect(second.body).toMatchObject({
      version: 2,
      ignores: [ignore],
      manualLinks: [manualLink],
      resolutions: [resolution],
    });
    // PUT replaces the whole state; resolutions may be left out (then none).
    const put = await write('PUT', { realmId: 'R1', ignores: [], manualLinks: [manualLink] }, 2);
    expect(put.body).toMatchObject({ version: 3, ignores: [], manualLinks: [manualLink], resolutions: [] });
    const partialPut = await write('PUT', { ignores: [] }, 3);
    expect(partialPut.status).toBe(422);
    expect(Object.keys(partialPut.body.error.fields).sort()).toEqual(['manualLinks', 'realmId']);
    expect((await api('GET', STATE)).body).toMatchObject({ version: 3, updatedAt: '2025-11-03T14:00:00.000Z' });
  });

  it('checks every entry: known type, one entry per row, bounded sizes', async () => {
    const cases = [
      { ignores: [{ ...ignore, type: 'vendor' }] },
      { ignores: [ignore, { ...ignore, csoHash: 'zz' }] },
      { manualLinks: [{ ...manualLink, qboId: '' }] },
      { resolutions: [{ ...resolution, keep: 'both' }] },
      { resolutions: [{ ...resolution, at: 'yesterday' }] },
      { ignores: 'none' },
      { links: [] },
    ];
    for (const body of cases) {
      const res = await write('PATCH', body, 0);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect((await api('GET', STATE)).body.version).toBe(0);
  });

  it('binds a realm once: another realm is refused until the binding is cleared, which drops the decisions', async () => {
    await write('PATCH', { realmId: 'R1', ignores: [ignore], manualLinks: [manualLink] }, 0);
    const other = await write('PATCH', { realmId: 'R2' }, 1);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('realm_mismatch');
    expect((await write('PATCH', { realmId: 'R1' }, 1)).status).toBe(200);
    const cleared = await write('PATCH', { realmId: null }, 2);
    expect(cleared.body).toMatchObject({ realmId: null, version: 3, ignores: [], manualLinks: [], resolutions: [] });
    expect((await write('PATCH', { realmId: 'R2' }, 3)).body).toMatchObject({ realmId: 'R2', version: 4 });
    // Record links must now name R2.
    const customer = await findByName(sb.url, '1', 'customers', "O'Brien Trucking");
    const link = (realmId: string) =>
      api('PATCH', `/companies/1/customers/${customer.id}`, {
        body: { qbo: { realmId, id: '5' } },
        headers: { 'If-Match': String(customer.version) },
      });
    expect((await link('R1')).body.error.code).toBe('realm_mismatch');
    expect((await link('R2')).status).toBe(200);
  });

  it('refuses a realm another company of this server is bound to, naming it', async () => {
    await write('PATCH', { realmId: 'R1' }, 0);
    const taken = await write('PATCH', { realmId: 'R1' }, 0, '/companies/2/qbo-sync');
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'realm_taken', existingId: '1' });
    expect((await api('GET', '/companies/2/qbo-sync')).body.realmId).toBeNull();
    await write('PATCH', { realmId: null }, 1);
    expect((await write('PATCH', { realmId: 'R1' }, 0, '/companies/2/qbo-sync')).status).toBe(200);
  });

  it('keeps the sign-in and company rules of the rest of the API', async () => {
    expect((await rawApi(sb.url)('GET', STATE)).status).toBe(401);
    const clerk = rawApi(sb.url, await signIn(sb.url, 'clerk@demo.test'));
    expect((await clerk('GET', STATE)).status).toBe(403);
    expect((await api('GET', '/companies/999/qbo-sync')).body.error.code).toBe('company_not_found');
  });

  it('is in the dump and is forgotten by a reset', async () => {
    await write('PATCH', { realmId: 'R1', ignores: [ignore] }, 0);
    const dump = await control(sb.url, 'GET', '/dump?company=1');
    expect(dump.companies[0].qboSync.state).toMatchObject({ realmId: 'R1', version: 1, ignores: [ignore] });
    await control(sb.url, 'POST', '/reset', {});
    expect((await api('GET', STATE)).status).toBe(401); // sessions are forgotten too
    const fresh = rawApi(sb.url, await signIn(sb.url));
    expect((await fresh('GET', STATE)).body).toMatchObject({ realmId: null, version: 0 });
  });
});

describe('a server playing contract v1.2', () => {
  it('knows no sync state and refuses `qbo` as an unknown field, and records carry none', async () => {
    await write('PATCH', { realmId: 'R1' }, 0);
    expect(await control(sb.url, 'POST', '/contract', { version: '1.2' })).toEqual({ version: '1.2' });
    const state = await api('GET', STATE);
    expect(state.status).toBe(404);
    expect(state.body.error.code).toBe('not_found');
    expect((await api('GET', `${STATE}/runs`)).status).toBe(404);
    const made = await api('POST', '/companies/1/customers', {
      body: { name: 'Old Server', qbo: { realmId: 'R1', id: '1' } },
    });
    expect(made.status).toBe(422);
    expect(made.body.error.fields).toEqual({ qbo: 'Unknown field for Customer.' });
    const list = await api('GET', '/companies/1/customers?limit=5');
    expect(list.body.items[0]).not.toHaveProperty('qbo');
    expect((await control(sb.url, 'GET', '/contract')).version).toBe('1.2');
    expect((await control(sb.url, 'POST', '/contract', { version: '2.0' })).error.code).toBe('control_error');
    await control(sb.url, 'POST', '/contract', { version: '1.3' });
    expect((await api('GET', STATE)).body.realmId).toBe('R1');
  });
});
