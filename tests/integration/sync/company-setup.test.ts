/**
 * A company's setup against both sandboxes over HTTP: directions per type hold over three runs with
 * edits on both sides, and a QuickBooks company with class and location tracking off (as Intuit
 * creates it) gets no class or location write it would refuse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csoDump, qboDump } from './dumps';
import { addRealm, advance, connect, qboControl, startSandboxes, type Sandboxes } from './harness';

let sb: Sandboxes;
beforeAll(async () => {
  sb = await startSandboxes();
});
afterAll(() => sb.stop());

describe('directions per type', () => {
  it('hold over three runs with edits on both sides', async () => {
    const realmId = await addRealm(sb, 'convenience-store');
    const c = await connect(sb, realmId, '1', { directions: { customer: 'toQbo', class: 'toCso' } });
    const customersBefore = (await csoDump(sb, c.companyId)).customer.map((r) => r.key);
    const classesInQbo = (await qboDump(sb, realmId)).Class!.map((r) => r.key).sort();
    for (let run = 1; run <= 3; run++) {
      const report = await c.engine.synchronize({ confirmCreates: true });
      expect(report.failures).toEqual([]);
      const writes = report.executed.ops.filter((op) => op.kind !== 'link');
      expect(writes.filter((op) => op.typeId === 'customer' && op.target === 'cso')).toEqual([]);
      expect(writes.filter((op) => op.typeId === 'class' && op.target === 'qbo')).toEqual([]);
      // Edits on both sides before the next run: a QuickBooks customer and a CStoreOffice class.
      const qboCustomer = (await qboDump(sb, realmId)).Customer!.find((r) => r.active)!;
      const current = await c.qboClient.read('Customer', qboCustomer.id);
      await c.qboClient.update('Customer', current, { CompanyName: `Edited ${run}` }, { requestId: `edit-${run}` });
      advance(sb, 60_000);
    }
    // No QuickBooks-only customer reached CStoreOffice; no CStoreOffice-only class reached QuickBooks.
    const customersAfter = (await csoDump(sb, c.companyId)).customer.map((r) => r.key);
    expect(customersAfter.filter((k) => !customersBefore.includes(k))).toEqual([]);
    expect((await qboDump(sb, realmId)).Class!.map((r) => r.key).sort()).toEqual(classesInQbo);
  });
});

describe('a QuickBooks company with tracking off', () => {
  it('gets no class or location write, and says so on each such row', async () => {
    await qboControl(sb, 'switches', { enforceTrackingPrefs: true }, 'PUT');
    try {
      const realmId = await addRealm(sb, 'new-company');
      const probe = await connect(sb, realmId, '2');
      const qboPrefs = await probe.qboClient.companyPreferences();
      expect(qboPrefs).toMatchObject({ classTracking: false, locationTracking: false, accountNumbers: false });
      const c = await connect(sb, realmId, '2', { qboPrefs });
      const report = await c.engine.synchronize({ confirmCreates: true });
      expect(report.failures).toEqual([]);
      expect(
        report.executed.ops.filter((op) => op.target === 'qbo' && ['class', 'location'].includes(op.typeId)),
      ).toEqual([]);
      const classRows = report.rows.filter((r) => r.typeId === 'class' || r.typeId === 'location');
      expect(classRows.length).toBeGreaterThan(0);
      for (const row of classRows) {
        expect(row.statusText).toBe('CStoreOffice only (not sent)');
        expect(row.issue?.detail).toMatch(/tracking is off in QuickBooks/);
      }
      // Account numbers are off: accounts went without them.
      const numbered = (await qboDump(sb, realmId)).Account!.filter((a) => a.raw.AcctNum);
      expect(numbered).toEqual([]);
    } finally {
      await qboControl(sb, 'switches', { enforceTrackingPrefs: false }, 'PUT');
    }
  });
});
