import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QboSandbox } from '@/sandbox/qbo/index';
import { clientFor, startSandbox } from './harness';

const DAY = 86_400_000;
let sandbox: QboSandbox;
let realmId: string;
let seq = 0;
const rid = (): string => `cdc-${(seq += 1)}`;

beforeAll(async () => {
  sandbox = await startSandbox([{ seed: 'convenience-store' }]);
  realmId = sandbox.realmIds[0]!;
});
afterAll(() => sandbox.stop());

describe('CDC against the QBO sandbox', () => {
  it('returns what changed since the cursor, deactivations as full records, and a cursor for next time', async () => {
    const { client } = clientFor(sandbox, realmId);
    sandbox.clock.advance(DAY);
    const since = new Date(sandbox.clock.now()).toISOString();
    sandbox.clock.advance(60_000);
    const vendor = await client.create('Vendor', { DisplayName: 'CDC Fresh Vendor' }, { requestId: rid() });
    const cls = await client.create('Class', { Name: 'CDC Class' }, { requestId: rid() });
    await client.deactivate('Class', cls, { requestId: rid() });
    sandbox.clock.advance(1000); // the cursor is inclusive: a change at the cursor's instant comes again

    const changes = await client.changesSince(['Vendor', 'Class', 'Account'], since);
    expect(changes.fallbacks).toEqual([]);
    expect(changes.changed.Vendor?.map((v) => v.Id)).toEqual([vendor.Id]);
    expect(changes.changed.Class).toMatchObject([{ Id: cls.Id, Active: false }]);
    expect(changes.changed.Account ?? []).toEqual([]);

    sandbox.clock.advance(60_000);
    const again = await client.changesSince(['Vendor', 'Class'], changes.cursor);
    expect(again.changed.Vendor ?? []).toEqual([]);
    expect(again.changed.Class ?? []).toEqual([]);
  });

  it('past 30 days reads changed records with a query instead, and says so', async () => {
    const { client } = clientFor(sandbox, realmId);
    const since = new Date(sandbox.clock.now() - 45 * DAY);
    const changes = await client.changesSince(['Vendor'], since);
    expect(changes.fallbacks).toEqual([{ entity: 'Vendor', reason: 'older-than-30-days' }]);
    expect(changes.changed.Vendor?.some((v) => v.DisplayName === 'CDC Fresh Vendor')).toBe(true);
  });

  it('when more than 1000 objects changed, splits per entity and pages the capped one', async () => {
    const { client } = clientFor(sandbox, realmId);
    const since = new Date(sandbox.clock.now()).toISOString();
    sandbox.clock.advance(1000);
    await client.batch(
      Array.from({ length: 30 }, (_, i) => ({
        key: i,
        operation: 'create' as const,
        entity: 'Vendor' as const,
        body: { DisplayName: `Cap vendor ${i}` },
      })),
      { requestId: rid() },
    );
    // 1,050 accounts through batches: over CDC's 1000-object cap on their own.
    const items = Array.from({ length: 1050 }, (_, i) => ({
      key: i,
      operation: 'create' as const,
      entity: 'Account' as const,
      body: { Name: `Cap account ${i}`, AccountType: 'Expense' },
    }));
    const out = await client.batch(items, { requestId: 'cap-acc' });
    expect(out.every((o) => o.ok)).toBe(true);

    const changes = await client.changesSince(['Account', 'Vendor'], since);
    expect(changes.fallbacks).toEqual([{ entity: 'Account', reason: 'capped' }]);
    expect(changes.changed.Account?.filter((a) => a.Name.startsWith('Cap account '))).toHaveLength(1050);
    expect(changes.changed.Vendor?.filter((v) => v.DisplayName.startsWith('Cap vendor '))).toHaveLength(30);
  });
});
