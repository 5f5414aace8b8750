/**
 * The first sync of the CStoreOffice seed company full of integration-breaking names, over HTTP
 * against both sandboxes: into the convenience-store realm (matches, QBO-only records, data that
 * collides) and into an empty realm. Then a second sync that has nothing to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRow } from '@/lib/sync';
import { TRICKY_NAMES } from '@/sandbox/cso';
import { csoDump, qboDump, QBO_LIST } from './dumps';
import { addRealm, advance, connect, qboCounters, startSandboxes, type Connection, type Sandboxes } from './harness';

let sb: Sandboxes;
beforeAll(async () => {
  sb = await startSandboxes();
});
afterAll(() => sb.stop());

const csoRows = (rows: SyncRow[], name: string) => rows.filter((r) => r.csoId && r.name === name);
const one = (rows: SyncRow[], name: string, typeId?: string): SyncRow => {
  const found = csoRows(rows, name).filter((r) => !typeId || r.typeId === typeId);
  expect(found, `${typeId ?? ''} row “${name}”`).toHaveLength(1);
  return found[0]!;
};

/** Names that must arrive in QBO unchanged, with the type they are in CStoreOffice. */
const CLEAN_TRICKY: [string, string][] = [
  ["O'Brien Trucking", 'customer'],
  ['O’Brien Landscaping', 'customer'],
  ['The "Quick" Stop Club', 'customer'],
  ['The “Quick” Stop Club', 'customer'],
  ['José’s Taquería', 'customer'],
  ['🚚 Fast Freight Co', 'customer'],
  [TRICKY_NAMES.HTML, 'customer'],
  ['AT&T', 'accountingVendor'],
  ['Brink’s Armored Car', 'accountingVendor'],
  ['Société Générale Equipment Leasing', 'accountingVendor'],
  ['Merchandise Sales:Beer & Wine', 'account'],
  ['Merchandise Sales:Café & Bakery', 'account'],
];

/** Twins QBO would see as one name: an error naming the other one, never a create. */
const TWINS: [string, string, string][] = [
  ['ACME Fleet Services', 'Acme Fleet Services', 'customer'],
  ['Lone Star Towing', 'Lone Star  Towing', 'customer'],
  ['Café & Deli', 'Café & deli', 'class'],
];

const LINTED: [string, string, RegExp][] = [
  ['Payroll: Store Staff', 'account', /colon/],
  ['Customer "Deposits"', 'account', /double quote/],
  [TRICKY_NAMES.LONG_CUSTOMER, 'customer', /at most 500/],
];

async function expectTrickyNames(c: Connection, rows: SyncRow[]): Promise<void> {
  for (const [name, type] of CLEAN_TRICKY) expect(one(rows, name, type).status, name).toBe('synchronized');
  for (const [a, b, type] of TWINS) {
    for (const [self, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const row = one(rows, self, type);
      expect(row.status).toBe('error');
      expect(row.issue?.detail).toContain(`“${other}”`);
    }
  }
  for (const type of ['customer', 'priceBookVendor']) {
    const row = one(rows, 'Rapid Ice Co', type);
    expect(row.status).toBe('error');
    expect(row.issue?.code).toBe('namespaceCollision');
    expect(row.issue?.detail).toMatch(/customers, vendors and employees cannot share a name/);
  }
  for (const [name, type, why] of LINTED) {
    const row = one(rows, name, type);
    expect(row.status).toBe('error');
    expect(row.issue?.detail).toMatch(why);
    expect(row.issue?.detail).toContain('Nothing was sent to QuickBooks');
  }
  const long = rows.find((r) => r.name.startsWith('Accrued Payroll Liabilities'))!;
  expect(long.issue?.detail).toMatch(/115 characters long; QuickBooks allows at most 100/);
  // Words a bookkeeper reads: no raw faults or payloads.
  for (const row of rows) if (row.issue) expect(row.issue.detail).not.toMatch(/Fault|\{"|ValidationFault|undefined/);

  const qbo = await qboDump(sb, c.realmId);
  const qboNames = new Set(
    Object.values(qbo)
      .flat()
      .map((r) => r.key),
  );
  for (const [name] of LINTED) expect(qboNames.has(name)).toBe(false);
  for (const [a, b] of TWINS) expect(qboNames.has(a) || qboNames.has(b)).toBe(false);
  // The two vendor kinds would share one QBO vendor, but their emails differ: neither is chosen
  // silently; both rows say so and no vendor is created (once they agree, one vendor is: unit tests).
  expect(qbo.Vendor!.filter((v) => v.key === 'Core-Mark International')).toHaveLength(0);
  for (const [type, mine, theirs] of [
    ['priceBookVendor', 'orders@', 'ar@'],
    ['accountingVendor', 'ar@', 'orders@'],
  ] as const) {
    const row = one(rows, 'Core-Mark International', type);
    expect(row.issue?.code).toBe('sharedConflict');
    expect(row.issue?.detail).toContain(`email “${mine}coremark.example” here, “${theirs}coremark.example” there`);
  }
}

/** Everything not in error holds the same match key on both sides; no name twice on either side. */
async function expectSameKeys(c: Connection, rows: SyncRow[]): Promise<void> {
  const [cso, qbo] = await Promise.all([csoDump(sb, c.companyId), qboDump(sb, c.realmId)]);
  const errors = new Set(
    rows.filter((r) => r.status === 'error').map((r) => `${r.typeId}:${r.csoId ?? `qbo${r.qboId}`}`),
  );
  for (const [type, records] of Object.entries(cso)) {
    const keys = records.map((r) => r.key);
    expect(new Set(keys).size, `${type} names unique in CStoreOffice`).toBe(keys.length);
    const qboKeys = new Set((qbo[QBO_LIST[type as keyof typeof QBO_LIST]] ?? []).map((r) => r.key));
    for (const r of records)
      if (!errors.has(`${type}:${r.id}`)) expect(qboKeys.has(r.key), `${type} “${r.key}” in QBO`).toBe(true);
  }
  const csoKeys = new Set(
    Object.values(cso)
      .flat()
      .map((r) => r.key),
  );
  for (const [list, records] of Object.entries(qbo)) {
    const folded = records.filter((r) => r.active).map((r) => r.key.toLowerCase());
    expect(new Set(folded).size, `${list} names unique in QBO`).toBe(folded.length);
    for (const r of records) {
      const row = rows.find((x) => x.qboId === r.id && QBO_LIST[x.typeId] === list);
      if (r.active && row?.status !== 'error' && row?.status !== 'notSynced')
        expect(csoKeys.has(r.key), `${list} “${r.key}” in CStoreOffice`).toBe(true);
    }
  }
}

describe('first sync of the tricky seed company', () => {
  it('into the convenience-store realm: matches, creates both ways, data collisions explained', async () => {
    const realmId = await addRealm(sb, 'convenience-store');
    const c = await connect(sb, realmId);
    const preview = await c.engine.preview();
    const statuses = new Set(preview.rows.map((r) => `${r.status}${r.target ? `→${r.target}` : ''}`));
    // No “→both”: a matched QBO vendor's CompanyName does not travel (CStoreOffice vendors have no such field).
    expect([...statuses].sort()).toEqual(
      [
        'error',
        'notSynced',
        'synchronized',
        'waitingForCreation→cso',
        'waitingForCreation→qbo',
        'waitingForUpdate→qbo',
      ].sort(),
    );
    for (const r of preview.plan.ops)
      if (r.target === 'cso' && (r.typeId === 'accountingVendor' || r.typeId === 'priceBookVendor'))
        expect(Object.keys(r.values)).not.toContain('companyName');
    // A QBO account whose number CStoreOffice already uses for an account of another type: an error
    // before any request.
    const taken = preview.rows.find((r) => r.name === 'Fuel Taxes Payable')!;
    expect(taken.status).toBe('error');
    expect(taken.issue?.code).toBe('csoNumberTaken');
    expect(taken.issue?.detail).toContain('in CStoreOffice already has number 2210');
    // QuickBooks' own Undeposited Funds is not imported, and its row says why.
    const undeposited = preview.rows.find((r) => r.name === 'Undeposited Funds')!;
    expect(undeposited.statusText).toBe('QuickBooks only (not imported)');
    // QuickBooks' A/P and CStoreOffice's share number 2000: offered as one link.
    const payables = preview.rows.find((r) => r.name === 'Accounts Payable' && r.csoId)!;
    expect(payables.issue).toMatchObject({ code: 'accountTwin', other: { name: 'Accounts Payable (A/P)' } });
    // The realm's "Car Wash" items do not exist in CStoreOffice, and their income account is one of those.
    const carWash = preview.rows.find((r) => r.qboId && !r.csoId && r.name === 'Car Wash - Basic')!;
    expect(carWash.status).toBe('error');
    expect(carWash.issue?.detail).toContain('Its credit account, the account “Car Wash”');

    // More than 20 records to create in CStoreOffice: the first sync holds them for review and
    // writes the rest; nothing lands in CStoreOffice until the user confirms.
    expect(preview.heldCreates?.count).toBeGreaterThan(20);
    const csoBefore = await csoDump(sb, '1');
    const held = await c.engine.synchronize();
    expect(held.heldCreates).toMatchObject({ count: preview.heldCreates!.count });
    expect(held.heldCreates!.byType.find((t) => t.typeId === 'account')?.names.length).toBeGreaterThan(0);
    expect(held.executed.ops.filter((op) => op.kind === 'create' && op.target === 'cso')).toEqual([]);
    const csoAfterHold = await csoDump(sb, '1');
    for (const type of Object.keys(csoBefore) as (keyof typeof csoBefore)[])
      expect(csoAfterHold[type].length, type).toBe(csoBefore[type].length);
    const waiting = held.rows.find((r) => r.key === held.heldCreates!.rowKeys[0])!;
    expect(waiting).toMatchObject({ status: 'waitingForCreation', target: 'cso', issue: { code: 'createsHeld' } });
    // The alarm's next run holds them again; the user's confirmation lets them through.
    advance(sb, 60_000);
    expect((await c.engine.synchronize()).heldCreates?.count).toBe(preview.heldCreates!.count);
    advance(sb, 60_000);
    const report = await c.engine.synchronize({ confirmCreates: true });
    expect(report.heldCreates).toBeNull();
    await expectTrickyNames(c, report.rows);
    // The preview told the truth: the run met no refusal it had not foreseen.
    expect(report.failures).toEqual([]);
    const errorKeys = (rows: SyncRow[]) =>
      rows
        .filter((r) => r.status === 'error')
        .map((r) => r.key)
        .sort();
    expect(errorKeys(report.rows)).toEqual(errorKeys(preview.rows));
    expect(report.rows.every((r) => ['synchronized', 'error', 'notSynced'].includes(r.status))).toBe(true);
    await expectSameKeys(c, report.rows);
  });

  it('into an empty realm: every clean name created once, the rest errors without a request', async () => {
    const realmId = await addRealm(sb, 'empty');
    const c = await connect(sb, realmId);
    const report = await c.engine.synchronize();
    await expectTrickyNames(c, report.rows);
    expect(report.rows.filter((r) => r.status === 'error')).toHaveLength(14);
    expect(report.failures).toEqual([]);
    const counters = await qboCounters(sb, realmId);
    // Every write went out in full batches: ⌈W/30⌉ per dependency level at most.
    expect(counters.byTag.batch).toBeLessThanOrEqual(Math.ceil(counters.byTag['batch-items']! / 30) + 2);
    expect(counters.byTag['fault:6240'] ?? 0).toBe(0);
    await expectSameKeys(c, report.rows);

    // (b) A second sync plans nothing and costs exactly one QBO request (one CDC call).
    advance(sb, 60_000);
    const before = await qboCounters(sb, realmId);
    const again = await c.engine.synchronize();
    const after = await qboCounters(sb, realmId);
    expect(again.executed.ops).toHaveLength(0);
    expect(after.total - before.total).toBe(1);
    expect((after.byTag.cdc ?? 0) - (before.byTag.cdc ?? 0)).toBe(1);
    expect(again.rows.map((r) => [r.key, r.status])).toEqual(report.rows.map((r) => [r.key, r.status]));
  });
});
