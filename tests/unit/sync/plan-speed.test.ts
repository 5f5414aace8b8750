/**
 * Planning at scale: 10k and 100k records per side, half of them matched by name, the rest to create
 * on either side, across all seven types, plan every record without an error. How fast is for
 * `npm run bench` to say (bench/plan-worker.ts): a timed bound here could only flake or never fail.
 */
import { describe, expect, it } from 'vitest';
import { analyze, createWorld, reportConflicts, type AnyRecord, type MirrorData } from '../../../lib/sync';

const OPTIONS = {
  policy: reportConflicts,
  defaultIncomeAccountId: '1',
  qboOnlyVendorType: 'accountingVendor' as const,
  batchSizes: { cso: 50, qbo: 30 },
};

/**
 * Records written out per type, with no spread: records read from IndexedDB or JSON share one shape
 * per type, while spread copies each get a hidden class of their own, which makes every property
 * read of the planner a slow look-up and the printed time pessimistic.
 */
const account = (id: string, name: string, parentId: string | null, number: string | null): AnyRecord => ({
  id,
  name,
  active: true,
  revision: '1',
  updatedAt: null,
  parentId,
  number,
  accountType: 'Income',
  description: null,
});
const klass = (id: string, name: string): AnyRecord => ({
  id,
  name,
  active: true,
  revision: '1',
  updatedAt: null,
  parentId: null,
});
const location = (id: string, name: string): AnyRecord => ({
  id,
  name,
  active: true,
  revision: '1',
  updatedAt: null,
  parentId: null,
  address: null,
});
const contact = (id: string, name: string): AnyRecord => ({
  id,
  name,
  active: true,
  revision: '1',
  updatedAt: null,
  companyName: null,
  email: `${name.replace(/ /g, '.')}@example.com`,
  phone: null,
});
const dataType = (id: string, name: string, creditAccountId: string): AnyRecord => ({
  id,
  name,
  active: true,
  revision: '1',
  updatedAt: null,
  creditAccountId,
});

/** `n` records per side: CStoreOffice holds 0..n-1, QBO n/2..3n/2-1 of each type's share. */
function mirrorOf(n: number): MirrorData {
  const per = Math.floor(n / 7);
  const range = (from: number, side: string, make: (id: string, i: number) => AnyRecord) =>
    Array.from({ length: per }, (_, k) => make(`${side}${from + k}`, from + k));
  const side = (s: 'c' | 'q', from: number) => ({
    // Accounts in pairs: every odd one is a sub-account of the one before it.
    account: range(from, s, (id, i) =>
      account(id, `Account ${i}`, i % 2 ? `${s}${i - 1}` : null, i < 6000 ? String(4000 + i) : null),
    ),
    class: range(from, `${s}l`, (id, i) => klass(id, `Class ${i}`)),
    location: range(from, `${s}s`, (id, i) => location(id, `Store ${i}`)),
    customer: range(from, `${s}c`, (id, i) => contact(id, `Customer ${i}`)),
    priceBookVendor: range(from, `${s}p`, (id, i) => contact(id, `Supplier ${i}`)),
    accountingVendor: range(from, `${s}v`, (id, i) => contact(id, `Vendor ${i}`)),
    dataType: range(from, `${s}d`, (id, i) => dataType(id, `Data ${i}`, `${s}${from + (i % per)}`)),
  });
  const c = side('c', 0);
  const q = side('q', Math.floor(per / 2));
  return {
    cso: c,
    qbo: {
      Account: q.account,
      Class: q.class,
      Department: q.location,
      Customer: q.customer,
      Vendor: [...q.priceBookVendor, ...q.accountingVendor],
      Item: q.dataType,
    },
    reserved: [],
    cursors: { cso: null, qbo: null },
    issues: [],
    ignores: [],
    realmId: null,
  };
}

function plan(n: number) {
  const mirror = mirrorOf(n);
  return analyze(createWorld(mirror, []), OPTIONS, { issues: [], ignores: [] });
}

describe('planning at scale', () => {
  it('plans 10k records per side: a row for each, an op for each write', () => {
    const { rows, plan: p } = plan(10_000);
    expect(rows.length).toBeGreaterThan(10_000);
    expect(p.ops.length).toBeGreaterThan(5_000);
  });

  it('plans 100k records per side without an error row', () => {
    const { rows } = plan(100_000);
    expect(rows.length).toBeGreaterThan(100_000);
    expect(rows.filter((r) => r.status === 'error')).toEqual([]);
  }, 60_000);
});
