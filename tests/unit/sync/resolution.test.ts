/**
 * Decisions as data: Keep CStoreOffice / Keep QuickBooks and a first link's merge are stored on the
 * link as what they are, carried out by the next sync, and dropped once written, after which the
 * pair is compared three ways again.
 */
import { describe, expect, it } from 'vitest';
import { createHarness } from '../../fakes/harness';

type H = ReturnType<typeof createHarness>;
const person = (name: string, email: string | null = null, phone: string | null = null) => ({
  name,
  companyName: null,
  email,
  phone,
  active: true,
});
const linkOf = (h: H, csoId: string) => h.links.snapshot().find((l) => l.csoId === csoId)!;

async function conflicted(h: H): Promise<{ csoId: string; qboId: string; key: string }> {
  const csoId = h.seed.cso('customer', person('Acme', 'a@shop.test'));
  await h.engine.synchronize();
  const qboId = linkOf(h, csoId).qboId;
  h.cso.edit({ kind: 'update', list: 'customer', id: csoId, values: { email: 'cso@shop.test' } });
  h.qbo.edit({ kind: 'update', list: 'Customer', id: qboId, values: { email: 'qbo@shop.test' } });
  const row = (await h.engine.synchronize()).rows.find((r) => r.name === 'Acme')!;
  expect(row.issue?.code).toBe('conflict');
  return { csoId, qboId, key: row.key };
}

describe('decisions stored on the link', () => {
  it.each([
    ['cso', 'cso@shop.test'],
    ['qbo', 'qbo@shop.test'],
  ] as const)('keep %s: stored as the decision (snapshots untouched), carried out, then gone', async (keep, email) => {
    const h = createHarness();
    const { csoId, qboId, key } = await conflicted(h);
    const before = linkOf(h, csoId);
    expect(await h.engine.actions.resolveConflict(key, keep)).toEqual({ ok: true, changed: 1 });
    expect(linkOf(h, csoId)).toMatchObject({ cso: before.cso, qbo: before.qbo, resolution: { keep } });
    await h.engine.synchronize();
    expect(h.cso.list('customer').find((r) => r.id === csoId)!.email).toBe(email);
    expect(h.qbo.list('Customer').find((r) => r.id === qboId)!.email).toBe(email);
    expect(linkOf(h, csoId)).not.toHaveProperty('resolution');
    // Compared three ways again: a later change in QuickBooks goes to CStoreOffice.
    h.qbo.edit({ kind: 'update', list: 'Customer', id: qboId, values: { phone: '555-0101' } });
    await h.engine.synchronize();
    expect(h.cso.list('customer').find((r) => r.id === csoId)!.phone).toBe('555-0101');
  });

  it('a first link’s merge left unwritten, then made moot by hand, is dropped; later changes flow both ways', async () => {
    const h = createHarness();
    const csoId = h.seed.cso('customer', person('Acme', 'a@shop.test'));
    const qboId = h.seed.qbo('Customer', person('Acme', 'a@shop.test'));
    await h.engine.synchronize();
    // As if the merge's write had failed: the link holds the decision.
    await h.links.put([{ ...linkOf(h, csoId), resolution: { keep: 'merge' } }]);
    expect((await h.engine.synchronize()).executed.ops.map((op) => op.kind)).toEqual(['link']);
    expect(linkOf(h, csoId)).not.toHaveProperty('resolution');
    h.qbo.edit({ kind: 'update', list: 'Customer', id: qboId, values: { email: 'new@shop.test' } });
    await h.engine.synchronize();
    expect(h.cso.list('customer').find((r) => r.id === csoId)!.email).toBe('new@shop.test');
  });

  it('a first link that writes stores the merge until it is written', async () => {
    const h = createHarness();
    const csoId = h.seed.cso('customer', person('Acme', null, '555-0100'));
    const qboId = h.seed.qbo('Customer', person('Acme', 'q@shop.test', '555-0199'));
    const report = await h.engine.synchronize();
    expect(report.executed.ops.find((op) => op.kind === 'link')?.snapshots?.resolution).toEqual({ keep: 'merge' });
    expect(h.cso.list('customer').find((r) => r.id === csoId)).toMatchObject({
      email: 'q@shop.test',
      phone: '555-0100',
    });
    expect(h.qbo.list('Customer').find((r) => r.id === qboId)).toMatchObject({
      email: 'q@shop.test',
      phone: '555-0100',
    });
    expect(linkOf(h, csoId)).not.toHaveProperty('resolution');
  });
});
