import { describe, expect, it } from 'vitest';
import type { SyncPlan } from '../../../lib/sync';
import { createHarness } from '../../fakes/harness';

const person = (name: string, extra: Record<string, string | boolean | null> = {}) => ({
  name,
  companyName: null,
  email: null,
  phone: null,
  active: true,
  ...extra,
});
const acct = (name: string, parentId: string | null = null) => ({
  name,
  parentId,
  number: null,
  accountType: 'Income',
  description: null,
  active: true,
});

/** A plan printed one op per line: level, batch, kind, target, row. */
function print(plan: SyncPlan): string[] {
  return plan.levels.flatMap((l) => [
    ...l.local.map((id) => `L${l.level} local ${id}`),
    ...l.batches.flatMap((b) =>
      b.opIds.map((id) => `L${l.level} ${b.id} ${id} <- [${plan.ops.find((o) => o.id === id)!.dependsOn.join(', ')}]`),
    ),
  ]);
}

describe('plan snapshots', () => {
  it('orders parents before children and accounts before data types', async () => {
    const h = createHarness();
    const sales = h.seed.cso('account', acct('Sales'));
    const fuel = h.seed.cso('account', acct('Fuel', sales));
    h.seed.cso('dataType', { name: 'Gas', creditAccountId: fuel });
    h.seed.qbo('Class', { name: 'North', parentId: null });
    h.seed.cso('customer', person('Acme'));
    expect(print((await h.engine.preview()).plan)).toMatchInlineSnapshot(`
      [
        "L0 L0-qbo-1 create-qbo:cso:account:1 <- []",
        "L0 L0-qbo-1 create-qbo:cso:customer:4 <- []",
        "L0 L0-cso-1 create-cso:qbo:Class:100 <- []",
        "L1 L1-qbo-1 create-qbo:cso:account:2 <- [create-qbo:cso:account:1]",
        "L2 L2-qbo-1 create-qbo:cso:dataType:3 <- [create-qbo:cso:account:2]",
      ]
    `);
  });

  it('cuts QBO writes into batches of at most 30 per level', async () => {
    const h = createHarness();
    for (let i = 0; i < 65; i++) h.seed.cso('customer', person(`Customer ${i}`));
    const { plan, summary } = await h.engine.preview();
    expect(plan.levels[0]!.batches.map((b) => b.opIds.length)).toEqual([30, 30, 5]);
    expect(summary.writes.create).toEqual({ cso: 0, qbo: 65 });
    await h.engine.synchronize();
    expect(h.qbo.requests.batches).toBe(3);
  });
});

describe('actions', () => {
  async function setup() {
    const h = createHarness();
    const a = h.seed.cso('customer', person('Acme', { email: 'a@x.com' }));
    const q = h.seed.qbo('Customer', person('Acme', { email: 'a@x.com' }));
    h.seed.cso('customer', person('Bad:Name'));
    await h.engine.synchronize();
    return { h, a, q };
  }

  it('Remove Link applies only to synchronized rows; the entity is matched again next time', async () => {
    const { h, a } = await setup();
    expect(await h.engine.actions.removeLink(['cso:customer:2'])).toMatchObject({ ok: false });
    expect(await h.engine.actions.removeLink([`cso:customer:${a}`])).toEqual({ ok: true, changed: 1 });
    expect(h.links.snapshot()).toEqual([]);
    const waiting = (await h.engine.rows()).find((r) => r.key === `cso:customer:${a}`)!;
    expect({ status: waiting.status, target: waiting.target, issue: waiting.issue }).toEqual({
      status: 'waitingForCreation',
      target: 'qbo',
      issue: null,
    });
    expect((await h.engine.preview()).plan.ops.map((o) => o.kind)).toEqual(['link']);
    const again = await h.engine.synchronize();
    expect(again.rows.find((r) => r.key === `cso:customer:${a}`)?.status).toBe('synchronized');
    expect(h.links.snapshot()).toHaveLength(1);
    expect(h.qbo.list('Customer')).toHaveLength(1);
    expect((await h.engine.rows()).find((r) => r.key === `cso:customer:${a}`)?.status).toBe('synchronized');
  });

  it('Ignore Issues applies only to error rows and holds until the record changes', async () => {
    const { h, a } = await setup();
    expect(await h.engine.actions.ignoreIssues([`cso:customer:${a}`])).toMatchObject({ ok: false });
    expect(await h.engine.actions.ignoreIssues(['cso:customer:2'])).toMatchObject({ ok: true });
    expect((await h.engine.rows()).find((r) => r.key === 'cso:customer:2')).toMatchObject({
      status: 'synchronized',
      ignored: true,
    });
    h.cso.edit({ kind: 'update', list: 'customer', id: '2', values: { email: 'new@x.com' } });
    expect((await h.engine.preview()).rows.find((r) => r.key === 'cso:customer:2')).toMatchObject({
      status: 'error',
      ignored: false,
    });
  });

  it.each(['cso', 'qbo'] as const)('resolving a conflict keeps %s', async (keep) => {
    const { h, a, q } = await setup();
    h.cso.edit({ kind: 'update', list: 'customer', id: a, values: { email: 'c@c.net' } });
    h.qbo.edit({ kind: 'update', list: 'Customer', id: q, values: { email: 'q@q.net' } });
    await h.engine.synchronize();
    expect(await h.engine.actions.resolveConflict(`cso:customer:${a}`, keep)).toMatchObject({ ok: true });
    await h.engine.synchronize();
    const email = keep === 'cso' ? 'c@c.net' : 'q@q.net';
    expect(h.cso.list('customer').find((c) => c.id === a)!.email).toBe(email);
    expect(h.qbo.list('Customer')[0]!.email).toBe(email);
  });

  it('links a near match, and CStoreOffice’s spelling goes to QBO', async () => {
    const h = createHarness();
    const a = h.seed.cso('customer', person('Acme Fuel'));
    h.seed.qbo('Customer', person('ACME FUEL'));
    await h.engine.preview();
    expect(await h.engine.actions.linkNearMatch(`cso:customer:${a}`)).toMatchObject({ ok: true });
    const report = await h.engine.synchronize();
    expect(report.failures).toEqual([]);
    expect(h.qbo.list('Customer').map((c) => c.name)).toEqual(['Acme Fuel']);
  });

  it('after Clear Sync History no row reads Synchronized until the next sync links it again', async () => {
    const h = createHarness();
    const a = h.seed.cso('customer', person('Acme'));
    const b = h.seed.cso('customer', person('Beta', { companyName: 'Beta Inc' }));
    await h.engine.synchronize();
    expect((await h.engine.rows()).map((r) => r.status)).toEqual(['synchronized', 'synchronized']);
    expect(await h.engine.actions.clearSyncHistory()).toEqual({ ok: true, changed: 2 });
    const rows = (await h.engine.preview()).rows;
    expect(rows.map((r) => [r.key, r.statusText])).toEqual([
      [`cso:customer:${a}`, 'Waiting for Creation in QuickBooks'],
      [`cso:customer:${b}`, 'Waiting for Creation in QuickBooks'],
    ]);
    await h.engine.synchronize();
    expect((await h.engine.rows()).map((r) => r.status)).toEqual(['synchronized', 'synchronized']);
    expect(h.qbo.list('Customer')).toHaveLength(2);
  });

  it('Clear Sync History forgets links and reads everything again; a different realm is refused until then', async () => {
    const { h } = await setup();
    await expect(h.make({ realmId: 'other' }).preview()).resolves.toBeDefined();
    await expect(h.make({ realmId: 'another' }).preview()).rejects.toThrow(/Clear the sync history/);
    await h.engine.actions.clearSyncHistory();
    expect(h.links.snapshot()).toEqual([]);
    const read = h.qbo.read.bind(h.qbo);
    const seen: (string | null)[] = [];
    h.qbo.read = (r) => (seen.push(r.since), read(r));
    await h.make({ realmId: 'another' }).synchronize();
    expect(seen[0]).toBeNull();
    expect(h.links.snapshot()).toHaveLength(1);
  });

  it('Synchronize on selected rows also writes what they depend on, and nothing else', async () => {
    const h = createHarness();
    const parent = h.seed.cso('account', acct('Sales'));
    const child = h.seed.cso('account', acct('Fuel', parent));
    h.seed.cso('customer', person('Acme'));
    await h.engine.synchronize({ selection: [`cso:account:${child}`] });
    expect(
      h.qbo
        .list('Account')
        .map((x) => x.name)
        .sort(),
    ).toEqual(['Fuel', 'Sales']);
    expect(h.qbo.list('Customer')).toEqual([]);
  });
});
