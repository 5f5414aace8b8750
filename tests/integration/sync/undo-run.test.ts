/**
 * Undo a run over HTTP against both sandboxes: a run that created, updated and deactivated on both
 * sides is undone; one Synchronize later both systems hold what they agreed on before it, what it
 * created stays removed (and its row says why), and a record changed after the run is left alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRow } from '@/lib/sync';
import { csoDump, qboDump } from './dumps';
import { addRealm, advance, connect, csoControl, startSandboxes, type Connection, type Sandboxes } from './harness';

let sb: Sandboxes;
beforeAll(async () => {
  sb = await startSandboxes();
});
afterAll(() => sb.stop());

const COMPANY = '2';
const row = (rows: SyncRow[], name: string): SyncRow => {
  const found = rows.filter((r) => r.name === name);
  expect(found, `row “${name}”`).toHaveLength(1);
  return found[0]!;
};
const csoEdit = (segment: string, id: string, patch: Record<string, unknown>) =>
  csoControl(sb, `companies/${COMPANY}/${segment}/${id}`, patch, 'PATCH');
const csoCreate = (segment: string, values: Record<string, unknown>) =>
  csoControl<{ id: string }>(sb, `companies/${COMPANY}/${segment}`, values);
const csoDelete = (segment: string, id: string) =>
  fetch(`${sb.cso.url}/__sandbox/companies/${COMPANY}/${segment}/${id}`, { method: 'DELETE' });

async function qboRecord(c: Connection, entity: 'Customer' | 'Vendor', id: string) {
  return (await c.qboClient.read(entity, id)) as unknown as Record<string, unknown> & {
    Id: string;
    SyncToken: string;
    Active: boolean;
    DisplayName: string;
  };
}

/** Each side's customers and vendors as name → active, phone: what a user would compare. */
async function picture(c: Connection) {
  const [cso, qbo] = await Promise.all([csoDump(sb, COMPANY), qboDump(sb, c.realmId)]);
  const csoSide = [...cso.customer, ...cso.priceBookVendor, ...cso.accountingVendor].map(
    (r) => `${r.key}|${r.active}|${(r.raw.phone as string | null) ?? ''}`,
  );
  const qboSide = [...qbo.Customer!, ...qbo.Vendor!].map(
    (r) =>
      `${r.key}|${r.active}|${(r.raw.PrimaryPhone as { FreeFormNumber?: string } | undefined)?.FreeFormNumber ?? ''}`,
  );
  return { cso: csoSide.sort(), qbo: qboSide.sort() };
}

describe('undo a run', () => {
  it('puts back creates, updates and deactivations on both sides; one Synchronize later both agree as before', async () => {
    const c = await connect(sb, await addRealm(sb, 'empty'), COMPANY);
    const first = await c.engine.synchronize({ runId: 'first' });
    expect(first.rows.filter((r) => r.status !== 'synchronized')).toEqual([]);
    advance(sb, 60_000);
    const before = await picture(c);

    // Changes on both sides that the run carries over.
    const wheat = row(first.rows, 'Kansas Wheat Co-op');
    await c.qboClient.update(
      'Customer',
      await qboRecord(c, 'Customer', wheat.qboId!),
      { DisplayName: 'Kansas Wheat Cooperative' },
      { requestId: 'u-1' },
    );
    const cintas = row(first.rows, 'Cintas Uniforms');
    await c.qboClient.deactivate('Vendor', await qboRecord(c, 'Vendor', cintas.qboId!), { requestId: 'u-2' });
    await c.qboClient.create('Customer', { DisplayName: 'Prairie Fuel Fleet' }, { requestId: 'u-3' });
    const evergy = row(first.rows, 'Evergy Electric');
    expect((await csoDelete('accounting-vendors', evergy.csoId!)).ok).toBe(true);
    await csoCreate('customers', { name: 'Wichita Car Wash' });
    const sunflower = row(first.rows, 'Sunflower School District');
    await csoEdit('customers', sunflower.csoId!, { phone: '(316) 555-0001' });
    advance(sb, 60_000);
    const run = await c.engine.synchronize({ runId: 'r1' });
    expect(run.failures).toEqual([]);
    expect(run.writes.map((w) => `${w.kind}:${w.side}:${w.name}`).sort()).toEqual(
      [
        'update:cso:Kansas Wheat Cooperative',
        'update:cso:Cintas Uniforms',
        'create:cso:Prairie Fuel Fleet',
        'deactivate:qbo:Evergy Electric',
        'create:qbo:Wichita Car Wash',
        'update:qbo:Sunflower School District',
      ].sort(),
    );
    advance(sb, 60_000);

    const undone = await c.engine.undo('r1');
    expect(undone).toEqual({ counts: { reactivated: 1, restored: 3, removed: 2 }, refused: [] });
    advance(sb, 60_000);
    const after = await c.engine.synchronize();
    expect(after.failures).toEqual([]);
    advance(sb, 60_000);
    expect((await c.engine.synchronize()).executed.ops).toEqual([]);

    const now = await picture(c);
    // Evergy came back to CStoreOffice (a new record, as a create); Wichita Car Wash stays in
    // CStoreOffice only, its QuickBooks copy inactive; Prairie Fuel Fleet stays in QuickBooks only.
    expect(now.cso).toEqual([...before.cso, 'Wichita Car Wash|true|'].sort());
    expect(now.qbo).toEqual([...before.qbo, 'Prairie Fuel Fleet|true|', 'Wichita Car Wash|false|'].sort());
    const rows = await c.engine.rows();
    for (const name of ['Prairie Fuel Fleet', 'Wichita Car Wash'])
      expect(row(rows, name)).toMatchObject({ status: 'error', issue: { title: 'Creation undone' } });
  });

  it('a record changed in CStoreOffice after the run is not undone, and its row says so', async () => {
    await csoControl(sb, 'reset', {});
    const c = await connect(sb, await addRealm(sb, 'empty'), COMPANY);
    const first = await c.engine.synchronize();
    advance(sb, 60_000);
    const wheat = row(first.rows, 'Kansas Wheat Co-op');
    await c.qboClient.update(
      'Customer',
      await qboRecord(c, 'Customer', wheat.qboId!),
      { DisplayName: 'Kansas Wheat Cooperative' },
      { requestId: 'v-1' },
    );
    advance(sb, 60_000);
    await c.engine.synchronize({ runId: 'r1' });
    const cso = await csoDump(sb, COMPANY);
    const wheatCso = cso.customer.find((r) => r.key === 'Kansas Wheat Cooperative')!;
    await csoEdit('customers', wheatCso.id, { phone: '(316) 555-0199' });
    advance(sb, 60_000);

    const undone = await c.engine.undo('r1');
    expect(undone.counts).toEqual({ reactivated: 0, restored: 0, removed: 0 });
    expect(undone.refused).toEqual([
      expect.objectContaining({
        name: 'Kansas Wheat Cooperative',
        detail: expect.stringContaining('it was changed in CStoreOffice after that run'),
      }),
    ]);
    expect((await csoDump(sb, COMPANY)).customer.find((r) => r.id === wheatCso.id)?.key).toBe(
      'Kansas Wheat Cooperative',
    );
    const held = await c.engine.synchronize();
    expect(row(held.rows, 'Kansas Wheat Cooperative')).toMatchObject({
      status: 'error',
      issue: { title: 'Not undone' },
    });
    expect(held.executed.ops).toEqual([]);
  });
});
