// A 100k-record realm answers a 1000-row page well under a second (the realm is generated once).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startQboSandbox, type QboSandbox } from '../../../sandbox/qbo/index';

let sb: QboSandbox;
let realm = '';
let headers: Record<string, string> = {};
beforeAll(async () => {
  sb = await startQboSandbox({
    port: 0,
    clockSpeed: 0,
    switches: { throttle: false },
    realms: [{ seed: 'large', count: 100_000 }],
  });
  realm = sb.realmIds[0] ?? '';
  headers = { Authorization: `Bearer ${sb.mintToken(realm).access_token}`, Accept: 'application/json' };
}, 60_000);
afterAll(() => sb.stop());

const timed = async (statement: string) => {
  const started = performance.now();
  const res = await fetch(`${sb.url}/v3/company/${realm}/query?query=${encodeURIComponent(statement)}`, { headers });
  const body = await res.json();
  return { ms: performance.now() - started, status: res.status, body };
};

it('holds 100 000 records', async () => {
  const { body } = await timed('select count(*) from Customer where Active in (true, false)');
  const counts = (await (await fetch(`${sb.url}/__sandbox/realms`)).json()).realms[0].counts as Record<string, number>;
  expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(100_000);
  expect(body.QueryResponse.totalCount).toBe(counts.Customer);
});

it('answers a 1000-row page from deep in the list in well under a second', async () => {
  await timed('select * from Customer maxresults 10');
  const { ms, status, body } = await timed('select * from Customer startposition 40001 maxresults 1000');
  expect(status).toBe(200);
  expect(body.QueryResponse.maxResults).toBe(1000);
  expect(ms).toBeLessThan(1000);
});

it('answers an indexed name lookup and an Id IN page quickly', async () => {
  const byName = await timed("select * from Vendor where DisplayName = 'Vendor bench 012345'");
  expect(byName.body.QueryResponse.Vendor[0].DisplayName).toBe('Vendor bench 012345');
  expect(byName.ms).toBeLessThan(200);
  const ids = Array.from({ length: 500 }, (_, i) => `'${i * 7 + 1}'`).join(',');
  const byIds = await timed(`select * from Customer where Id in (${ids}) and Active in (true, false) maxresults 1000`);
  expect(byIds.body.QueryResponse.maxResults).toBe(500);
  expect(byIds.ms).toBeLessThan(1000);
});
