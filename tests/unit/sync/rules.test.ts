/** DESIGN §3, rule by rule: the row a user sees before synchronizing, and what a sync then does. */
import { describe, expect, it } from 'vitest';
import type { SyncRow } from '../../../lib/sync';
import { createHarness } from '../../fakes/harness';

type H = ReturnType<typeof createHarness>;
const acct = (name: string, extra: Record<string, string | boolean | null> = {}) => ({
  name,
  parentId: null,
  number: null,
  accountType: 'Income',
  description: null,
  active: true,
  ...extra,
});
const person = (name: string, extra: Record<string, string | boolean | null> = {}) => ({
  name,
  companyName: null,
  email: null,
  phone: null,
  active: true,
  ...extra,
});
const rowNamed = (rows: SyncRow[], name: string, side: 'cso' | 'qbo' = 'cso') =>
  rows.find((r) => r.name === name && r.key.startsWith(side))!;

describe('before the first sync (matching, lint, namespace)', () => {
  it.each<[string, (h: H) => void, string, 'cso' | 'qbo', string, string | null, string | null]>([
    [
      'an exact name links',
      (h) => (h.seed.cso('customer', person('Acme')), h.seed.qbo('Customer', person('Acme'))),
      'Acme',
      'cso',
      'synchronized',
      null,
      null,
    ],
    [
      'only in CStoreOffice waits for creation in QBO',
      (h) => h.seed.cso('customer', person('Acme')),
      'Acme',
      'cso',
      'waitingForCreation',
      'qbo',
      null,
    ],
    [
      'only in QBO waits for creation in CStoreOffice',
      (h) => h.seed.qbo('Customer', person('Acme')),
      'Acme',
      'qbo',
      'waitingForCreation',
      'cso',
      null,
    ],
    [
      'a case-only difference is a near match, never a create',
      (h) => (h.seed.cso('customer', person('Acme Fuel')), h.seed.qbo('Customer', person('ACME FUEL'))),
      'Acme Fuel',
      'cso',
      'error',
      null,
      'nearMatch',
    ],
    [
      'a double space is a near match',
      (h) => (h.seed.cso('customer', person('Acme  Fuel')), h.seed.qbo('Customer', person('Acme Fuel'))),
      'Acme  Fuel',
      'cso',
      'error',
      null,
      'nearMatch',
    ],
    [
      'a colon is refused without a request',
      (h) => h.seed.cso('customer', person('Bad:Name')),
      'Bad:Name',
      'cso',
      'error',
      null,
      'invalidName',
    ],
    [
      'a double quote in an account name is refused',
      (h) => h.seed.cso('account', acct('The "Best"')),
      'The "Best"',
      'cso',
      'error',
      null,
      'invalidName',
    ],
    [
      'an over-long name is refused',
      (h) => h.seed.cso('class', { name: 'x'.repeat(101), parentId: null }),
      'x'.repeat(101),
      'cso',
      'error',
      null,
      'invalidName',
    ],
    [
      'a customer and a vendor with one name collide',
      (h) => (h.seed.cso('customer', person('Acme')), h.seed.cso('accountingVendor', person('Acme'))),
      'Acme',
      'cso',
      'error',
      null,
      'namespaceCollision',
    ],
    [
      'a QBO employee holds the name',
      (h) => (h.qbo.addEmployee('Jane Roe'), h.seed.cso('customer', person('Jane Roe'))),
      'Jane Roe',
      'cso',
      'error',
      null,
      'namespaceCollision',
    ],
    [
      'a QBO vendor holds a customer name',
      (h) => (h.seed.qbo('Vendor', person('Acme')), h.seed.cso('customer', person('Acme'))),
      'Acme',
      'cso',
      'error',
      null,
      'namespaceCollision',
    ],
    [
      'a match to an inactive QBO record reactivates it',
      (h) => (h.seed.cso('customer', person('Acme')), h.seed.qbo('Customer', person('Acme', { active: false }))),
      'Acme',
      'cso',
      'waitingForUpdate',
      'qbo',
      null,
    ],
    [
      '“Name (deleted)” is seen through and reactivated',
      (h) => (h.seed.cso('account', acct('Fuel')), h.seed.qbo('Account', acct('Fuel', { active: false }))),
      'Fuel',
      'cso',
      'waitingForUpdate',
      'qbo',
      null,
    ],
    [
      'two accounts could be this one: review, no guess',
      (h) => (
        h.seed.qbo('Account', acct('Fuel', { active: false })),
        h.seed.qbo('Account', acct('Fuel', { active: false })),
        h.seed.cso('account', acct('Fuel'))
      ),
      'Fuel',
      'cso',
      'error',
      null,
      'ambiguous',
    ],
    [
      'a data type with no account and no default',
      (h) => h.seed.cso('dataType', { name: 'Gas', creditAccountId: null }),
      'Gas',
      'cso',
      'error',
      null,
      'noIncomeAccount',
    ],
    [
      'a sub-account waits for a parent QBO refuses',
      (h) => h.seed.cso('account', acct('Child', { parentId: h.seed.cso('account', acct('Bad:Parent')) })),
      'Bad:Parent:Child',
      'cso',
      'error',
      null,
      'blocked',
    ],
  ])('%s', async (_label, arrange, name, side, status, target, code) => {
    const h = createHarness();
    arrange(h);
    const { rows } = await h.engine.preview();
    const row = rowNamed(rows, name, side);
    expect(row, `row ${name}`).toBeDefined();
    expect({ status: row.status, target: row.target, code: row.issue?.code ?? null }).toEqual({ status, target, code });
    if (status === 'error') expect(row.issue!.detail.length).toBeGreaterThan(40);
  });

  it('two vendor kinds with one name share one QBO vendor', async () => {
    const h = createHarness();
    h.seed.cso('priceBookVendor', person('Acme'));
    h.seed.cso('accountingVendor', person('Acme'));
    const report = await h.engine.synchronize();
    expect(h.qbo.list('Vendor').map((v) => v.name)).toEqual(['Acme']);
    expect(report.rows.filter((r) => r.name === 'Acme').map((r) => r.status)).toEqual(['synchronized', 'synchronized']);
    // Deleting one kind keeps the QBO vendor; deleting both deactivates it.
    h.cso.edit({ kind: 'delete', list: 'priceBookVendor', id: h.cso.list('priceBookVendor')[0]!.id });
    await h.engine.synchronize();
    expect(h.qbo.list('Vendor')[0]!.active).toBe(true);
    h.cso.edit({ kind: 'delete', list: 'accountingVendor', id: h.cso.list('accountingVendor')[0]!.id });
    await h.engine.synchronize();
    expect(h.qbo.list('Vendor')[0]!.active).toBe(false);
  });
});

describe('after a sync (changes, conflicts, deletions)', () => {
  async function linked() {
    const h = createHarness();
    const csoId = h.seed.cso('customer', person('Acme', { email: 'a@x.com' }));
    const qboId = h.seed.qbo('Customer', person('Acme', { email: 'a@x.com' }));
    await h.engine.synchronize();
    return { h, csoId, qboId };
  }
  it.each<[string, (c: Awaited<ReturnType<typeof linked>>) => void, string, string | null, string | null]>([
    [
      'renamed in CStoreOffice: an update, not a new record',
      ({ h, csoId }) => h.cso.edit({ kind: 'update', list: 'customer', id: csoId, values: { name: 'Acme Inc' } }),
      'waitingForUpdate',
      'qbo',
      null,
    ],
    [
      'changed in QBO',
      ({ h, qboId }) => h.qbo.edit({ kind: 'update', list: 'Customer', id: qboId, values: { email: 'q@q.net' } }),
      'waitingForUpdate',
      'cso',
      null,
    ],
    [
      'changed on both sides differently',
      ({ h, csoId, qboId }) => (
        h.cso.edit({ kind: 'update', list: 'customer', id: csoId, values: { email: 'c@c.net' } }),
        h.qbo.edit({ kind: 'update', list: 'Customer', id: qboId, values: { email: 'q@q.net' } })
      ),
      'error',
      null,
      'conflict',
    ],
    [
      'deactivated in QBO',
      ({ h, qboId }) => h.qbo.edit({ kind: 'deactivate', list: 'Customer', id: qboId }),
      'waitingForDeletion',
      'cso',
      null,
    ],
    [
      'deactivated in QBO but edited in CStoreOffice',
      ({ h, csoId, qboId }) => (
        h.qbo.edit({ kind: 'deactivate', list: 'Customer', id: qboId }),
        h.cso.edit({ kind: 'update', list: 'customer', id: csoId, values: { phone: '555' } })
      ),
      'waitingForDeletion',
      'both',
      null,
    ],
    [
      'deleted in CStoreOffice',
      ({ h, csoId }) => h.cso.edit({ kind: 'delete', list: 'customer', id: csoId }),
      'waitingForDeletion',
      'qbo',
      null,
    ],
  ])('%s', async (_label, edit, status, target, code) => {
    const c = await linked();
    edit(c);
    const { rows } = await c.h.engine.preview();
    const row = rows.find((r) => r.key === `cso:customer:${c.csoId}`)!;
    expect({ status: row.status, target: row.target, code: row.issue?.code ?? null }).toEqual({ status, target, code });
    const report = await c.h.engine.synchronize();
    expect(report.failures).toEqual([]);
    expect((await c.h.engine.preview()).plan.ops).toEqual([]);
  });

  it('made inactive in QBO makes it inactive in CStoreOffice (kept, not deleted), and reactivating it there reactivates it here', async () => {
    const c = await linked();
    c.h.qbo.edit({ kind: 'deactivate', list: 'Customer', id: c.qboId });
    await c.h.engine.synchronize();
    expect(c.h.cso.list('customer').find((r) => r.id === c.csoId)).toMatchObject({ active: false });
    c.h.qbo.edit({ kind: 'update', list: 'Customer', id: c.qboId, values: { active: true } });
    const back = await c.h.engine.synchronize();
    expect(back.failures).toEqual([]);
    expect(c.h.cso.list('customer').find((r) => r.id === c.csoId)).toMatchObject({ active: true });
    expect(back.rows.find((r) => r.key === `cso:customer:${c.csoId}`)?.status).toBe('synchronized');
  });

  it('an Account deactivated by our own sync is not mistaken for a rename', async () => {
    const h = createHarness();
    const id = h.seed.cso('account', acct('Fuel'));
    await h.engine.synchronize();
    h.cso.edit({ kind: 'update', list: 'account', id, values: { active: false } });
    await h.engine.synchronize();
    expect(h.qbo.list('Account')[0]!.name).toBe('Fuel (deleted)');
    const { rows, plan } = await h.engine.preview();
    expect(plan.ops).toEqual([]);
    expect(rows[0]).toMatchObject({ name: 'Fuel', status: 'synchronized' });
  });

  it('a sync with nothing to do costs one QBO request', async () => {
    const { h } = await linked();
    const before = { ...h.qbo.requests };
    await h.engine.synchronize();
    expect(h.qbo.requests.reads - before.reads).toBe(1);
    expect(h.qbo.requests.batches - before.batches).toBe(0);
  });

  it('reads QBO in full when the cursor is older than 30 days', async () => {
    const { h, qboId } = await linked();
    h.clock.advance(31 * 24 * 3600 * 1000);
    const read = h.qbo.read.bind(h.qbo);
    const seen: (string | null)[] = [];
    h.qbo.read = (r) => (seen.push(r.since), read(r));
    h.qbo.edit({ kind: 'update', list: 'Customer', id: qboId, values: { phone: '1' } });
    await h.engine.synchronize();
    expect(seen).toEqual([null]);
  });

  it('a QBO change made during the run (5010) is re-read once and re-planned', async () => {
    const { h, csoId, qboId } = await linked();
    h.cso.edit({ kind: 'update', list: 'customer', id: csoId, values: { name: 'Acme Inc' } });
    const write = h.qbo.write.bind(h.qbo);
    let raced = false;
    h.qbo.write = async (batch) => {
      if (!raced) {
        raced = true;
        h.qbo.edit({ kind: 'update', list: 'Customer', id: qboId, values: { phone: '999' } });
      }
      return write(batch);
    };
    const report = await h.engine.synchronize();
    expect(report.failures).toEqual([]);
    expect(h.qbo.list('Customer')[0]).toMatchObject({ name: 'Acme Inc', phone: '999' });
    expect(h.cso.list('customer')[0]).toMatchObject({ name: 'Acme Inc', phone: '999' });
  });
});
