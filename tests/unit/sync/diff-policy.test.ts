import { describe, expect, it } from 'vitest';
import {
  csoWins,
  diffPair,
  firstLinkDiff,
  newestWins,
  qboWins,
  reportConflicts,
  hashValues,
  type RecordValues,
} from '../../../lib/sync';

const snap = (values: RecordValues) => ({ revision: '0', hash: hashValues(values), values });
const base = { name: 'Acme', companyName: null, email: 'a@x.com', phone: null, active: true };
const same = (_f: string, v: unknown) => v as string | boolean | null;

describe('three-way change detection', () => {
  it.each([
    ['nothing changed', {}, {}, { toQbo: [], toCso: [], conflicts: [], agreed: [] }],
    [
      'renamed in CStoreOffice → update QBO',
      { name: 'Acme Inc' },
      {},
      { toQbo: ['name'], toCso: [], conflicts: [], agreed: [] },
    ],
    [
      'email changed in QBO → update CStoreOffice',
      {},
      { email: 'b@y.org' },
      { toQbo: [], toCso: ['email'], conflicts: [], agreed: [] },
    ],
    [
      'different fields on each side merge',
      { name: 'Acme Inc' },
      { email: 'b@y.org' },
      { toQbo: ['name'], toCso: ['email'], conflicts: [], agreed: [] },
    ],
    [
      'same change on both sides agrees',
      { email: 'c@z.net' },
      { email: 'c@z.net' },
      { toQbo: [], toCso: [], conflicts: [], agreed: ['email'] },
    ],
    [
      'different changes to one field conflict',
      { email: 'c@z.net' },
      { email: 'd@w.net' },
      { toQbo: [], toCso: [], conflicts: ['email'], agreed: [] },
    ],
  ])('%s', (_label, csoPatch, qboPatch, expected) => {
    const diff = diffPair({
      typeId: 'customer',
      cso: { ...base, ...csoPatch },
      qbo: { ...base, ...qboPatch },
      base: { cso: snap(base), qbo: snap(base) },
      toQbo: same,
    });
    expect(diff).toMatchObject(expected);
  });

  it('a deactivation in QBO travels to CStoreOffice as active: false (reversible), never as a deletion', () => {
    const diff = diffPair({
      typeId: 'customer',
      cso: base,
      qbo: { ...base, active: false },
      base: { cso: snap(base), qbo: snap(base) },
      toQbo: same,
    });
    expect(diff).toEqual({ toQbo: [], toCso: ['active'], agreed: [], conflicts: [] });
  });

  it('the vendor tax id is sent to QBO when it changes in CStoreOffice, and never compared in QBO', () => {
    const csoBase = { ...base, taxId: '12-345' };
    const diff = diffPair({
      typeId: 'accountingVendor',
      cso: { ...csoBase, taxId: '98-765' },
      qbo: base,
      base: { cso: snap(csoBase), qbo: snap(base) },
      toQbo: same,
    });
    expect(diff.toQbo).toEqual(['taxId']);
  });

  it('a first link keeps CStoreOffice values but fills its empty fields from QBO, and reactivates', () => {
    const cso = { ...base, email: null, phone: '555' };
    const qbo = { ...base, email: 'q@q.net', phone: '777', active: false };
    expect(firstLinkDiff({ typeId: 'customer', cso, qbo, toQbo: same })).toMatchObject({
      toQbo: ['phone', 'active'],
      toCso: ['email'],
      conflicts: [],
    });
    // Stored on the link as the pair's decision, it decides instead of the snapshots until written.
    const diff = diffPair({
      typeId: 'customer',
      cso,
      qbo,
      base: { cso: snap(cso), qbo: snap(qbo) },
      toQbo: same,
      keep: 'merge',
    });
    expect(diff).toMatchObject({ toQbo: ['phone', 'active'], toCso: ['email'], conflicts: [] });
  });
});

describe('conflict policies', () => {
  const input = (csoAt: string | null, qboAt: string | null) => ({
    typeId: 'customer' as const,
    fields: ['email'],
    cso: { values: base, updatedAt: csoAt },
    qbo: { values: base, updatedAt: qboAt },
  });
  it.each([
    ['report', reportConflicts, input('2025-01-02T00:00:00Z', '2025-01-01T00:00:00Z'), 'report'],
    ['CStoreOffice wins', csoWins, input(null, null), 'cso'],
    ['QuickBooks wins', qboWins, input(null, null), 'qbo'],
    ['newest wins: CStoreOffice newer', newestWins, input('2025-01-02T00:00:00Z', '2025-01-01T00:00:00Z'), 'cso'],
    ['newest wins: QuickBooks newer', newestWins, input('2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z'), 'qbo'],
    ['newest wins without times reports', newestWins, input(null, '2025-01-02T00:00:00Z'), 'report'],
  ] as const)('%s', (_label, policy, conflict, expected) => {
    expect(policy(conflict)).toBe(expected);
  });
});
