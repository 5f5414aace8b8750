/**
 * The real engine over the Dexie adapters (with the fake services): what a user sees must not
 * depend on whether state lives in memory or in IndexedDB, including after a worker restart.
 */
import { describe, expect, it } from 'vitest';
import { type AppDb, createJournal, createLinkStore, createRowStore, createStateStore } from '../../../lib/db';
import { createSyncEngine, RealmMismatchError, type SyncEngineOptions } from '../../../lib/sync';
import { createCounterIds, createFixedClock } from '../../fakes/clock';
import { createFakeCso } from '../../fakes/fake-cso';
import { createFakeQbo } from '../../fakes/fake-qbo';
import { ACME, BETA, freshDb } from './db-fixtures';

const acct = (name: string) => ({
  name,
  parentId: null,
  number: null,
  accountType: 'Income',
  description: null,
  active: true,
});
const contact = (name: string) => ({ name, companyName: null, email: null, phone: null, active: true });

function world() {
  const clock = createFixedClock();
  const cso = createFakeCso({ now: clock.now });
  const qbo = createFakeQbo({ now: clock.now });
  cso.edit({ kind: 'create', list: 'account', values: acct('Sales') });
  cso.edit({ kind: 'create', list: 'customer', values: contact('Acme') });
  qbo.edit({ kind: 'create', list: 'Customer', values: contact('Acme') });
  qbo.edit({ kind: 'create', list: 'Customer', values: contact('Only In QBO') });
  for (let i = 0; i < 40; i++)
    cso.edit({ kind: 'create', list: 'class', values: { name: `Class ${i}`, parentId: null, active: true } });
  return { clock, cso, qbo };
}

/** One background worker's engine for one company; `worker` keeps its ids apart from other workers'. */
function engineFor(
  db: AppDb,
  key: string,
  w: ReturnType<typeof world>,
  worker: string,
  options: SyncEngineOptions = {},
) {
  const ports = {
    cso: w.cso,
    qbo: w.qbo,
    links: createLinkStore(db, key),
    state: createStateStore(db, key, createRowStore(db)),
    journal: createJournal(db, key),
    clock: w.clock,
    ids: createCounterIds(worker),
  };
  return createSyncEngine(ports, { defaultIncomeAccountId: null, ...options });
}

describe('the engine over Dexie', () => {
  it('syncs, then finds nothing to do from the stored mirror, links and cursors', async () => {
    const { db, reopen } = freshDb();
    const w = world();
    const first = await engineFor(db, ACME, w, 'w1').synchronize();
    expect(first.failures).toEqual([]);
    expect(first.rows.every((r) => r.status === 'synchronized')).toBe(true);
    expect(await createLinkStore(db, ACME).all()).toHaveLength(43);
    const again = await engineFor(reopen(), ACME, w, 'w2').preview();
    expect(again.plan.ops).toEqual([]);
    expect(await createLinkStore(db, BETA).all()).toEqual([]);
  });

  it('a worker killed mid-run is resumed by the next one, without writing twice', async () => {
    const { db, reopen } = freshDb();
    const w = world();
    w.qbo.crashOn(1, 'afterApply');
    await expect(engineFor(db, ACME, w, 'w1').synchronize()).rejects.toThrow();
    expect(await createJournal(db, ACME).open()).not.toBeNull();
    db.close();
    const resumed = await engineFor(reopen(), ACME, w, 'w2').synchronize();
    expect(resumed.resumed).toBe(true);
    expect(resumed.rows.every((r) => r.status === 'synchronized')).toBe(true);
    const classNames = w.qbo.list('Class').map((c) => c.name);
    expect(new Set(classNames).size).toBe(classNames.length);
    expect(classNames).toHaveLength(40);
  });

  it('refuses another realm until Clear Sync History, which empties the company state at once', async () => {
    const { db } = freshDb();
    const w = world();
    await engineFor(db, ACME, w, 'w1', { realmId: 'R1' }).synchronize();
    await expect(engineFor(db, ACME, w, 'w2', { realmId: 'R2' }).preview()).rejects.toBeInstanceOf(RealmMismatchError);
    await engineFor(db, ACME, w, 'w3', { realmId: 'R1' }).actions.clearSyncHistory();
    expect(await createLinkStore(db, ACME).all()).toEqual([]);
    expect((await createStateStore(db, ACME, createRowStore(db)).load()).realmId).toBeNull();
    await expect(engineFor(db, ACME, w, 'w4', { realmId: 'R2' }).preview()).resolves.toBeDefined();
  });
});
