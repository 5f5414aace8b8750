// §13 items 20–21: throttling and fault injection.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { faultOf, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ switches: { throttle: true } });
});
afterAll(() => h.sb.stop());
beforeEach(async () => {
  // A fresh minute for every test: the clock is frozen, so windows only move when we move them.
  h.sb.clock.advance(61_000);
  h.renew();
  await h.control('DELETE', 'faults');
});

const THROTTLE = {
  code: '3001',
  Message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429',
  Detail: 'The request limit was reached.  Try again later',
  type: 'SERVICE',
};

describe('§13.20 throttling', () => {
  it('allows 10 requests per second per realm+app and answers the 11th with 429 ThrottleExceeded (JSON)', async () => {
    for (let i = 0; i < 10; i += 1) await h.expectJson(h.get('customer/1'), 200);
    const error = faultOf(await h.expectJson(h.get('customer/1'), 429));
    expect(error).toMatchObject(THROTTLE);
    h.sb.clock.advance(1000);
    await h.expectJson(h.get('customer/1'), 200);
  });

  it('answers with the historical XML body behind the switch', async () => {
    await h.control('PUT', 'switches', { throttleXml: true });
    try {
      for (let i = 0; i < 10; i += 1) await h.get('customer/1');
      const res = await h.get('customer/1');
      expect(res.status).toBe(429);
      const text = await res.text();
      expect(text).toContain(
        '<Fault type="SERVICE"><Error code="3001"><Message>message=ThrottleExceeded; errorCode=003001; statusCode=429</Message><Detail>The request limit was reached.  Try again later</Detail>',
      );
    } finally {
      await h.control('PUT', 'switches', { throttleXml: false });
    }
  });

  it('allows 500 requests per minute per realm', async () => {
    for (let i = 0; i < 500; i += 1) {
      if (i % 10 === 0) h.sb.clock.advance(1000);
      const res = await h.get('customer/1');
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    h.sb.clock.advance(1000);
    expect(faultOf(await h.expectJson(h.get('customer/1'), 429))).toMatchObject(THROTTLE);
  }, 30_000);

  it('allows 40 batch calls per minute per realm+app', async () => {
    for (let i = 0; i < 40; i += 1) {
      if (i % 10 === 0) h.sb.clock.advance(1000);
      await h.expectJson(h.post('batch', { BatchItemRequest: [] }), 200);
    }
    h.sb.clock.advance(1000);
    expect(faultOf(await h.expectJson(h.post('batch', { BatchItemRequest: [] }), 429))).toMatchObject(THROTTLE);
    await h.expectJson(h.get('customer/1'), 200);
  });

  it('can be switched off', async () => {
    await h.control('PUT', 'switches', { throttle: false });
    try {
      for (let i = 0; i < 25; i += 1) await h.expectJson(h.get('customer/1'), 200);
    } finally {
      await h.control('PUT', 'switches', { throttle: true });
    }
  });
});

describe('§13.21 fault injection', () => {
  const inject = (spec: Record<string, unknown>) => h.expectJson(h.control('POST', 'faults', spec), 201);

  it('forces 500 / 503 / 429 / 401 / 403 for the next N matching requests', async () => {
    await inject({ kind: 'status', status: 500, path: '/v3/company/*/query', count: 1 });
    const e500 = faultOf(await h.expectJson(h.query('select * from Class'), 500));
    expect(e500).toMatchObject({ code: '10000', type: 'SystemFault' });
    await h.expectJson(h.query('select * from Class'), 200);

    await inject({ kind: 'status', status: 503, path: '/v3/company/*/customer/*', count: 2 });
    for (let i = 0; i < 2; i += 1) {
      const res = await h.get('customer/1');
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('503 Service Unavailable');
    }
    await h.expectJson(h.get('customer/1'), 200);

    await inject({ kind: 'status', status: 429, path: '*', method: 'GET', count: 1 });
    expect(faultOf(await h.expectJson(h.get('customer/1'), 429))).toMatchObject(THROTTLE);

    await inject({ kind: 'status', status: 401, path: '*', count: 1 });
    expect((await h.expectJson(h.get('customer/1'), 401)).fault.error[0].code).toBe('3200');
    await inject({ kind: 'status', status: 403, path: '*', count: 1 });
    expect((await h.expectJson(h.get('customer/1'), 403)).fault.error[0].code).toBe('3100');
  });

  it('injects a stale-token race as 400 / 5010', async () => {
    await inject({ kind: 'status', status: 400, path: '/v3/company/*/vendor', count: 1 });
    expect(faultOf(await h.expectJson(h.post('vendor', { DisplayName: 'Race' }), 400))).toMatchObject({
      code: '5010',
      Message: 'Stale Object Error',
    });
  });

  it('hangs a request past the client timeout', async () => {
    await inject({ kind: 'hang', path: '/v3/company/*/customer/1', hangMs: 5000 });
    await expect(h.get('customer/1', { signal: AbortSignal.timeout(300) })).rejects.toThrow(/abort|timeout/i);
  });

  it('drops the connection before the request is processed', async () => {
    await inject({ kind: 'drop', path: '/v3/company/*/vendor' });
    await expect(h.post('vendor', { DisplayName: 'Dropped Vendor' })).rejects.toThrow();
    const body = await h.expectJson(h.query("select count(*) from Vendor where DisplayName = 'Dropped Vendor'"), 200);
    expect(body.QueryResponse.totalCount).toBe(0);
  });

  it('loses the response after the write was applied, and the requestid retry gets the original reply', async () => {
    await inject({ kind: 'lost-response', path: '/v3/company/*/vendor' });
    await expect(h.post('vendor?requestid=lost-1', { DisplayName: 'Lost Reply Vendor' })).rejects.toThrow();
    const count = await h.expectJson(
      h.query("select count(*) from Vendor where DisplayName = 'Lost Reply Vendor'"),
      200,
    );
    expect(count.QueryResponse.totalCount).toBe(1);
    const retry = await h.expectJson(h.post('vendor?requestid=lost-1', { DisplayName: 'Lost Reply Vendor' }), 200);
    expect(retry.Vendor.DisplayName).toBe('Lost Reply Vendor');
  });

  it('fires rate-based faults deterministically and lists, counts and clears rules', async () => {
    const rule = await inject({ kind: 'status', status: 502, path: '/v3/company/*/query', rate: 0.5 });
    let failed = 0;
    for (let i = 0; i < 20; i += 1) {
      if (i % 10 === 0) h.sb.clock.advance(1000);
      const res = await h.query('select * from Class');
      await res.arrayBuffer();
      if (res.status === 502) failed += 1;
    }
    expect(failed).toBeGreaterThan(3);
    expect(failed).toBeLessThan(17);
    const list = await h.expectJson(h.control('GET', 'faults'), 200);
    expect(list.faults[0]).toMatchObject({ id: rule.id, fired: failed });
    await h.expectJson(h.control('DELETE', `faults/${rule.id}`), 200);
    expect((await h.expectJson(h.control('GET', 'faults'), 200)).faults).toEqual([]);
  });
});
