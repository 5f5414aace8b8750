// The control API (reset, realms, seeds, dump, tokens, switches, log, counters) and the QBO web pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.sb.stop());

describe('control API', () => {
  it('lists realms, creates one from a seed, dumps it (inactive included) and mints tokens for it', async () => {
    const listed = await h.expectJson(h.control('GET', 'realms'), 200);
    expect(listed.realms[0]).toMatchObject({
      realmId: h.realm,
      companyName: 'Millbrook Fuel & Convenience LLC',
      counts: { Account: 40, Class: 5, Department: 5, Customer: 6, Vendor: 9, Employee: 1, Item: 7 },
    });
    const empty = await h.expectJson(
      h.control('POST', 'realms', { seed: 'empty', realmId: '4620816365000000001' }),
      201,
    );
    expect(empty).toMatchObject({ realmId: '4620816365000000001', counts: { Customer: 0 } });
    const dump = await h.expectJson(h.control('GET', `realms/${h.realm}`), 200);
    expect(dump.Vendor.find((v: { DisplayName: string }) => v.DisplayName === 'Old Ice Supplier')).toMatchObject({
      Active: false,
    });
    expect(dump.Account.find((a: { AcctNum?: string }) => a.AcctNum === '1590')).toMatchObject({
      Name: 'Old Car Wash Equipment (deleted)',
      Active: false,
    });
    const tokens = await h.expectJson(h.control('POST', 'tokens', { realmId: empty.realmId }), 200);
    const res = await fetch(
      `${h.url}/v3/company/${empty.realmId}/query?query=${encodeURIComponent('select count(*) from Customer')}`,
      { headers: { Authorization: `Bearer ${tokens.access_token}`, Accept: 'application/json' } },
    );
    expect((await h.expectJson(res, 200)).QueryResponse.totalCount).toBe(0);
    expect((await h.control('POST', 'tokens', { realmId: '1' })).status).toBe(404);
  });

  it('reads and toggles switches, refusing unknown ones', async () => {
    const switches = await h.expectJson(h.control('GET', 'switches'), 200);
    expect(switches).toMatchObject({
      caseSensitiveNames: false,
      deletedSuffixAccounts: true,
      deletedSuffixNames: false,
      inactiveNamesBlock: true,
      throttleXml: false,
      autoApprove: false,
    });
    expect(
      (await h.expectJson(h.control('PUT', 'switches', { deletedSuffixNames: true }), 200)).deletedSuffixNames,
    ).toBe(true);
    const c = (await h.expectJson(h.post('customer', { DisplayName: 'Suffix Customer' }), 200)).Customer;
    const off = (
      await h.expectJson(h.post('customer', { Id: c.Id, SyncToken: c.SyncToken, sparse: true, Active: false }), 200)
    ).Customer;
    expect(off.DisplayName).toBe('Suffix Customer (deleted)');
    await h.control('PUT', 'switches', { deletedSuffixNames: false });
    expect((await h.control('PUT', 'switches', { noSuchSwitch: true })).status).toBe(400);
  });

  it('keeps a request log and deterministic per-realm counters', async () => {
    await h.control('DELETE', 'log');
    await h.query('select * from Customer');
    await h.query('select * from Customer');
    await h.query('select * from Vendor');
    await h.post('vendor', { DisplayName: 'Counter Vendor' });
    await h.get('vendor/1');
    const c = await h.expectJson(h.control('GET', `counters?realm=${h.realm}`), 200);
    expect(c).toMatchObject({ total: 5, byStatus: { 200: 5 } });
    expect(c.byTag).toMatchObject({
      query: 3,
      'query:Customer': 2,
      'query:Vendor': 1,
      write: 1,
      'write:Vendor': 1,
      read: 1,
      'read:Vendor': 1,
    });
    expect(c.byRoute).toMatchObject({
      'GET /v3/company/:realmId/query': 3,
      'POST /v3/company/:realmId/:entity': 1,
      'GET /v3/company/:realmId/:entity/:id': 1,
    });
    const log = await h.expectJson(h.control('GET', `log?realm=${h.realm}&limit=2`), 200);
    await h.post('vendor', { DisplayName: 'Counter Vendor' });
    expect((await h.expectJson(h.control('GET', `counters?realm=${h.realm}`), 200)).byTag).toMatchObject({
      'fault:6240': 1,
      write: 2,
    });
    expect(log.entries.map((e: { method: string; path: string }) => `${e.method} ${e.path}`)).toEqual([
      `POST /v3/company/${h.realm}/vendor`,
      `GET /v3/company/${h.realm}/vendor/1`,
    ]);
  });

  it('resets to a fresh seeded company', async () => {
    const reset = await h.expectJson(h.control('POST', 'reset', { seed: 'convenience-store', realmId: h.realm }), 200);
    expect(reset.realms[0]).toMatchObject({ realmId: h.realm, counts: { Vendor: 9 } });
    h.renew();
    const body = await h.expectJson(h.query("select count(*) from Vendor where DisplayName = 'Counter Vendor'"), 200);
    expect(body.QueryResponse.totalCount).toBe(0);
  });
});

describe('QBO web pages at the deep-link paths', () => {
  it.each([
    ['customerdetail?nameId=4', 'Customers', 'O&#39;Connor Towing'],
    ['vendordetail?nameId=2', 'Vendors', 'Ridgeway Fuel Distributors'],
    ['chartofaccounts?accountId=22', 'Chart of accounts', 'Fuel Sales:Unleaded'],
  ])('/app/%s lists the realm and highlights the record', async (path, title, highlighted) => {
    const res = await fetch(`${h.url}/app/${path}&companyId=${h.realm}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<h1>${title}</h1>`);
    const row = /<tr data-id="\d+" class="highlight" aria-current="true">(.*?)<\/tr>/.exec(html)?.[1] ?? '';
    expect(row).toContain(highlighted);
  });

  it.each(['class', 'location', 'items'])('/app/%s lists the realm’s records', async (path) => {
    const html = await (await fetch(`${h.url}/app/${path}`)).text();
    expect((html.match(/<tr data-id=/g) ?? []).length).toBeGreaterThan(3);
  });
});
