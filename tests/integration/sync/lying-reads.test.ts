/**
 * Both sandboxes answer 200 and say less than the truth (`lie` faults): a QBO query page with rows
 * missing or an empty `QueryResponse`, a CStoreOffice listing that ends early or drops an item.
 * The clients refuse such reads, and the next healthy Synchronize deletes and deactivates nothing
 * on either side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsoIncompleteReadError } from '@/lib/cso';
import { createQboSource, QboIncompleteReadError } from '@/lib/qbo';
import { csoDump, qboDump } from './dumps';
import {
  addRealm,
  advance,
  connect,
  csoControl,
  qboControl,
  startSandboxes,
  type Connection,
  type Sandboxes,
} from './harness';

let sb: Sandboxes;
beforeAll(async () => {
  sb = await startSandboxes();
});
afterAll(() => sb.stop());

const COMPANY = '1';

async function activeCounts(c: Connection) {
  const [cso, qbo] = await Promise.all([csoDump(sb, COMPANY), qboDump(sb, c.realmId)]);
  const count = (lists: Record<string, { active: boolean }[] | undefined>) =>
    Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, (v ?? []).filter((r) => r.active).length]));
  return { cso: count(cso), qbo: count(qbo) };
}

async function synced(): Promise<{ c: Connection; before: Awaited<ReturnType<typeof activeCounts>> }> {
  const c = await connect(sb, await addRealm(sb, 'convenience-store'), COMPANY);
  await c.engine.synchronize();
  advance(sb, 60_000);
  expect((await c.engine.synchronize()).executed.ops).toEqual([]);
  return { c, before: await activeCounts(c) };
}

describe('reads that lie', () => {
  it.each(['emptyList', 'dropRows', 'endEarly'] as const)(
    'QBO query pages that lie (%s) stop the read; a healthy sync then loses nothing',
    async (lie) => {
      const { c, before } = await synced();
      // The first query is Account's count (a count is not a list: answered truthfully); the page after it lies.
      await qboControl(sb, 'faults', {
        kind: 'lie',
        lie,
        path: `/v3/company/${c.realmId}/query`,
        method: 'GET',
        count: 2,
      });
      await expect(c.engine.reconnect()).rejects.toBeInstanceOf(QboIncompleteReadError);
      advance(sb, 60_000);
      const healthy = await c.engine.synchronize();
      expect(
        healthy.executed.ops.filter(
          (op) => op.kind === 'deactivate' || op.kind === 'delete' || op.values.active === false,
        ),
      ).toEqual([]);
      expect(await activeCounts(c)).toEqual(before);
    },
  );

  it.each(['endEarly', 'dropRows', 'emptyList'] as const)(
    'a CStoreOffice listing that lies (%s) stops the read; nothing is deactivated in QBO',
    async (lie) => {
      const { c, before } = await synced();
      await csoControl(sb, 'faults', {
        kind: 'lie',
        lie,
        path: `/api/qbo-sync/v1/companies/${COMPANY}/customers`,
        method: 'GET',
        count: 1,
      });
      await expect(c.engine.reconnect()).rejects.toBeInstanceOf(CsoIncompleteReadError);
      advance(sb, 60_000);
      const healthy = await c.engine.synchronize();
      expect(
        healthy.executed.ops.filter(
          (op) => op.kind === 'deactivate' || op.kind === 'delete' || op.values.active === false,
        ),
      ).toEqual([]);
      expect(await activeCounts(c)).toEqual(before);
    },
  );

  it('a QBO change feed that lies (changes missing) deletes nothing: absence is never read from it', async () => {
    const { c, before } = await synced();
    await qboControl(sb, 'faults', {
      kind: 'lie',
      lie: 'emptyList',
      path: `/v3/company/${c.realmId}/cdc`,
      method: 'GET',
      count: 3,
    });
    advance(sb, 60_000);
    const report = await c.engine.synchronize();
    expect(report.executed.ops).toEqual([]);
    expect(await activeCounts(c)).toEqual(before);
  });
});

describe('a browser clock that is wrong', () => {
  it('10 minutes fast: a QBO change made right after a full read is still synced (the cursor is QBO’s time, not ours)', async () => {
    const c = await connect(sb, await addRealm(sb, 'convenience-store'), COMPANY);
    await c.engine.synchronize();
    advance(sb, 60_000);
    // The same connection read by a source whose own clock runs 10 minutes ahead of QBO's.
    const fast = createQboSource({ client: c.qboClient, now: () => new Date(sb.qbo.clock.now() + 10 * 60_000) });
    const engine = c.make({ qbo: fast });
    await engine.reconnect();
    advance(sb, 60_000);
    const customer = (
      (await c.qboClient.queryAll('Customer')) as unknown as { Id: string; SyncToken: string; DisplayName: string }[]
    ).find((r) => r.DisplayName === 'Greenway Landscaping')!;
    await c.qboClient.update(
      'Customer',
      customer,
      { PrimaryPhone: { FreeFormNumber: '(214) 555-0199' } },
      { requestId: 'skew-1' },
    );
    advance(sb, 60_000);
    await engine.synchronize();
    const cso = await csoDump(sb, COMPANY);
    expect(cso.customer.find((r) => r.key === 'Greenway Landscaping')?.raw.phone).toBe('(214) 555-0199');
  });
});
