/**
 * Links kept in CStoreOffice (contract v1.3) with the in-memory fakes: every link a run makes is
 * held by the CStoreOffice record, a fresh profile rebuilds them instead of matching again, a link
 * write is never taken for an edit, and a server that cannot hold links syncs as before.
 */
import { describe, expect, it } from 'vitest';
import { createSyncEngine, RealmMismatchError, type SyncRow } from '@/lib/sync';
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
const acct = (name: string, extra: Record<string, string | boolean | null> = {}) => ({
  name,
  parentId: null,
  number: null,
  accountType: 'Income',
  description: null,
  active: true,
  ...extra,
});
const view = (rows: SyncRow[]) => rows.map((r) => `${r.key} ${r.status} ${r.qboId ?? '-'}`).sort();

function seeded() {
  const h = createHarness({ defaultIncomeAccountId: null, realmId: REALM }, { csoLinks: REALM });
  const sales = h.seed.cso('account', acct('Sales'));
  h.seed.cso('account', acct('Fuel', { parentId: sales }));
  h.seed.cso('customer', contact('Acme'));
  h.seed.qbo('Customer', contact('Acme'));
  h.seed.qbo('Customer', contact('Only In QBO'));
  return h;
}

/** Another browser profile: the same two services, empty stores. */
function freshProfile(h: ReturnType<typeof seeded>) {
  const links = createMemoryLinkStore();
  const ports = {
    ...h.ports,
    links,
    state: createMemoryStateStore(),
    journal: createMemoryJournal(),
  };
  return { links, engine: createSyncEngine(ports, { defaultIncomeAccountId: null, realmId: REALM }) };
}

const heldBy = (h: ReturnType<typeof seeded>) =>
  Object.fromEntries(
    (['account', 'customer'] as const).flatMap((t) => h.cso.list(t).map((r) => [`${t}:${r.id}`, h.cso.heldLink(r.id)])),
  );

async function localLinks(store: { all(): Promise<{ csoType: string; csoId: string; qboId: string }[]> }) {
  return Object.fromEntries((await store.all()).map((l) => [`${l.csoType}:${l.csoId}`, l.qboId]));
}

describe('links kept in CStoreOffice', () => {
  it('every link a run makes is held by its CStoreOffice record, and the next run sees no edit', async () => {
    const h = seeded();
    const first = await h.engine.synchronize({ confirmCreates: true });
    expect(first.failures).toEqual([]);
    expect(h.cso.boundRealm()).toBe(REALM);
    expect(heldBy(h)).toEqual(await localLinks(h.links));
    const writes = h.cso.requests.writes;
    const again = await h.engine.synchronize();
    expect(again.executed.ops).toEqual([]);
    expect(h.cso.requests.writes).toBe(writes);
  });

  it('a record created in CStoreOffice from a QBO one carries its link from the create, without a second write', async () => {
    const h = createHarness({ defaultIncomeAccountId: null, realmId: REALM }, { csoLinks: REALM });
    const qboId = h.seed.qbo('Customer', contact('Only In QBO'));
    await h.engine.synchronize({ confirmCreates: true });
    const [created] = h.cso.list('customer');
    expect(h.cso.heldLink(created!.id)).toBe(qboId);
    expect(created!.revision).toBe('1');
  });

  it('a fresh profile shows the same rows and its Synchronize writes nothing', async () => {
    const h = seeded();
    const a = await h.engine.synchronize({ confirmCreates: true });
    const b = freshProfile(h);
    const preview = await b.engine.preview();
    expect(view(preview.rows)).toEqual(view(a.rows));
    const writes = { cso: h.cso.requests.writes, qbo: h.qbo.requests.writes };
    const report = await b.engine.synchronize();
    expect({ cso: h.cso.requests.writes, qbo: h.qbo.requests.writes }).toEqual(writes);
    expect(report.rows.every((r) => r.status === 'synchronized')).toBe(true);
    expect(await localLinks(b.links)).toEqual(await localLinks(h.links));
  });

  it('a held link whose records now differ is merged like a first link (CStoreOffice wins), not created again', async () => {
    const h = seeded();
    await h.engine.synchronize({ confirmCreates: true });
    const acme = h.cso.list('customer').find((c) => c.name === 'Acme')!;
    h.cso.edit({ kind: 'update', list: 'customer', id: acme.id, values: { name: 'Acme Fuels', email: 'a@acme.test' } });
    const b = freshProfile(h);
    const report = await b.engine.synchronize();
    expect(report.failures).toEqual([]);
    expect(
      h.qbo
        .list('Customer')
        .map((c) => `${c.name} ${c.email}`)
        .sort(),
    ).toEqual(['Acme Fuels a@acme.test', 'Only In QBO null']);
  });

  it('a link another browser changed is read back: CStoreOffice holds the truth, the cache follows', async () => {
    const h = seeded();
    const first = await h.engine.synchronize({ confirmCreates: true });
    const acme = first.rows.find((r) => r.name === 'Acme')!;
    const other = h.seed.qbo('Customer', contact('Acme Fuel Co'));
    // Another bookkeeper linked Acme to the other QuickBooks customer by hand.
    h.cso.setLink(acme.csoId!, { realmId: REALM, id: other });
    const rows = (await h.engine.preview()).rows;
    expect(rows.find((r) => r.key === acme.key)?.qboId).toBe(other);
    expect((await localLinks(h.links))[`customer:${acme.csoId}`]).toBe(other);
  });

  it('a pair that agreed when its link was read back is in step: a later edit on each side is a conflict', async () => {
    const h = seeded();
    const first = await h.engine.synchronize({ confirmCreates: true });
    const acme = first.rows.find((r) => r.name === 'Acme')!;
    const b = freshProfile(h);
    await b.engine.preview();
    h.cso.edit({ kind: 'update', list: 'customer', id: acme.csoId!, values: { email: 'c@acme.test' } });
    h.qbo.edit({ kind: 'update', list: 'Customer', id: acme.qboId!, values: { email: 'q@acme.test' } });
    expect((await b.engine.preview()).rows.find((r) => r.key === acme.key)?.issue?.code).toBe('conflict');
  });

  it('Remove Link clears the held link, so another profile does not rebuild it', async () => {
    const h = seeded();
    const first = await h.engine.synchronize({ confirmCreates: true });
    const acme = first.rows.find((r) => r.name === 'Acme')!;
    expect(await h.engine.actions.removeLink([acme.key])).toEqual({ ok: true, changed: 1 });
    expect(h.cso.heldLink(acme.csoId!)).toBeNull();
    const b = freshProfile(h);
    await b.engine.preview();
    const rebuilt = await localLinks(b.links);
    expect(rebuilt[`customer:${acme.csoId}`]).toBeUndefined();
    expect(Object.keys(rebuilt).length).toBe((await h.links.all()).length);
  });

  it('a company CStoreOffice binds to another QuickBooks company is refused before anything is written', async () => {
    const h = seeded();
    h.cso.bindRealm('9999');
    await expect(h.engine.synchronize({ confirmCreates: true })).rejects.toBeInstanceOf(RealmMismatchError);
    expect(h.qbo.requests.writes + h.cso.requests.writes).toBe(0);
  });

  it('a run stopped between a QBO create and its link write holds the link after resuming, with no duplicate', async () => {
    const h = seeded();
    h.qbo.crashOn(1, 'afterApply');
    await expect(h.engine.synchronize({ confirmCreates: true })).rejects.toThrow();
    const sales = h.cso.list('account').find((a) => a.name === 'Sales')!;
    expect(h.cso.heldLink(sales.id)).toBeNull();
    const resumed = await h.make().synchronize({ confirmCreates: true });
    expect(resumed.resumed).toBe(true);
    expect(h.qbo.list('Account').map((a) => a.name)).toEqual(['Sales', 'Fuel']);
    expect(heldBy(h)).toEqual(await localLinks(h.links));
  });

  it('a server without links (before v1.3) syncs as before, with the links in the browser only', async () => {
    const h = createHarness({ defaultIncomeAccountId: null, realmId: REALM });
    h.seed.cso('customer', contact('Acme'));
    h.seed.qbo('Customer', contact('Only In QBO'));
    const engine = createSyncEngine({ ...h.ports, linkMirror: h.cso.linkMirror }, { realmId: REALM });
    const report = await engine.synchronize({ confirmCreates: true });
    expect(report.failures).toEqual([]);
    expect((await h.links.all()).length).toBe(2);
    expect(h.cso.list('customer').map((c) => h.cso.heldLink(c.id))).toEqual([null, null]);
    expect((await engine.synchronize()).executed.ops).toEqual([]);
  });

  it('Undo of a run whose CStoreOffice write was followed by its link write still puts the record back', async () => {
    const h = createHarness({ defaultIncomeAccountId: null, realmId: REALM }, { csoLinks: REALM });
    h.seed.cso('customer', contact('Acme'));
    h.seed.qbo('Customer', contact('Acme', { email: 'new@acme.test' }));
    // A first link merges: CStoreOffice takes QuickBooks' email, then holds the link (version +1).
    await h.engine.synchronize({ runId: 'r1', confirmCreates: true });
    const acme = h.cso.list('customer')[0]!;
    expect(acme.email).toBe('new@acme.test');
    expect(h.cso.heldLink(acme.id)).not.toBeNull();
    const undone = await h.engine.undo('r1');
    expect(undone.refused).toEqual([]);
    expect(h.cso.list('customer')[0]!.email).toBeNull();
  });

  it('Undo of a QBO create clears the link CStoreOffice held, so the next read does not link it again', async () => {
    const h = seeded();
    await h.engine.synchronize({ runId: 'first', confirmCreates: true });
    const zenith = h.seed.cso('customer', contact('Zenith'));
    await h.engine.synchronize({ runId: 'r1' });
    expect(h.cso.heldLink(zenith)).not.toBeNull();
    expect((await h.engine.undo('r1')).counts.removed).toBe(1);
    expect(h.cso.heldLink(zenith)).toBeNull();
    const again = await h.engine.synchronize();
    expect(again.rows.find((r) => r.name === 'Zenith')).toMatchObject({ status: 'error' });
  });

  it('Clear Sync History clears every held link: another profile starts from names, as this one does', async () => {
    const h = seeded();
    await h.engine.synchronize({ confirmCreates: true });
    await h.engine.actions.clearSyncHistory();
    expect(Object.values(heldBy(h)).filter((id) => id !== null)).toEqual([]);
    const b = freshProfile(h);
    await b.engine.preview();
    expect(await b.links.all()).toEqual([]);
    // The company is unbound too: it may now be connected to another QuickBooks company.
    expect(h.cso.boundRealm()).toBeNull();
  });
});
