import { describe, expect, it } from 'vitest';
import { createHarness } from '../../fakes/harness';

const acct = (name: string, extra: Record<string, string | boolean | null> = {}) => ({
  name,
  parentId: null,
  number: null,
  accountType: 'Income',
  description: null,
  active: true,
  ...extra,
});
const contact = (name: string, extra: Record<string, string | boolean | null> = {}) => ({
  name,
  companyName: null,
  email: null,
  phone: null,
  active: true,
  ...extra,
});

describe('a first synchronization', () => {
  it('links equal names, creates the rest on both sides, and a second run plans nothing', async () => {
    const h = createHarness({ defaultIncomeAccountId: null });
    const sales = h.seed.cso('account', acct('Sales'));
    h.seed.cso('account', acct('Fuel', { parentId: sales }));
    h.seed.cso('customer', contact('Acme'));
    h.seed.qbo('Customer', contact('Acme'));
    h.seed.qbo('Customer', contact('Only In QBO'));
    h.seed.cso('dataType', { name: 'Gas sales', creditAccountId: sales, active: true });

    const first = await h.engine.synchronize();
    expect(first.failures).toEqual([]);
    expect(
      h.qbo
        .list('Account')
        .map((a) => a.name)
        .sort(),
    ).toEqual(['Fuel', 'Sales']);
    expect(
      h.cso
        .list('customer')
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Acme', 'Only In QBO']);
    expect(h.qbo.list('Item').map((i) => i.name)).toEqual(['Gas sales']);
    expect(first.rows.every((r) => r.status === 'synchronized')).toBe(true);

    const second = await h.engine.preview();
    expect(second.plan.ops).toEqual([]);
  });
});
