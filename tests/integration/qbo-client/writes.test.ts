import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QboSandbox } from '@/sandbox/qbo/index';
import { fromQbo, QboDuplicateNameError, type BatchItem } from '@/lib/qbo';
import { clientFor, counters, startSandbox } from './harness';

let sandbox: QboSandbox;
let realmId: string;
let seq = 0;
const rid = (): string => `it-${Date.now()}-${(seq += 1)}`;

beforeAll(async () => {
  sandbox = await startSandbox([{ seed: 'empty' }]);
  realmId = sandbox.realmIds[0]!;
});
afterAll(() => sandbox.stop());

// Names that broke community clients: quotes straight and curly, backslashes, URL specials, emoji, accents.
const HARD_NAMES = [
  "O'Brien's Fuel",
  'Joe’s ‘Best’ Gas',
  'Back\\slash Supply',
  'Trailing backslash\\',
  "Quote then backslash \\'",
  'A & B Distributors',
  '#1 Stop Shop',
  '100% Pure Water',
  'C+ Store + More',
  '⛽ Fuel 🚚 Logistics',
  'Café Crème Müller',
  'Ünïcödé – dash',
  'Equals = sign?',
];

describe('writes against the QBO sandbox', () => {
  it.each(HARD_NAMES)('vendor %j round-trips through create and an exact-name query', async (name) => {
    const { client } = clientFor(sandbox, realmId);
    const created = await client.create('Vendor', { DisplayName: name }, { requestId: rid() });
    expect(created.DisplayName).toBe(name);
    const found = await client.queryAll('Vendor', {
      where: [{ field: 'DisplayName', op: '=', value: name }],
      includeInactive: true,
    });
    expect(found.map((v) => v.Id)).toEqual([created.Id]);
  });

  it.each(HARD_NAMES.filter((n) => !n.includes('"')))('account %j round-trips too', async (name) => {
    const { client } = clientFor(sandbox, realmId);
    const created = await client.create('Account', { Name: name, AccountType: 'Expense' }, { requestId: rid() });
    const found = await client.queryAll('Account', { where: [{ field: 'Name', op: '=', value: name }] });
    expect(found.map((a) => a.Id)).toEqual([created.Id]);
  });

  it('sparse-updates, deactivates and reactivates an account, seeing through " (deleted)"', async () => {
    const { client } = clientFor(sandbox, realmId);
    const created = await client.create(
      'Account',
      { Name: 'Car wash income', AccountType: 'Income' },
      { requestId: rid() },
    );
    const updated = await client.update('Account', created, { Description: 'Bay 1 and 2' }, { requestId: rid() });
    expect(updated).toMatchObject({ Name: 'Car wash income', Description: 'Bay 1 and 2', SyncToken: '1' });
    const off = await client.deactivate('Account', updated, { requestId: rid() });
    expect(off.Active).toBe(false);
    expect(fromQbo('account', off).name).toBe('Car wash income');
    const on = await client.reactivate('Account', off, { requestId: rid() });
    expect(on).toMatchObject({ Active: true, Name: 'Car wash income' });
  });

  it('a stale SyncToken is a typed error', async () => {
    const { client } = clientFor(sandbox, realmId);
    const created = await client.create('Class', { Name: 'Stale test' }, { requestId: rid() });
    await client.update('Class', created, { Name: 'Stale test 2' }, { requestId: rid() });
    await expect(client.update('Class', created, { Name: 'Stale test 3' }, { requestId: rid() })).rejects.toMatchObject(
      { name: 'QboStaleObjectError', code: '5010' },
    );
  });

  it('maps batch partial failures to their callers across chunks', async () => {
    const { client } = clientFor(sandbox, realmId);
    const existing = await client.create('Vendor', { DisplayName: 'Already There LLC' }, { requestId: rid() });
    const items: BatchItem<string>[] = Array.from({ length: 40 }, (_, i) => ({
      key: `row-${i}`,
      operation: 'create',
      entity: 'Vendor',
      body: { DisplayName: i === 7 || i === 33 ? 'Already There LLC' : i === 20 ? 'Bad: colon' : `Batch vendor ${i}` },
    }));
    const out = await client.batch(items, { requestId: `b-${Date.now()}` });
    expect(out.map((o) => o.key)).toEqual(items.map((i) => i.key));
    const failed = out.filter((o) => !o.ok).map((o) => o.key);
    expect(failed).toEqual(['row-7', 'row-20', 'row-33']);
    const dup = out[7] as unknown as { error: QboDuplicateNameError };
    expect(dup.error).toBeInstanceOf(QboDuplicateNameError);
    expect(dup.error.existingId).toBe(existing.Id);
    expect(out[20]).toMatchObject({ ok: false, error: { code: '2040' } });
    const created = await client.queryAll('Vendor', {
      where: [{ field: 'DisplayName', op: 'LIKE', value: 'Batch vendor %' }],
    });
    expect(created).toHaveLength(37);
  });

  it('a write whose response was lost is retried with its requestid and creates nothing twice', async () => {
    const { client } = clientFor(sandbox, realmId);
    sandbox.state.faults.add({
      kind: 'lost-response',
      path: `/v3/company/${realmId}/vendor`,
      method: 'POST',
      count: 1,
    });
    const replayedBefore = counters(sandbox, realmId).byTag.replayed ?? 0;
    const vendor = await client.create('Vendor', { DisplayName: 'Lost Reply Fuel Co' }, { requestId: rid() });
    expect(vendor.DisplayName).toBe('Lost Reply Fuel Co');
    expect((counters(sandbox, realmId).byTag.replayed ?? 0) - replayedBefore).toBe(1);
    const found = await client.queryAll('Vendor', {
      where: [{ field: 'DisplayName', op: '=', value: 'Lost Reply Fuel Co' }],
      includeInactive: true,
    });
    expect(found).toHaveLength(1);
  });

  it('a batch whose response was lost is replayed, not re-run', async () => {
    const { client } = clientFor(sandbox, realmId);
    sandbox.state.faults.add({ kind: 'lost-response', path: `/v3/company/${realmId}/batch`, method: 'POST', count: 1 });
    const out = await client.batch(
      [{ key: 'k', operation: 'create', entity: 'Class', body: { Name: 'Lost batch class' } }],
      { requestId: rid() },
    );
    expect(out[0]).toMatchObject({ ok: true });
    expect(
      await client.queryAll('Class', { where: [{ field: 'Name', op: '=', value: 'Lost batch class' }] }),
    ).toHaveLength(1);
  });
});
