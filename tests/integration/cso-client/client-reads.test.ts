import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ENTITY_TYPE_IDS } from '../../../lib/entities';
import {
  CsoForbiddenError,
  CsoNotFoundError,
  CsoResyncRequiredError,
  CsoSignedOutError,
  createCsoClient,
  isTombstone,
} from '../../../lib/cso';
import type { CsoSandbox } from '../../../sandbox/cso';
import { control, cookieFetch, signIn, startSandbox } from '../cso-sandbox/harness';
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

describe('CSO client reads', () => {
  it('lists the companies the user may audit', async () => {
    expect(await h.client.listCompanies()).toEqual([
      { id: '1', name: 'Sunrise Fuel & Food LLC' },
      { id: '2', name: 'Prairie Express Stores, Inc.' },
    ]);
  });

  it.each(ENTITY_TYPE_IDS)('reads every %s of the seed through its schema', async (type) => {
    const all = await h.client.readAll('1', type);
    expect(all.records.length).toBeGreaterThan(0);
    expect(all.tombstones).toEqual([]);
    expect(all.serverTime).toBe('2025-11-03T14:00:00.000Z');
  });

  it('pages with the cursor until the last page', async () => {
    await control(sb.url, 'POST', '/seed', { seed: 'large', perType: 230 });
    const sizes: number[] = [];
    for await (const page of h.client.pages('1', 'customer', { limit: 100 })) sizes.push(page.items.length);
    expect(sizes).toEqual([100, 100, 30]);
    expect((await h.client.readAll('1', 'customer', { limit: 50 })).records).toHaveLength(230);
  });

  it('reads changes since a watermark, tombstones included', async () => {
    await control(sb.url, 'POST', '/clock', { advance: '1m' });
    const first = await h.client.readAll('2', 'priceBookVendor');
    const [a, b] = first.records;
    await control(sb.url, 'PATCH', `/companies/2/price-book-vendors/${a?.id}`, { category: 'Expenses' });
    await control(sb.url, 'DELETE', `/companies/2/price-book-vendors/${b?.id}`);
    const changes = await h.client.readAll('2', 'priceBookVendor', { updatedSince: first.serverTime, limit: 1 });
    expect(changes.records).toEqual([expect.objectContaining({ id: a?.id, category: 'Expenses', version: 2 })]);
    expect(changes.tombstones).toEqual([{ id: b?.id, deleted: true, updatedAt: '2025-11-03T14:01:00.000Z' }]);
    const page = await h.client.listPage('2', 'priceBookVendor', { updatedSince: first.serverTime });
    expect(page.items.filter(isTombstone)).toHaveLength(1);
  });

  it('gets one record, and turns 404 / 403 / 410 into typed errors', async () => {
    const [acct] = (await h.client.readAll('1', 'account')).records;
    expect(await h.client.get('1', 'account', acct?.id ?? '')).toEqual(acct);
    await expect(h.client.get('1', 'account', '999999')).rejects.toBeInstanceOf(CsoNotFoundError);
    const clerk = createCsoClient({ baseUrl: sb.url, fetch: cookieFetch(await signIn(sb.url, 'clerk@demo.test')) });
    await expect(clerk.readAll('1', 'class')).rejects.toBeInstanceOf(CsoForbiddenError);
    await control(sb.url, 'POST', '/clock', { advance: '31d' });
    const fresh = createCsoClient({ baseUrl: sb.url, fetch: cookieFetch(await signIn(sb.url)) });
    await expect(fresh.readAll('1', 'class', { updatedSince: '2025-11-03T14:00:00.000Z' })).rejects.toBeInstanceOf(
      CsoResyncRequiredError,
    );
  });

  it('reports signed out (401) without retrying: no cookie, after sign-out, after the session expired', async () => {
    const anonymous = createCsoClient({ baseUrl: sb.url, fetch });
    await expect(anonymous.listCompanies()).rejects.toBeInstanceOf(CsoSignedOutError);
    await control(sb.url, 'POST', '/clock', { advance: '31m' });
    const error = await h.client.listCompanies().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsoSignedOutError);
    expect((error as CsoSignedOutError).kind).toBe('signedOut');
    expect((error as Error).message).toMatch(/signed out of CStoreOffice/);
    expect(h.sleeps).toEqual([]);
  });
});
