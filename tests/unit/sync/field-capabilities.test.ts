/**
 * Which fields travel: only those both sides hold are compared (each type's module, lib/entities/types).
 * CStoreOffice vendors have no company name, so a QBO vendor's CompanyName neither travels nor
 * shows up as a difference; the tax id is written to QBO but never compared (QBO masks it).
 */
import { describe, expect, it } from 'vitest';
import { ENTITY_MODULES } from '../../../lib/entities';
import { comparedFields } from '../../../lib/sync';
import { FIELD_CAPABILITIES } from '../../../lib/sync/fields';
import { createHarness } from '../../fakes/harness';

const person = (name: string, extra: Record<string, string | boolean | null> = {}) => ({
  name,
  companyName: null,
  email: null,
  phone: null,
  active: true,
  ...extra,
});

describe('fields each side carries', () => {
  it.each([
    ['customer', 'cso', ['name', 'companyName', 'email', 'phone', 'active']],
    ['customer', 'qbo', ['name', 'companyName', 'email', 'phone', 'active']],
    ['priceBookVendor', 'cso', ['name', 'email', 'phone', 'active', 'taxId']],
    ['accountingVendor', 'qbo', ['name', 'email', 'phone', 'active']],
    ['account', 'qbo', ['name', 'parentId', 'number', 'accountType', 'detailType', 'description', 'active']],
    ['dataType', 'cso', ['name', 'creditAccountId', 'debitAccountId', 'active']],
  ] as const)('%s on the %s side compares %j', (typeId, side, fields) => {
    expect(comparedFields(typeId, side)).toEqual(fields);
  });

  it('the table covers every field of every type’s domain record', () => {
    for (const m of ENTITY_MODULES)
      for (const f of Object.keys(m.schema.shape))
        if (f !== 'id') expect(FIELD_CAPABILITIES[m.id][f], `${m.id}.${f}`).toBeDefined();
  });

  it('a QBO vendor’s company name is left alone and never shows as a difference', async () => {
    const h = createHarness();
    h.seed.cso('accountingVendor', person('Acme', { email: 'a@acme.test' }));
    const q = h.seed.qbo('Vendor', person('Acme', { companyName: 'Acme Holdings LLC' }));
    const first = await h.engine.synchronize();
    expect(first.failures).toEqual([]);
    expect(first.executed.ops.map((o) => `${o.kind}:${o.target ?? '-'}:${Object.keys(o.values).join(',')}`)).toEqual([
      'link:-:',
      'update:qbo:email',
    ]);
    expect(h.qbo.list('Vendor').find((v) => v.id === q)?.companyName).toBe('Acme Holdings LLC');
    expect((await h.engine.preview()).plan.ops).toEqual([]);

    h.qbo.edit({ kind: 'update', list: 'Vendor', id: q, values: { companyName: 'Acme Group' } });
    const after = await h.engine.preview();
    expect(after.plan.ops).toEqual([]);
    expect(after.rows.every((r) => r.status === 'synchronized')).toBe(true);
  });

  it('a vendor only in QBO is created in CStoreOffice without a company name field', async () => {
    const h = createHarness();
    h.seed.qbo('Vendor', person('Only QBO', { companyName: 'Only QBO Inc', phone: '555' }));
    const { plan } = await h.engine.preview();
    expect(plan.ops.map((o) => [o.kind, o.target, Object.keys(o.values)])).toEqual([
      ['create', 'cso', ['name', 'email', 'phone', 'active']],
    ]);
  });
});
