/**
 * Reads that answer 200 and say less than the truth: a linked record missing from a read is asked
 * for by id before anything is planned from its absence, and only a confirmed deletion in
 * CStoreOffice is carried to QuickBooks (as a deactivation). Nothing missing from QuickBooks is
 * ever deleted in CStoreOffice.
 */
import { describe, expect, it } from 'vitest';
import { createSyncEngine, type QboSource, type CsoSource, type ReadResult } from '../../../lib/sync';
import { RecordLeftScopeError } from '../../../lib/sync/confirm-absence';
import { createHarness } from '../../fakes/harness';

type H = ReturnType<typeof createHarness>;
const person = (name: string) => ({ name, companyName: null, email: null, phone: null, active: true });

/** A source whose next reads leave out `drop` (ids) and whose look-ups by id answer as `get` says. */
function lying<S extends QboSource | CsoSource>(
  source: S,
  lie: { drop: Set<string>; get?: 'fail' | 'notFound' | 'leftScope' },
): S {
  return {
    ...source,
    side: source.side,
    batchSize: source.batchSize,
    async read(request) {
      const result = (await source.read(request)) as ReadResult<string>;
      for (const [list, records] of Object.entries(result.records))
        result.records[list] = (records ?? []).filter((r) => !lie.drop.has(r.id));
      return result as never;
    },
    async get(list: never, id: string) {
      if (lie.get === 'fail') throw new Error('HTTP 503 Service Unavailable');
      if (lie.get === 'notFound') return null;
      if (lie.get === 'leftScope')
        throw new RecordLeftScopeError('Its type was changed in QuickBooks from Service to Inventory.');
      return source.get(list, id);
    },
    write: (batch: never) => source.write(batch),
  } as S;
}

async function tenLinkedCustomers(): Promise<{ h: H; cso: string[]; qbo: string[] }> {
  const h = createHarness();
  const cso = Array.from({ length: 10 }, (_, i) => h.seed.cso('customer', person(`Customer ${i}`)));
  await h.engine.synchronize();
  const qbo = h.links
    .snapshot()
    .filter((l) => l.csoType === 'customer')
    .map((l) => l.qboId);
  expect(qbo).toHaveLength(10);
  return { h, cso, qbo };
}

const activeCso = (h: H) => h.cso.list('customer').filter((r) => r.active).length;
const activeQbo = (h: H) => h.qbo.list('Customer').filter((r) => r.active).length;

describe('absence is not evidence', () => {
  it('an empty QuickBooks answer during Reconnect, then a healthy Synchronize: all 10 customers stay on both sides', async () => {
    const { h, qbo } = await tenLinkedCustomers();
    const lie = { drop: new Set(qbo) };
    const liar = createSyncEngine({ ...h.ports, qbo: lying(h.qbo, lie) });
    const seen = await liar.reconnect();
    // Asked by id, QuickBooks still has every one of them: nothing to do, no row in error.
    expect(seen.plan.ops).toEqual([]);
    expect(seen.rows.filter((r) => r.status !== 'synchronized')).toEqual([]);
    const healthy = await h.engine.synchronize();
    expect(healthy.executed.ops).toEqual([]);
    expect(activeCso(h)).toBe(10);
    expect(activeQbo(h)).toBe(10);
  });

  it('a CStoreOffice list that ends early deactivates nothing in QuickBooks', async () => {
    const { h, cso } = await tenLinkedCustomers();
    const liar = createSyncEngine({ ...h.ports, cso: lying(h.cso, { drop: new Set(cso.slice(5)) }) });
    await liar.reconnect();
    const report = await liar.synchronize();
    expect(report.executed.ops).toEqual([]);
    expect(activeQbo(h)).toBe(10);
    expect((await h.engine.synchronize()).executed.ops).toEqual([]);
  });

  it('a linked record missing from the read whose look-up gets no answer is kept, with words, and nothing is written', async () => {
    const { h, cso, qbo } = await tenLinkedCustomers();
    const liar = createSyncEngine({ ...h.ports, qbo: lying(h.qbo, { drop: new Set([qbo[3]!]), get: 'fail' }) });
    await liar.reconnect();
    const report = await liar.synchronize();
    expect(report.executed.ops).toEqual([]);
    const row = report.rows.find((r) => r.key === `cso:customer:${cso[3]}`)!;
    expect(row).toMatchObject({ status: 'error', issue: { code: 'absenceUnconfirmed' } });
    expect(row.issue!.detail).toMatch(
      /missing from the last QuickBooks read.*kept, linked, and nothing is changed in CStoreOffice until QuickBooks confirms/,
    );
    expect(activeCso(h)).toBe(10);
    // Once QuickBooks answers again the row is back to Synchronized without a write.
    const healthy = await h.engine.reconnect();
    expect(healthy.plan.ops).toEqual([]);
    expect(healthy.rows.find((r) => r.key === `cso:customer:${cso[3]}`)?.status).toBe('synchronized');
  });

  it('a customer QuickBooks no longer has (merged away) is not deleted in CStoreOffice; its row says so', async () => {
    const { h, cso, qbo } = await tenLinkedCustomers();
    const liar = createSyncEngine({ ...h.ports, qbo: lying(h.qbo, { drop: new Set([qbo[0]!]), get: 'notFound' }) });
    await liar.reconnect();
    const report = await liar.synchronize();
    expect(report.executed.ops).toEqual([]);
    expect(report.rows.find((r) => r.key === `cso:customer:${cso[0]}`)).toMatchObject({
      status: 'error',
      issue: { code: 'goneFromQbo' },
    });
    expect(activeCso(h)).toBe(10);
  });

  it('an item that left what is read (its type changed in QuickBooks) is an error that says so, never gone', async () => {
    const h = createHarness();
    const account = h.seed.cso('account', {
      name: 'Fuel Sales',
      parentId: null,
      number: null,
      accountType: 'Income',
      description: null,
      active: true,
    });
    const gas = h.seed.cso('dataType', { name: 'Gas', creditAccountId: account, active: true });
    await h.engine.synchronize();
    const itemId = h.links.snapshot().find((l) => l.csoType === 'dataType')!.qboId;
    const liar = createSyncEngine({ ...h.ports, qbo: lying(h.qbo, { drop: new Set([itemId]), get: 'leftScope' }) });
    await liar.reconnect();
    const report = await liar.synchronize();
    expect(report.executed.ops).toEqual([]);
    const row = report.rows.find((r) => r.key === `cso:dataType:${gas}`)!;
    expect(row).toMatchObject({ status: 'error', issue: { code: 'leftScope' } });
    expect(row.issue!.detail).toMatch(/from Service to Inventory.*nothing is deleted/);
    expect(h.cso.list('dataType')).toHaveLength(1);
  });

  it('a customer really deleted in CStoreOffice (404 by id) is deactivated in QuickBooks, and only that one', async () => {
    const { h, cso, qbo } = await tenLinkedCustomers();
    h.cso.edit({ kind: 'delete', list: 'customer', id: cso[2]! });
    const preview = await h.engine.preview();
    expect(preview.rows.find((r) => r.key === `cso:customer:${cso[2]}`)).toMatchObject({
      status: 'waitingForDeletion',
      target: 'qbo',
    });
    await h.engine.synchronize();
    expect(
      h.qbo
        .list('Customer')
        .filter((r) => !r.active)
        .map((r) => r.id),
    ).toEqual([qbo[2]]);
  });
});
