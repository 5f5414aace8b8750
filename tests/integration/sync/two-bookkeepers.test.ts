/**
 * Two bookkeepers on one company, each with their own browser (separate stores), against both
 * sandboxes over HTTP with the links and decisions kept in CStoreOffice (contract v1.3): what one
 * decides the other sees, and both synchronizing at the same moment end with no duplicate and the
 * same table.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SyncRow } from '@/lib/sync';
import { csoDump, qboDump } from './dumps';
import { addRealm, advance, connect, csoControl, qboCounters, startSandboxes, type Sandboxes } from './harness';

let sb: Sandboxes;
beforeAll(async () => {
  sb = await startSandboxes();
});
afterAll(() => sb.stop());
beforeEach(async () => {
  await csoControl(sb, 'reset', {});
});

const COMPANY = '2';
const row = (rows: SyncRow[], name: string): SyncRow => {
  const found = rows.filter((r) => r.name === name);
  expect(found, `row “${name}”`).toHaveLength(1);
  return found[0]!;
};
const view = (rows: SyncRow[]) =>
  rows.map((r) => `${r.key} ${r.status} ${r.ignored ? 'ignored ' : ''}${r.qboId ?? '-'} ${r.issue?.code ?? ''}`).sort();
const csoCreate = (segment: string, values: Record<string, unknown>) =>
  csoControl<{ id: string }>(sb, `companies/${COMPANY}/${segment}`, values);
const csoEdit = (segment: string, id: string, patch: Record<string, unknown>) =>
  csoControl(sb, `companies/${COMPANY}/${segment}/${id}`, patch, 'PATCH');
/** The company's shared decisions as CStoreOffice serves them to any browser. */
async function syncState(): Promise<{ ignores: unknown[]; manualLinks: unknown[]; resolutions: unknown[] }> {
  const { cookie } = await csoControl<{ cookie: string }>(sb, 'sessions', {});
  const res = await fetch(`${sb.cso.url}/api/qbo-sync/v1/companies/${COMPANY}/qbo-sync`, {
    headers: { Cookie: cookie },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { ignores: unknown[]; manualLinks: unknown[]; resolutions: unknown[] };
}
const qboWrites = async (realmId: string) => (await qboCounters(sb, realmId)).byTag['batch:write'] ?? 0;

/** Names held twice on one side: a duplicate made by two runs racing. */
async function duplicates(realmId: string): Promise<string[]> {
  const [cso, qbo] = await Promise.all([csoDump(sb, COMPANY), qboDump(sb, realmId)]);
  const twice = (lists: Record<string, { key: string; active: boolean }[]>) =>
    Object.entries(lists).flatMap(([list, records]) => {
      const seen = new Set<string>();
      return records.filter((r) => r.active && (seen.has(r.key) || !seen.add(r.key))).map((r) => `${list}:${r.key}`);
    });
  return [...twice(cso), ...twice(qbo)];
}

async function qboVendor(c: Awaited<ReturnType<typeof connect>>, id: string) {
  return (await c.qboClient.read('Vendor', id)) as unknown as Record<string, unknown> & {
    Id: string;
    SyncToken: string;
  };
}

describe('two bookkeepers, one company', () => {
  it('an ignore, a link made by hand and a Keep QuickBooks made in one browser are carried out by the other', async () => {
    const realmId = await addRealm(sb, 'empty');
    const a = await connect(sb, realmId, COMPANY, {}, 'cso');
    const first = await a.engine.synchronize();
    expect(first.rows.filter((r) => r.status !== 'synchronized')).toEqual([]);
    advance(sb, 60_000);

    // B has opened the manager before: it knows what both sides held at the last sync.
    const b = await connect(sb, realmId, COMPANY, {}, 'cso');
    await b.engine.preview();
    await csoCreate('customers', { name: 'Route 81: Truck Stop' });
    const near = await csoCreate('customers', { name: 'Wichita Fleet Services' });
    await a.qboClient.create('Customer', { DisplayName: 'WICHITA FLEET SERVICES' }, { requestId: 'near-1' });
    const pepsi = row(first.rows, 'Pepsi Beverages');
    await csoEdit('price-book-vendors', pepsi.csoId!, { phone: '(316) 555-0100' });
    await a.qboClient.update(
      'Vendor',
      await qboVendor(a, pepsi.qboId!),
      { PrimaryPhone: { FreeFormNumber: '(316) 555-0200' } },
      { requestId: 'edit-1' },
    );
    advance(sb, 60_000);

    // B decides the three rows.
    const seen = (await b.engine.preview()).rows;
    expect(row(seen, 'Route 81: Truck Stop').issue?.code).toBe('invalidName');
    expect(row(seen, 'Wichita Fleet Services').issue?.code).toBe('nearMatch');
    expect(row(seen, 'Pepsi Beverages').issue?.code).toBe('conflict');
    expect(await b.engine.actions.ignoreIssues([row(seen, 'Route 81: Truck Stop').key])).toEqual({
      ok: true,
      changed: 1,
    });
    expect(await b.engine.actions.linkNearMatch(row(seen, 'Wichita Fleet Services').key)).toEqual({
      ok: true,
      changed: 1,
    });
    expect(await b.engine.actions.resolveConflict(row(seen, 'Pepsi Beverages').key, 'qbo')).toEqual({
      ok: true,
      changed: 1,
    });
    expect(await syncState()).toMatchObject({
      ignores: [expect.objectContaining({ type: 'customer', side: 'cso' })],
      manualLinks: [expect.objectContaining({ type: 'customer', id: near.id })],
      resolutions: [
        expect.objectContaining({ id: near.id, keep: 'cso' }),
        expect.objectContaining({ id: pepsi.csoId, keep: 'qbo' }),
      ],
    });

    // A sees them at its next read, and its Synchronize carries them out.
    const inA = (await a.engine.preview()).rows;
    expect(row(inA, 'Route 81: Truck Stop')).toMatchObject({ status: 'synchronized', ignored: true });
    expect(row(inA, 'Wichita Fleet Services').issue?.code).not.toBe('nearMatch');
    expect(row(inA, 'Pepsi Beverages').issue?.code).not.toBe('conflict');
    const done = await a.engine.synchronize();
    expect(done.failures).toEqual([]);
    expect(done.rows.filter((r) => r.status !== 'synchronized')).toEqual([]);
    const [cso, qbo] = await Promise.all([csoDump(sb, COMPANY), qboDump(sb, realmId)]);
    expect(cso.priceBookVendor.find((r) => r.id === pepsi.csoId)?.raw.phone).toBe('(316) 555-0200');
    expect(qbo.Customer!.filter((r) => r.key.toLowerCase() === 'wichita fleet services').map((r) => r.key)).toEqual([
      'Wichita Fleet Services',
    ]);
    // Carried out: the resolutions leave the shared list; the ignore and the hand-made link stay.
    expect(await syncState()).toMatchObject({
      ignores: [expect.anything()],
      manualLinks: [expect.anything()],
      resolutions: [],
    });

    // B, whose copy still holds its decisions, writes nothing and shows A's table.
    advance(sb, 60_000);
    const before = await qboWrites(realmId);
    const inB = await b.engine.synchronize();
    expect(await qboWrites(realmId)).toBe(before);
    expect(view(inB.rows)).toEqual(view(done.rows));
  });

  it('both synchronizing at the same moment after edits on both sides end with no duplicate and the same rows', async () => {
    const realmId = await addRealm(sb, 'empty');
    const a = await connect(sb, realmId, COMPANY, {}, 'cso');
    expect((await a.engine.synchronize()).failures).toEqual([]);
    advance(sb, 60_000);
    const b = await connect(sb, realmId, COMPANY, {}, 'cso');
    await b.engine.preview();

    await csoCreate('customers', { name: 'Sunflower Cab Co' });
    await csoCreate('classes', { name: 'Car Wash' });
    await a.qboClient.create('Customer', { DisplayName: 'Prairie Haulers' }, { requestId: 'qbo-new-1' });
    const pepsi = row(await a.engine.rows(), 'Pepsi Beverages');
    await a.qboClient.update(
      'Vendor',
      await qboVendor(a, pepsi.qboId!),
      { PrimaryPhone: { FreeFormNumber: '(316) 555-0300' } },
      { requestId: 'edit-2' },
    );
    advance(sb, 60_000);

    const [ra, rb] = await Promise.all([a.engine.synchronize(), b.engine.synchronize()]);
    expect(await duplicates(realmId)).toEqual([]);
    // The loser of a race re-reads: after one more look each, both show the same settled table.
    advance(sb, 60_000);
    const [va, vb] = [(await a.engine.preview()).rows, (await b.engine.preview()).rows];
    expect(view(vb)).toEqual(view(va));
    expect(va.filter((r) => r.status !== 'synchronized').map((r) => `${r.name} ${r.status}`)).toEqual([]);
    expect(await duplicates(realmId)).toEqual([]);
    expect([...ra.failures, ...rb.failures].map((f) => f.title)).toEqual([]);
  });
});
