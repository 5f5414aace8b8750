/**
 * A price book vendor and an accounting vendor sharing one QBO vendor (DESIGN §3): when both would
 * write different values to the same field, that is a conflict on both rows, never a silent
 * "last one wins".
 */
import { describe, expect, it } from 'vitest';
import { createHarness } from '../../fakes/harness';

const vendor = (name: string, extra: Record<string, string | boolean | null> = {}) => ({
  name,
  companyName: null,
  email: null,
  phone: null,
  active: true,
  ...extra,
});

async function shared() {
  const h = createHarness();
  const pb = h.seed.cso('priceBookVendor', vendor('Acme', { email: 'orders@acme.test' }));
  const av = h.seed.cso('accountingVendor', vendor('Acme', { email: 'orders@acme.test' }));
  const first = await h.engine.synchronize();
  expect(first.failures).toEqual([]);
  expect(h.qbo.list('Vendor')).toHaveLength(1);
  return { h, pb, av };
}

describe('two vendor kinds sharing one QBO vendor', () => {
  it('both changing the email differently is a conflict on both rows, and nothing is written', async () => {
    const { h, pb, av } = await shared();
    h.cso.edit({ kind: 'update', list: 'priceBookVendor', id: pb, values: { email: 'pb@acme.test' } });
    h.cso.edit({ kind: 'update', list: 'accountingVendor', id: av, values: { email: 'ap@acme.test' } });
    const preview = await h.engine.preview();
    const pbRow = preview.rows.find((r) => r.key === `cso:priceBookVendor:${pb}`)!;
    const avRow = preview.rows.find((r) => r.key === `cso:accountingVendor:${av}`)!;
    expect([pbRow.status, pbRow.issue?.code, avRow.status, avRow.issue?.code]).toEqual([
      'error',
      'sharedConflict',
      'error',
      'sharedConflict',
    ]);
    expect(pbRow.issue?.detail).toMatch(/accounting vendor “Acme”.*email “pb@acme\.test” here, “ap@acme\.test” there/);
    expect(preview.plan.ops).toEqual([]);
    await h.engine.synchronize();
    expect(h.qbo.list('Vendor')[0]?.email).toBe('orders@acme.test');

    // Once they agree, the value goes to QuickBooks.
    h.cso.edit({ kind: 'update', list: 'accountingVendor', id: av, values: { email: 'pb@acme.test' } });
    const report = await h.engine.synchronize();
    expect(report.rows.every((r) => r.status === 'synchronized')).toBe(true);
    expect(h.qbo.list('Vendor')[0]?.email).toBe('pb@acme.test');
  });

  it('one changing the email, the other the phone, both reach QuickBooks and each other', async () => {
    const { h, pb, av } = await shared();
    h.cso.edit({ kind: 'update', list: 'priceBookVendor', id: pb, values: { email: 'pb@acme.test' } });
    h.cso.edit({ kind: 'update', list: 'accountingVendor', id: av, values: { phone: '555-0101' } });
    const report = await h.engine.synchronize();
    expect(report.failures).toEqual([]);
    expect(report.rows.every((r) => r.status === 'synchronized')).toBe(true);
    expect(h.qbo.list('Vendor').map((v) => [v.email, v.phone])).toEqual([['pb@acme.test', '555-0101']]);
    expect(h.cso.list('priceBookVendor').map((v) => [v.email, v.phone])).toEqual([['pb@acme.test', '555-0101']]);
    expect(h.cso.list('accountingVendor').map((v) => [v.email, v.phone])).toEqual([['pb@acme.test', '555-0101']]);
  });

  it('a rename QuickBooks would refuse for one kind is not passed on to the other kind', async () => {
    const { h, pb, av } = await shared();
    h.qbo.addEmployee('Acme Fuel');
    h.cso.edit({ kind: 'update', list: 'accountingVendor', id: av, values: { name: 'Acme fuel' } });
    const report = await h.engine.synchronize();
    expect(report.failures).toEqual([]);
    expect(h.qbo.list('Vendor').map((v) => v.name)).toEqual(['Acme']);
    expect(h.cso.list('priceBookVendor').map((v) => v.name)).toEqual(['Acme']);
    const avRow = report.rows.find((r) => r.key === `cso:accountingVendor:${av}`)!;
    const pbRow = report.rows.find((r) => r.key === `cso:priceBookVendor:${pb}`)!;
    expect(avRow.issue?.code).toBe('namespaceCollision');
    expect(pbRow.issue?.code).toBe('blocked');
    expect(pbRow.issue?.detail).toContain('the accounting vendor “Acme fuel”');
    expect((await h.engine.synchronize()).executed.ops).toEqual([]);
  });

  it('both new with different emails: a conflict on both rows in words, no vendor created; made the same, one vendor', async () => {
    const h = createHarness();
    const pb = h.seed.cso('priceBookVendor', vendor('Acme', { email: 'orders@acme.test' }));
    const av = h.seed.cso('accountingVendor', vendor('Acme', { email: 'ar@acme.test' }));
    const first = await h.engine.synchronize();
    expect(h.qbo.list('Vendor')).toHaveLength(0);
    const rows = first.rows.filter((r) => r.name === 'Acme');
    expect(rows.map((r) => [r.typeId, r.status, r.issue?.code])).toEqual([
      ['priceBookVendor', 'error', 'sharedConflict'],
      ['accountingVendor', 'error', 'sharedConflict'],
    ]);
    expect(rows[0]!.issue?.detail).toContain('email “orders@acme.test” here, “ar@acme.test” there');
    expect(rows[0]!.issue?.detail).toContain('accounting vendor “Acme”');
    expect(rows[1]!.issue?.detail).toContain('price book vendor “Acme”');

    h.cso.edit({ kind: 'update', list: 'accountingVendor', id: av, values: { email: 'orders@acme.test' } });
    const second = await h.engine.synchronize();
    expect(h.qbo.list('Vendor')).toHaveLength(1);
    const linked = second.rows.filter((r) => r.name === 'Acme');
    expect(linked.every((r) => r.status === 'synchronized')).toBe(true);
    expect(new Set(linked.map((r) => r.qboId)).size).toBe(1);
    expect(pb).not.toBe(av);
  });
});
