/**
 * Links kept in CStoreOffice (contract v1.3), over HTTP against both sandboxes: a second browser
 * profile with empty stores sees what the first one synchronized and writes nothing; a v1.2 server
 * still syncs with links kept in the browser; a run stopped between a QBO create and its link write
 * leaves no duplicate and the link is written when it resumes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealmMismatchError, type QboSource, type SyncRow } from '@/lib/sync';
import { csoDump, qboDump } from './dumps';
import { addRealm, advance, connect, csoControl, qboCounters, startSandboxes, type Sandboxes } from './harness';

let sb: Sandboxes;
beforeAll(async () => {
  sb = await startSandboxes();
});
afterAll(() => sb.stop());

interface CsoCounters {
  counters: { byTag: Record<string, number> };
}

/** QBO batch writes and CStoreOffice writes, for a company and realm. */
async function writeCounts(realmId: string, companyId: string) {
  const qbo = await qboCounters(sb, realmId);
  const cso = await csoControl<CsoCounters>(sb, `counters?company=${companyId}`);
  return { qbo: qbo.byTag['batch:write'] ?? 0, cso: cso.counters.byTag.write ?? 0 };
}

const view = (rows: SyncRow[]) => rows.map((r) => `${r.key} ${r.status} ${r.qboId ?? '-'} ${r.csoId ?? '-'}`).sort();

/** Each CStoreOffice record's QuickBooks link as the sandbox stores it: `type:id` → qbo id. */
async function heldLinks(companyId: string, realmId: string): Promise<Record<string, string>> {
  const dump = await csoDump(sb, companyId);
  const out: Record<string, string> = {};
  for (const [type, records] of Object.entries(dump))
    for (const r of records) {
      const qbo = r.raw.qbo as { realmId: string; id: string } | null | undefined;
      if (qbo && qbo.realmId === realmId && !r.raw.deleted) out[`${type}:${r.id}`] = qbo.id;
    }
  return out;
}

async function localLinks(c: Awaited<ReturnType<typeof connect>>): Promise<Record<string, string>> {
  return Object.fromEntries((await c.links.all()).map((l) => [`${l.csoType}:${l.csoId}`, l.qboId]));
}

describe('links kept in CStoreOffice', () => {
  it('a fresh profile sees every row as the first one left it, and its Synchronize writes nothing', async () => {
    const realmId = await addRealm(sb, 'convenience-store');
    const a = await connect(sb, realmId, '1', {}, 'cso');
    const first = await a.engine.synchronize({ confirmCreates: true });
    expect(first.failures).toEqual([]);
    advance(sb, 60_000);
    const linked = await localLinks(a);
    expect(Object.keys(linked).length).toBeGreaterThan(40);
    // Every link, name matches and creates in both directions, is held by CStoreOffice too.
    expect(await heldLinks('1', realmId)).toEqual(linked);

    // A's next run sees its own link writes as no edits: nothing to write.
    const again = await writeCounts(realmId, '1');
    const settled = await a.engine.synchronize();
    expect(settled.executed.ops.filter((op) => op.kind !== 'link')).toEqual([]);
    expect(await writeCounts(realmId, '1')).toEqual(again);
    const rowsA = view(settled.rows);

    const b = await connect(sb, realmId, '1', {}, 'cso');
    const preview = await b.engine.preview();
    expect(view(preview.rows)).toEqual(rowsA);
    expect(preview.rows.filter((r) => r.status === 'synchronized').length).toBeGreaterThan(40);
    const before = await writeCounts(realmId, '1');
    const report = await b.engine.synchronize();
    expect(await writeCounts(realmId, '1')).toEqual(before);
    expect(view(report.rows)).toEqual(rowsA);
    expect(await localLinks(b)).toEqual(linked);
  });

  it('a v1.2 server syncs as before: links stay in the browser and its second run writes nothing', async () => {
    await csoControl(sb, 'contract', { version: '1.2' });
    try {
      const realmId = await addRealm(sb, 'convenience-store');
      const c = await connect(sb, realmId, '2', {}, 'cso');
      const report = await c.engine.synchronize({ confirmCreates: true });
      expect(report.failures).toEqual([]);
      expect((await c.links.all()).length).toBeGreaterThan(20);
      advance(sb, 60_000);
      const before = await writeCounts(realmId, '2');
      const settled = await c.engine.synchronize();
      // Nothing written in QuickBooks; in CStoreOffice only the refused binding was asked for.
      expect((await writeCounts(realmId, '2')).qbo).toBe(before.qbo);
      expect(await heldLinks('2', realmId)).toEqual({});
      expect(settled.rows.filter((r) => r.status === 'synchronized').length).toBeGreaterThan(20);
      expect(await heldLinks('2', realmId)).toEqual({});
    } finally {
      await csoControl(sb, 'contract', { version: '1.3' });
    }
  });

  it('a run stopped between QBO creates and their link writes leaves no duplicate, and the links are written on resume', async () => {
    await csoControl(sb, 'reset', {});
    const realmId = await addRealm(sb, 'empty');
    const c = await connect(sb, realmId, '2', {}, 'cso');
    let batches = 0;
    const dying: QboSource = {
      ...c.qboSource,
      write: async (batch) => {
        const results = await c.qboSource.write(batch);
        // The worker dies once QuickBooks has applied the 2nd batch of creates, before anything is linked.
        if (++batches === 2) throw new Error('the worker stopped');
        return results;
      },
    };
    await expect(c.make({ qbo: dying }).synchronize()).rejects.toThrow(/worker stopped/);
    expect(await heldLinks('2', realmId)).toEqual({});

    // A link write that fails (CStoreOffice unavailable) is retried by the next run, too.
    await csoControl(sb, 'faults', {
      kind: 'status',
      status: 503,
      path: '/api/qbo-sync/v1/companies/2/*/*',
      method: 'PATCH',
      count: 1000,
    });
    const resumed = await c.make().synchronize();
    expect(resumed.resumed).toBe(true);
    const { counters } = await csoControl<CsoCounters>(sb, 'counters?company=2');
    expect(counters.byTag['fault:status:503']).toBeGreaterThan(0);
    expect(await heldLinks('2', realmId)).toEqual({});
    await csoControl(sb, 'faults', undefined, 'DELETE');
    advance(sb, 60_000);
    const last = await c.make().synchronize();
    expect(last.rows.filter((r) => r.status !== 'synchronized')).toEqual([]);

    const qbo = await qboDump(sb, realmId);
    for (const [list, records] of Object.entries(qbo)) {
      const names = records.map((r) => r.key.toLowerCase());
      expect(new Set(names).size, list).toBe(names.length);
    }
    const linked = await localLinks(c);
    expect(Object.keys(linked).length).toBeGreaterThan(20);
    expect(await heldLinks('2', realmId)).toEqual(linked);
  });

  it('CStoreOffice binds one company to one QuickBooks company, for every browser', async () => {
    await csoControl(sb, 'reset', {});
    const realmId = await addRealm(sb, 'empty');
    const a = await connect(sb, realmId, '1', {}, 'cso');
    await a.engine.synchronize({ confirmCreates: true });

    // The same QuickBooks company for another CStoreOffice company: refused, naming the first.
    const other = await connect(sb, realmId, '2', {}, 'cso');
    const before = await writeCounts(realmId, '2');
    const refused = other.engine.synchronize({ confirmCreates: true });
    await expect(refused).rejects.toBeInstanceOf(RealmMismatchError);
    await expect(refused).rejects.toThrow(/already linked to CStoreOffice company 1/);
    // Nothing written in QuickBooks; in CStoreOffice only the refused binding was asked for.
    expect((await writeCounts(realmId, '2')).qbo).toBe(before.qbo);
    expect(await heldLinks('2', realmId)).toEqual({});

    // The first company from another browser, connected to another QuickBooks company: refused too.
    const elsewhere = await connect(sb, await addRealm(sb, 'empty'), '1', {}, 'cso');
    await expect(elsewhere.engine.synchronize()).rejects.toThrow(new RegExp(`made with QuickBooks company ${realmId}`));

    // Until the first one's history is cleared: then the company is free for another QuickBooks company.
    await a.engine.actions.clearSyncHistory();
    expect(await heldLinks('1', realmId)).toEqual({});
    const report = await elsewhere.make().synchronize({ confirmCreates: true });
    expect(report.failures).toEqual([]);
    expect(Object.keys(await heldLinks('1', elsewhere.realmId)).length).toBeGreaterThan(10);
  });
});
