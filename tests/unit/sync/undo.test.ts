/**
 * Undo the last run that wrote: what it wrote goes back as it was, the next Synchronize carries
 * that to the other side (both end where they agreed before the run), what it created is removed
 * and not created again on its own, and a record changed since the run is left alone with words on
 * its row.
 */
import { describe, expect, it } from 'vitest';
import { UndoRefusedError } from '../../../lib/sync/undo';
import { createHarness } from '../../fakes/harness';

type H = ReturnType<typeof createHarness>;
const person = (name: string, email: string | null = null) => ({
  name,
  companyName: null,
  email,
  phone: null,
  active: true,
});

async function linked(h: H, names: string[]): Promise<string[]> {
  const ids = names.map((n) => h.seed.cso('customer', person(n, `${n.toLowerCase()}@shop.test`)));
  await h.engine.synchronize({ runId: 'first' });
  expect(h.links.snapshot().filter((l) => l.csoType === 'customer')).toHaveLength(names.length);
  return ids;
}

const qboOf = (h: H, csoId: string) =>
  h.qbo.list('Customer').find((r) => r.id === h.links.snapshot().find((l) => l.csoId === csoId)!.qboId)!;
const csoNamed = (h: H, name: string) => h.cso.list('customer').find((r) => r.name === name);
const qboNamed = (h: H, name: string) => h.qbo.list('Customer').find((r) => r.name === name);

describe('undo a run', () => {
  it('an update copied from QuickBooks goes back in CStoreOffice, and the next sync puts QuickBooks back too', async () => {
    const h = createHarness();
    const [acme] = await linked(h, ['Acme']);
    const q = qboOf(h, acme!);
    h.qbo.edit({ kind: 'update', list: 'Customer', id: q.id, values: { email: 'wrong@shop.test' } });
    const run = await h.engine.synchronize({ runId: 'r1' });
    expect(run.writes).toMatchObject([{ kind: 'update', side: 'cso', before: { email: 'acme@shop.test' } }]);
    expect(csoNamed(h, 'Acme')!.email).toBe('wrong@shop.test');

    const undone = await h.engine.undo('r1');
    expect(undone).toEqual({ counts: { reactivated: 0, restored: 1, removed: 0 }, refused: [] });
    expect(csoNamed(h, 'Acme')!.email).toBe('acme@shop.test');
    await h.engine.synchronize();
    expect(qboNamed(h, 'Acme')!.email).toBe('acme@shop.test');
    expect((await h.engine.synchronize()).executed.ops).toEqual([]);
  });

  it('made inactive in CStoreOffice because QuickBooks was: undo reactivates it, and the next sync reactivates QuickBooks', async () => {
    const h = createHarness();
    const [acme] = await linked(h, ['Acme', 'Birch']);
    h.qbo.edit({ kind: 'deactivate', list: 'Customer', id: qboOf(h, acme!).id });
    await h.engine.synchronize({ runId: 'r1' });
    expect(csoNamed(h, 'Acme')!.active).toBe(false);
    expect((await h.engine.undo('r1')).counts.restored).toBe(1);
    expect(csoNamed(h, 'Acme')!.active).toBe(true);
    await h.engine.synchronize();
    expect(qboNamed(h, 'Acme')!.active).toBe(true);
  });

  it('deactivated in QuickBooks because it was deleted in CStoreOffice: undo reactivates it, and the next sync brings it back to CStoreOffice', async () => {
    const h = createHarness();
    const [acme] = await linked(h, ['Acme', 'Birch', 'Cedar', 'Dune']);
    h.cso.edit({ kind: 'delete', list: 'customer', id: acme! });
    await h.engine.synchronize({ runId: 'r1' });
    expect(qboNamed(h, 'Acme')!.active).toBe(false);
    expect((await h.engine.undo('r1')).counts.reactivated).toBe(1);
    expect(qboNamed(h, 'Acme')!.active).toBe(true);
    await h.engine.synchronize();
    expect(csoNamed(h, 'Acme')).toMatchObject({ active: true, email: 'acme@shop.test' });
    expect((await h.engine.synchronize()).executed.ops).toEqual([]);
  });

  it('a record created in CStoreOffice is deleted there, and is not created again until its row is synchronized by hand', async () => {
    const h = createHarness();
    await linked(h, ['Acme']);
    h.seed.qbo('Customer', person('Zenith'));
    await h.engine.synchronize({ runId: 'r1' });
    expect(csoNamed(h, 'Zenith')).toBeDefined();

    expect((await h.engine.undo('r1')).counts.removed).toBe(1);
    expect(csoNamed(h, 'Zenith')).toBeUndefined();
    const again = await h.engine.synchronize();
    expect(again.executed.ops).toEqual([]);
    expect(csoNamed(h, 'Zenith')).toBeUndefined();
    const row = again.rows.find((r) => r.name === 'Zenith')!;
    expect(row).toMatchObject({ status: 'error', issue: { title: 'Creation undone' } });
    expect(row.issue!.detail).toMatch(/deleted the customer a run had created from it in CStoreOffice/);

    await h.engine.synchronize({ selection: [row.key] });
    expect(csoNamed(h, 'Zenith')).toBeDefined();
    expect((await h.engine.synchronize()).rows.filter((r) => r.status !== 'synchronized')).toEqual([]);
  });

  it('a record created in QuickBooks is made inactive there, and is not linked or reactivated by the next sync', async () => {
    const h = createHarness();
    await linked(h, ['Acme']);
    h.seed.cso('customer', person('Zenith'));
    await h.engine.synchronize({ runId: 'r1' });
    expect(qboNamed(h, 'Zenith')!.active).toBe(true);

    expect((await h.engine.undo('r1')).counts.removed).toBe(1);
    expect(h.links.snapshot().some((l) => l.qboId === qboNamed(h, 'Zenith')?.id)).toBe(false);
    const again = await h.engine.synchronize();
    expect(again.executed.ops).toEqual([]);
    expect(h.qbo.list('Customer').filter((r) => r.name.startsWith('Zenith') && r.active)).toEqual([]);
    expect(again.rows.find((r) => r.name === 'Zenith')).toMatchObject({
      status: 'error',
      issue: { title: 'Creation undone' },
    });
  });

  it('a record changed since the run is left alone and its row says why; the rest is undone', async () => {
    const h = createHarness();
    const [acme, birch] = await linked(h, ['Acme', 'Birch']);
    h.qbo.edit({ kind: 'update', list: 'Customer', id: qboOf(h, acme!).id, values: { email: 'a2@shop.test' } });
    h.qbo.edit({ kind: 'update', list: 'Customer', id: qboOf(h, birch!).id, values: { email: 'b2@shop.test' } });
    await h.engine.synchronize({ runId: 'r1' });
    h.cso.edit({ kind: 'update', list: 'customer', id: birch!, values: { phone: '555-0100' } });

    const undone = await h.engine.undo('r1');
    expect(undone.counts.restored).toBe(1);
    expect(undone.refused).toEqual([
      {
        rowKey: expect.any(String),
        name: 'Birch',
        detail: expect.stringMatching(/^Undo left it as it is: it was changed in CStoreOffice after that run\./),
      },
    ]);
    expect(csoNamed(h, 'Birch')).toMatchObject({ email: 'b2@shop.test', phone: '555-0100' });
    const rows = await h.engine.rows();
    const held = rows.find((r) => r.name === 'Birch')!;
    expect(held).toMatchObject({ status: 'error', issue: { title: 'Not undone' } });
    // The user may look and accept it as it is.
    expect(await h.engine.actions.ignoreIssues([held.key])).toEqual({ ok: true, changed: 1 });
    expect((await h.engine.rows()).find((r) => r.name === 'Birch')).toMatchObject({
      status: 'synchronized',
      ignored: true,
    });
  });

  it('only the last run that wrote can be undone, and only once; a run that wrote nothing keeps the one before undoable', async () => {
    const h = createHarness();
    const [acme] = await linked(h, ['Acme']);
    h.qbo.edit({ kind: 'update', list: 'Customer', id: qboOf(h, acme!).id, values: { email: 'x@shop.test' } });
    await h.engine.synchronize({ runId: 'r1' });
    await h.engine.synchronize({ runId: 'r2' });
    await expect(h.engine.undo('first')).rejects.toBeInstanceOf(UndoRefusedError);
    await h.engine.undo('r1');
    await expect(h.engine.undo('r1')).rejects.toThrow('This run was undone already.');
  });
});
