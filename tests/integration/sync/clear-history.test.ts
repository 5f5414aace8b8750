/**
 * Clear Sync History, then Synchronize: every pair is linked again by name. Where both sides
 * already agree (parents, credit accounts and tax ids included), the re-link writes nothing to QBO.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRealm, advance, connect, qboCounters, startSandboxes, type Sandboxes } from './harness';

let sb: Sandboxes;
beforeAll(async () => {
  sb = await startSandboxes();
});
afterAll(() => sb.stop());

describe('Synchronize after Clear Sync History', () => {
  it('re-links the demo company without rewriting a QBO record whose values agree', async () => {
    const realmId = await addRealm(sb, 'convenience-store');
    const c = await connect(sb, realmId);
    await c.engine.synchronize({ confirmCreates: true });
    advance(sb, 60_000);
    const linked = (await c.links.all()).length;
    expect(linked).toBeGreaterThan(40);

    await c.engine.actions.clearSyncHistory();
    advance(sb, 60_000);
    const preview = await c.engine.preview();
    const writes = preview.plan.ops.filter((op) => op.kind !== 'link');
    expect(writes.map((op) => `${op.typeId} ${op.kind} ${Object.keys(op.values).join(',')}`)).toEqual([]);

    const before = await qboCounters(sb, realmId);
    const report = await c.engine.synchronize({ confirmCreates: true });
    const after = await qboCounters(sb, realmId);
    expect((after.byTag['batch:write'] ?? 0) - (before.byTag['batch:write'] ?? 0)).toBe(0);
    expect(report.failures).toEqual([]);
    expect((await c.links.all()).length).toBe(linked);
  });
});
