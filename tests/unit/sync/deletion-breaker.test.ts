/**
 * The deletion breaker: a run that would delete or deactivate more than max(3, 10 %) of a type's
 * linked records writes none of them until the user confirms the list; the rest of the run goes on.
 */
import { describe, expect, it } from 'vitest';
import { createHarness } from '../../fakes/harness';

const person = (name: string) => ({ name, companyName: null, email: null, phone: null, active: true });

async function linkedCustomers(n: number) {
  const h = createHarness();
  const ids = Array.from({ length: n }, (_, i) => h.seed.cso('customer', person(`Customer ${i}`)));
  await h.engine.synchronize();
  return { h, ids };
}

const inactiveInQbo = (h: ReturnType<typeof createHarness>) => h.qbo.list('Customer').filter((r) => !r.active).length;

describe('deletion breaker', () => {
  it.each([
    [12, 3, false],
    [12, 4, true],
    [50, 5, false],
    [50, 6, true],
  ])('%i linked, %i deleted in CStoreOffice: held for review = %s', async (linked, deleted, held) => {
    const { h, ids } = await linkedCustomers(linked);
    for (const id of ids.slice(0, deleted)) h.cso.edit({ kind: 'delete', list: 'customer', id });
    const report = await h.engine.synchronize();
    expect(report.heldDeletions.length > 0).toBe(held);
    expect(inactiveInQbo(h)).toBe(held ? 0 : deleted);
  });

  it('a manual run that would remove 5 of 12 customers writes none of them, but writes the rest, and says why on each row', async () => {
    const { h, ids } = await linkedCustomers(12);
    for (const id of ids.slice(0, 5)) h.cso.edit({ kind: 'delete', list: 'customer', id });
    h.seed.cso('customer', person('New Customer'));
    const report = await h.engine.synchronize();
    expect(inactiveInQbo(h)).toBe(0);
    expect(h.qbo.list('Customer').some((r) => r.name === 'New Customer')).toBe(true);
    expect(report.heldDeletions).toEqual([{ typeId: 'customer', count: 5, linked: 12, rows: expect.any(Array) }]);
    const heldKeys = report.heldDeletions[0]!.rows.map((r) => r.rowKey).sort();
    expect(heldKeys).toEqual(
      ids
        .slice(0, 5)
        .map((id) => `cso:customer:${id}`)
        .sort(),
    );
    for (const key of heldKeys) {
      const row = report.rows.find((r) => r.key === key)!;
      expect(row).toMatchObject({ status: 'waitingForDeletion', target: 'qbo', issue: { code: 'deletionHeld' } });
      expect(row.issue!.detail).toMatch(/5 of the 12 linked customers.*None of them was written/);
    }
    // Another run without confirmation holds them again; confirming the list writes them.
    expect((await h.engine.synchronize()).heldDeletions).toHaveLength(1);
    expect(inactiveInQbo(h)).toBe(0);
    const confirmed = await h.engine.synchronize({ confirmDeletions: heldKeys });
    expect(confirmed.heldDeletions).toEqual([]);
    expect(inactiveInQbo(h)).toBe(5);
    expect(confirmed.rows.filter((r) => r.status !== 'synchronized')).toEqual([]);
  });

  it('QBO making many records inactive is held the same way (they would become inactive in CStoreOffice)', async () => {
    const { h } = await linkedCustomers(10);
    for (const r of h.qbo.list('Customer').slice(0, 4)) h.qbo.edit({ kind: 'deactivate', list: 'Customer', id: r.id });
    const preview = await h.engine.preview();
    expect(preview.heldDeletions.map((x) => ({ typeId: x.typeId, count: x.count, target: x.rows[0]!.target }))).toEqual(
      [{ typeId: 'customer', count: 4, target: 'cso' }],
    );
    await h.engine.synchronize();
    expect(h.cso.list('customer').every((r) => r.active)).toBe(true);
  });
});
