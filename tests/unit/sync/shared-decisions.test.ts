/**
 * The decisions made in the manager, shared through CStoreOffice (contract v1.3 sync state), with
 * the in-memory fakes: what one browser decides another sees and carries out, a decision that
 * cannot be saved changes nothing, what a browser decided before the company could share is
 * published at its binding, and nothing is retired on a guess.
 */
import { describe, expect, it } from 'vitest';
import { createSyncEngine, createWorld, type SyncRow } from '@/lib/sync';
import { withDecisions, withoutRetired, withoutRows } from '@/lib/sync/decision-board';
import { retiredOf } from '@/lib/sync/shared-decisions';
import { createHarness } from '../../fakes/harness';
import { createMemoryJournal, createMemoryLinkStore, createMemoryStateStore } from '../../fakes/memory-stores';

const REALM = '4620816365000000001';
const contact = (name: string, extra: Record<string, string | boolean | null> = {}) => ({
  name,
  companyName: null,
  email: null,
  phone: null,
  active: true,
  ...extra,
});
const byName = (rows: SyncRow[], name: string) => rows.find((r) => r.name === name)!;

function seeded() {
  const h = createHarness({ defaultIncomeAccountId: null, realmId: REALM }, { csoLinks: REALM });
  h.seed.cso('customer', contact('Acme'));
  h.seed.qbo('Customer', contact('Acme'));
  h.seed.cso('customer', contact('Route 81: Truck Stop'));
  return h;
}

/** Another bookkeeper's browser: the same services and shared decisions, its own stores. */
function otherBrowser(h: ReturnType<typeof seeded>) {
  const ports = {
    ...h.ports,
    links: createMemoryLinkStore(),
    state: createMemoryStateStore(),
    journal: createMemoryJournal(),
  };
  return createSyncEngine(ports, { defaultIncomeAccountId: null, realmId: REALM });
}

describe('decisions shared through CStoreOffice', () => {
  it('an error ignored in one browser reads as ignored in another, until its record changes', async () => {
    const h = seeded();
    await h.engine.synchronize({ confirmCreates: true });
    const b = otherBrowser(h);
    const lint = byName((await b.preview()).rows, 'Route 81: Truck Stop');
    expect(lint.status).toBe('error');
    expect(await b.actions.ignoreIssues([lint.key])).toEqual({ ok: true, changed: 1 });
    expect(h.decisions!.held().ignores).toMatchObject([{ type: 'customer', side: 'cso', id: lint.csoId }]);

    expect(byName((await h.engine.preview()).rows, 'Route 81: Truck Stop')).toMatchObject({
      status: 'synchronized',
      ignored: true,
    });
    // The record changes: the ignore has expired, the error is back, and the next run retires it.
    h.cso.edit({ kind: 'update', list: 'customer', id: lint.csoId!, values: { phone: '555-0100' } });
    const after = await h.engine.synchronize();
    expect(byName(after.rows, 'Route 81: Truck Stop')).toMatchObject({ status: 'error', ignored: false });
    expect(h.decisions!.held().ignores).toEqual([]);
  });

  it('a Keep QuickBooks made in one browser is carried out by the other, then leaves the shared list', async () => {
    const h = seeded();
    await h.engine.synchronize({ confirmCreates: true });
    const b = otherBrowser(h);
    await b.preview();
    const acme = byName(await h.engine.rows(), 'Acme');
    h.cso.edit({ kind: 'update', list: 'customer', id: acme.csoId!, values: { email: 'c@acme.test' } });
    h.qbo.edit({ kind: 'update', list: 'Customer', id: acme.qboId!, values: { email: 'q@acme.test' } });
    const conflict = byName((await b.preview()).rows, 'Acme');
    expect(conflict.issue?.code).toBe('conflict');
    expect(await b.actions.resolveConflict(conflict.key, 'qbo')).toEqual({ ok: true, changed: 1 });

    expect(byName((await h.engine.preview()).rows, 'Acme').issue?.code).not.toBe('conflict');
    const done = await h.engine.synchronize();
    expect(byName(done.rows, 'Acme').status).toBe('synchronized');
    expect(h.cso.list('customer').find((r) => r.id === acme.csoId)?.email).toBe('q@acme.test');
    expect(h.decisions!.held().resolutions).toEqual([]);
    // B's copy still held the decision; the shared list says it is done, so B writes nothing.
    const writes = h.cso.requests.writes;
    expect((await b.synchronize()).executed.ops.filter((op) => op.kind !== 'link')).toEqual([]);
    expect(h.cso.requests.writes).toBe(writes);
  });

  it('a decision CStoreOffice cannot save is refused and changes nothing', async () => {
    const h = seeded();
    await h.engine.synchronize({ confirmCreates: true });
    const lint = byName(await h.engine.rows(), 'Route 81: Truck Stop');
    h.decisions!.setDown(true);
    const refused = await h.engine.actions.ignoreIssues([lint.key]);
    expect(refused).toEqual({
      ok: false,
      message: expect.stringMatching(/CStoreOffice could not be reached.*nothing changed/),
    });
    expect(byName(await h.engine.rows(), 'Route 81: Truck Stop').ignored).toBe(false);
    // A read that cannot reach the shared list keeps the local copy as it is and the run goes on.
    expect((await h.engine.synchronize()).rows.length).toBeGreaterThan(0);
  });

  it('what a browser decided before the company was bound is published when its first run binds it', async () => {
    const h = seeded();
    const lint = byName((await h.engine.preview()).rows, 'Route 81: Truck Stop');
    expect(h.cso.boundRealm()).toBeNull();
    expect(await h.engine.actions.ignoreIssues([lint.key])).toEqual({ ok: true, changed: 1 });
    await h.engine.synchronize({ confirmCreates: true });
    expect(h.cso.boundRealm()).toBe(REALM);
    expect(h.decisions!.held().ignores).toMatchObject([{ type: 'customer', id: lint.csoId }]);
    const b = otherBrowser(h);
    expect(byName((await b.preview()).rows, 'Route 81: Truck Stop')).toMatchObject({
      status: 'synchronized',
      ignored: true,
    });
  });

  it('two browsers deciding at the same moment keep both decisions', async () => {
    const h = seeded();
    h.seed.cso('customer', contact('Exit 12: Fuel'));
    await h.engine.synchronize({ confirmCreates: true });
    const rows = await h.engine.rows();
    const [one, two] = [byName(rows, 'Route 81: Truck Stop'), byName(rows, 'Exit 12: Fuel')];
    h.decisions!.meddleOnce((d) =>
      withDecisions(d, {
        ignores: [{ type: 'customer', side: 'cso', id: two.csoId!, csoHash: null, qboHash: null, at: 'x' }],
      }),
    );
    expect(await h.engine.actions.ignoreIssues([one.key])).toEqual({ ok: true, changed: 1 });
    expect(
      h
        .decisions!.held()
        .ignores.map((d) => d.id)
        .sort(),
    ).toEqual([one.csoId, two.csoId].sort());
  });
});

describe('the shared list, entry by entry', () => {
  const ignore = (id: string, at = 't1') =>
    ({ type: 'customer', side: 'cso', id, csoHash: 'h', qboHash: null, at }) as const;
  const resolution = (id: string, at = 't1') => ({ type: 'customer', id, keep: 'qbo', at }) as const;
  const list = { ignores: [ignore('1'), ignore('2')], manualLinks: [], resolutions: [resolution('1')] };

  it.each([
    [
      'a newer decision on a row replaces the older',
      withDecisions(list, { ignores: [ignore('1', 't2')] }).ignores.map((d) => `${d.id}@${d.at}`),
      ['2@t1', '1@t2'],
    ],
    ['a row forgotten loses every entry', withoutRows(list, new Set(['customer:1'])).ignores.map((d) => d.id), ['2']],
    [
      'a retired entry leaves, a newer one on its row made meanwhile stays',
      withoutRetired(withDecisions(list, { ignores: [ignore('1', 't3')] }), {
        ignores: [ignore('1')],
        manualLinks: [],
        resolutions: [],
      }).ignores.map((d) => `${d.id}@${d.at}`),
      ['2@t1', '1@t3'],
    ],
  ])('%s', (_name, got, want) => {
    expect(got).toEqual(want);
  });

  it('an ignore whose record a read left out is not retired: a short read retires nothing', () => {
    const world = createWorld(
      { cso: {}, qbo: {}, reserved: [], cursors: { cso: null, qbo: null }, issues: [], ignores: [], realmId: null },
      [],
    );
    expect(retiredOf(world, list)).toEqual({ ignores: [], manualLinks: [], resolutions: [resolution('1')] });
  });
});
