// §13 items 1–5 and 24: paths, bearer auth, content negotiation and headers, minorversion, envelopes, clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultOf, startHarness, type Harness, type Json } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.sb.stop());

describe('§13.1 paths and unknown resources', () => {
  it('serves entity read, query, batch and cdc under /v3/company/{realmId}', async () => {
    await h.expectJson(h.get('customer/1'), 200);
    await h.expectJson(h.query('select * from Customer'), 200);
    await h.expectJson(h.post('batch', { BatchItemRequest: [] }), 200);
    await h.expectJson(h.get('cdc?entities=Customer&changedSince=2026-03-01'), 200);
    await h.expectJson(h.get(`companyinfo/${h.realm}`), 200);
    await h.expectJson(h.get('preferences'), 200);
  });

  it('answers 400 / 610 Object Not Found for an unknown id', async () => {
    const error = faultOf(await h.expectJson(h.get('customer/999999'), 400));
    expect(error).toMatchObject({ code: '610', Message: 'Object Not Found', type: 'ValidationFault' });
  });

  it('answers 400 / 2030 Invalid ID for a non-numeric id', async () => {
    expect(faultOf(await h.expectJson(h.get('vendor/abc'), 400))).toMatchObject({
      code: '2030',
      Message: 'Invalid ID',
      Detail: 'Id should be a valid number. Supplied value:abc',
    });
  });

  it('answers 400 / 500 Unsupported Operation for an unknown entity', async () => {
    const error = faultOf(await h.expectJson(h.post('widget', { Name: 'x' }), 400));
    expect(error.code).toBe('500');
    expect(error.Message).toBe('Unsupported Operation');
    expect(error.Detail).toContain('Could not find resource for relative : /v3/company/');
  });

  it('answers 403 / 3100 when the token belongs to another realm (unknown realm)', async () => {
    const res = await fetch(`${h.url}/v3/company/123/customer/1`, { headers: h.headers });
    const body = await h.expectJson(res, 403);
    expect(body.fault.error[0]).toMatchObject({
      code: '3100',
      message: 'message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403',
    });
  });
});

describe('§13.2 bearer authentication', () => {
  const lowerCase = (body: Json) => {
    expect(body).toMatchObject({
      warnings: null,
      intuitObject: null,
      queryResponse: null,
      batchItemResponse: [],
      cdcresponse: [],
    });
    expect(typeof body.time).toBe('number');
    return body.fault.error[0];
  };

  it('refuses a request without Authorization with the lower-case 401 envelope, code 3200', async () => {
    const res = await fetch(`${h.url}/v3/company/${h.realm}/customer/1`, { headers: { Accept: 'application/json' } });
    const body = await h.expectJson(res, 401);
    expect(lowerCase(body)).toMatchObject({
      code: '3200',
      message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401',
      element: null,
    });
    expect(body.fault.type).toBe('AUTHENTICATION');
  });

  it('refuses an unknown token and a malformed one', async () => {
    const unknown = await fetch(`${h.url}/v3/company/${h.realm}/customer/1`, {
      headers: { Authorization: `Bearer ${'x'.repeat(40)}` },
    });
    expect(lowerCase(await h.expectJson(unknown, 401))).toMatchObject({ code: '3200', detail: 'Token invalid' });
    const short = await fetch(`${h.url}/v3/company/${h.realm}/customer/1`, {
      headers: { Authorization: 'Bearer abc' },
    });
    expect(lowerCase(await h.expectJson(short, 401))).toMatchObject({
      code: '3200',
      detail: 'Malformed bearer token: too short or too long',
    });
  });

  it('refuses an access token once 3600 s have passed on the sandbox clock', async () => {
    const { access_token } = h.sb.mintToken(h.realm);
    const get = () =>
      fetch(`${h.url}/v3/company/${h.realm}/customer/1`, {
        headers: { Authorization: `Bearer ${access_token}`, Accept: 'application/json' },
      });
    await h.expectJson(get(), 200);
    h.sb.clock.advance(3600_000);
    const error = lowerCase(await h.expectJson(get(), 401));
    expect(error.code).toBe('3200');
    expect(error.detail).toMatch(/^Token expired: /);
    h.renew();
  });
});

describe('§13.3 content negotiation and headers', () => {
  it('answers JSON for Accept: application/json and XML otherwise', async () => {
    const json = await h.get('customer/1');
    expect(json.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    const xml = await fetch(`${h.url}/v3/company/${h.realm}/customer/1`, {
      headers: { Authorization: `Bearer ${h.token}` },
    });
    expect(xml.headers.get('content-type')).toBe('application/xml;charset=UTF-8');
    expect(await xml.text()).toMatch(/^<\?xml .*<IntuitResponse [^>]*><Customer>.*<Id>1<\/Id>/);
  });

  it('sets intuit_tid on every response, errors and OAuth included, and QBO-Version on the API', async () => {
    const responses = [
      await h.get('customer/1'),
      await h.get('customer/424242'),
      await fetch(`${h.url}/v3/company/${h.realm}/customer/1`),
      await fetch(`${h.url}/oauth2/v1/tokens/bearer`, {
        method: 'POST',
        body: 'grant_type=refresh_token&refresh_token=x',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
      await fetch(`${h.url}/app/chartofaccounts`),
    ];
    for (const res of responses) expect(res.headers.get('intuit_tid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(responses[0]?.headers.get('qbo-version')).toBe('1512.462');
    expect(new Set(responses.map((r) => r.headers.get('intuit_tid'))).size).toBe(responses.length);
  });
});

describe('§13.4 minorversion', () => {
  it('records the minor version and serves anything below 75 as 75', async () => {
    await h.control('DELETE', 'log');
    await h.get('customer/1?minorversion=40');
    await h.get('customer/1?minorversion=75');
    await h.get('customer/1');
    const counters = await h.expectJson(h.control('GET', `counters?realm=${h.realm}`), 200);
    expect(counters.byTag['minorversion:75']).toBe(3);
  });
});

describe('§13.5 single-entity envelope', () => {
  it('wraps the entity under its name with Id, SyncToken, domain, sparse, MetaData and a ms-precise time', async () => {
    const body = await h.expectJson(h.post('class', { Name: 'Envelope Test' }), 200);
    expect(Object.keys(body).sort()).toEqual(['Class', 'time']);
    expect(body.Class).toMatchObject({
      Name: 'Envelope Test',
      SyncToken: '0',
      domain: 'QBO',
      sparse: false,
      Active: true,
      FullyQualifiedName: 'Envelope Test',
      SubClass: false,
    });
    expect(body.Class.Id).toMatch(/^\d{15,}$/);
    expect(body.Class.MetaData.CreateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-07:00$/);
    expect(body.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}-07:00$/);
  });
});

describe('§13.24 the clock tests control', () => {
  it('stamps MetaData from the sandbox clock, which the control API sets and advances', async () => {
    await h.expectJson(h.control('POST', 'clock', { set: '2026-04-01T12:00:00Z' }), 200);
    h.renew();
    const created = await h.expectJson(h.post('department', { Name: 'Clock Test' }), 200);
    expect(created.Department.MetaData.CreateTime).toBe('2026-04-01T05:00:00-07:00');
    const clock = await h.expectJson(h.control('POST', 'clock', { advance: '2h' }), 200);
    h.renew();
    expect(clock.iso).toBe('2026-04-01T14:00:00.000Z');
    const { Id, SyncToken } = created.Department;
    const updated = await h.expectJson(
      h.post('department', { Id, SyncToken, sparse: true, Name: 'Clock Test 2' }),
      200,
    );
    expect(updated.Department.MetaData).toEqual({
      CreateTime: '2026-04-01T05:00:00-07:00',
      LastUpdatedTime: '2026-04-01T07:00:00-07:00',
    });
    const sped = await h.expectJson(h.control('POST', 'clock', { speed: 3600 }), 200);
    expect(sped.speed).toBe(3600);
    await new Promise((r) => setTimeout(r, 50));
    const later = await h.expectJson(h.control('GET', 'clock'), 200);
    expect(later.now - sped.now).toBeGreaterThanOrEqual(150_000);
    await h.control('POST', 'clock', { speed: 0 });
  });
});
