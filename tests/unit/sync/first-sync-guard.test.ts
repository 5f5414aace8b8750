/**
 * A first sync asks before it fills CStoreOffice: more than 20 records to create there from
 * QuickBooks are held (the rest of the run goes ahead) until the user confirms, run after run.
 */
import { describe, expect, it } from 'vitest';
import { createHarness } from '../../fakes/harness';

const person = (name: string) => ({ name, companyName: null, email: null, phone: null, active: true });

function realmWithCustomers(n: number) {
  const h = createHarness();
  for (let i = 0; i < n; i++) h.seed.qbo('Customer', person(`QuickBooks Customer ${i}`));
  h.seed.cso('customer', person('Store Customer'));
  return h;
}

describe('first sync guard', () => {
  it.each([
    [20, false],
    [21, true],
  ])('%i records to create in CStoreOffice on a first sync: held = %s', async (n, held) => {
    const h = realmWithCustomers(n);
    const report = await h.engine.synchronize();
    expect(report.heldCreates !== null).toBe(held);
    expect(h.cso.list('customer')).toHaveLength(held ? 1 : n + 1);
  });

  it('holds them run after run with words on each row, writes everything else, and creates them once confirmed', async () => {
    const h = realmWithCustomers(25);
    const first = await h.engine.synchronize();
    expect(first.heldCreates).toMatchObject({ count: 25, byType: [{ typeId: 'customer', count: 25 }] });
    expect(first.heldCreates!.byType[0]!.names).toHaveLength(10);
    // The rest of the run went ahead: the store's own customer reached QuickBooks.
    expect(h.qbo.list('Customer').some((c) => c.name === 'Store Customer')).toBe(true);
    const row = first.rows.find((r) => r.key === first.heldCreates!.rowKeys[0])!;
    expect(row).toMatchObject({ status: 'waitingForCreation', target: 'cso', issue: { code: 'createsHeld' } });
    expect(row.issue!.detail).toMatch(/would create 25 records in CStoreOffice.*None was created/);
    // Links exist now, but the hold stands until the user confirms (an automatic run never does).
    expect((await h.engine.synchronize()).heldCreates?.count).toBe(25);
    expect(h.cso.list('customer')).toHaveLength(1);
    const confirmed = await h.engine.synchronize({ confirmCreates: true });
    expect(confirmed.heldCreates).toBeNull();
    expect(h.cso.list('customer')).toHaveLength(26);
    expect(confirmed.rows.filter((r) => r.status !== 'synchronized')).toEqual([]);
    // Later syncs of this connection create what QuickBooks adds without asking.
    for (let i = 0; i < 30; i++) h.seed.qbo('Customer', person(`Added later ${i}`));
    expect((await h.engine.synchronize()).heldCreates).toBeNull();
    expect(h.cso.list('customer')).toHaveLength(56);
  });

  it('the preview says what the first sync would hold', async () => {
    const h = realmWithCustomers(22);
    const preview = await h.engine.preview();
    expect(preview.heldCreates?.count).toBe(22);
  });
});
