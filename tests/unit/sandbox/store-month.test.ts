// The store-month generator: the same month for the same seed, whole cents, c-store sized amounts,
// and every audited day closing to the cent through its data types' accounts.
import { describe, expect, it } from 'vitest';
import { DAY_ROLES, DAY_TYPE_SPECS, type DayRole } from '../../../sandbox/cso/seed/store-month/day-types';
import { generateStoreMonth, type MonthRefs } from '../../../sandbox/cso/seed/store-month/generate-month';

// Data type ids are the roles themselves, so each line's posting is read straight off the spec.
const types = Object.fromEntries(DAY_ROLES.map((r) => [r, r])) as Record<DayRole, string>;
const REFS: MonthRefs = {
  types,
  stationIds: ['s1', 's2', 's3'],
  fleetCustomers: ['c1', 'c2'],
  paidOutVendors: ['v1', 'v2'],
  fuelVendors: ['fuel'],
  merchandiseVendors: ['coke', 'chips'],
  expenseVendors: [{ vendorId: 'power', accountId: '6100', what: 'Electricity' }],
};
const REQUEST = { stations: 3, days: 30, seed: 42, startDate: '2025-10-01' };

/** Debits minus credits on Cash in Safe (1020), where the register's takings and tenders meet. */
function clearing(lines: Array<{ dataTypeId: string; amountCents: number }>): number {
  let net = 0;
  for (const l of lines) {
    const spec = DAY_TYPE_SPECS[l.dataTypeId as DayRole];
    if (spec.debit === '1020') net += l.amountCents;
    if (spec.credit === '1020') net -= l.amountCents;
  }
  return net;
}

const sumOf = (lines: Array<{ dataTypeId: string; amountCents: number }>, ...roles: DayRole[]) =>
  lines.filter((l) => roles.includes(l.dataTypeId as DayRole)).reduce((s, l) => s + l.amountCents, 0);

describe('store month', () => {
  const month = generateStoreMonth(REQUEST, REFS);

  it('is the same for the same seed and differs for another', () => {
    expect(generateStoreMonth(REQUEST, REFS)).toEqual(month);
    expect(generateStoreMonth({ ...REQUEST, seed: 43 }, REFS)).not.toEqual(month);
    // A day does not depend on how long the month is.
    expect(generateStoreMonth({ ...REQUEST, days: 10 }, REFS).days[0]).toEqual(month.days[0]);
  });

  it('has one day per station and date: most audited, the last two open, one reopened', () => {
    expect(month.days).toHaveLength(90);
    expect(new Set(month.days.map((d) => `${d.stationId}/${d.date}`)).size).toBe(90);
    const count = (s: string) => month.days.filter((d) => d.status === s).length;
    expect(count('open')).toBe(6);
    expect(count('reopened')).toBe(1);
    expect(count('audited')).toBe(83);
    expect(month.days.filter((d) => d.status === 'open').every((d) => d.date >= '2025-10-29')).toBe(true);
  });

  it('closes every audited and reopened day to the cent; open days still hold the uncounted cash', () => {
    for (const day of month.days) {
      if (day.status === 'open') expect(clearing(day.lines)).toBeGreaterThan(0);
      else expect(clearing(day.lines)).toBe(0);
    }
    const withOverShort = month.days.filter((d) => d.lines.some((l) => l.dataTypeId === 'overShort'));
    expect(withOverShort.length).toBeGreaterThan(3);
    expect(withOverShort.length).toBeLessThan(month.days.length / 2);
  });

  it('uses whole cents only, on lines with ids unique in their day', () => {
    for (const doc of [...month.days, ...month.invoices]) {
      for (const l of doc.lines) expect(Number.isSafeInteger(l.amountCents)).toBe(true);
      expect(new Set(doc.lines.map((l) => l.id)).size).toBe(doc.lines.length);
    }
  });

  it('sells what a c-store sells: 2–4k gallons at pump prices, merchandise, tax, lottery', () => {
    for (const day of month.days) {
      const gallons = day.lines
        .filter((l) => l.memo?.includes(' gal @ '))
        .reduce((s, l) => s + Number((l.memo ?? '').split(': ')[1]?.split(' gal')[0]?.replace(/,/g, '')), 0);
      expect(gallons).toBeGreaterThanOrEqual(2000);
      expect(gallons).toBeLessThanOrEqual(4000);
      const fuel = sumOf(day.lines, 'regular', 'midgrade', 'premium', 'diesel');
      expect(fuel / gallons).toBeGreaterThan(300); // cents a gallon: between regular and premium
      expect(fuel / gallons).toBeLessThan(400);
      expect(sumOf(day.lines, 'tobacco', 'beer', 'grocery', 'cafe', 'store')).toBeGreaterThan(1_500_00);
      expect(sumOf(day.lines, 'salesTax')).toBeGreaterThan(0);
      expect(sumOf(day.lines, 'lotteryPayouts')).toBeLessThan(sumOf(day.lines, 'lotterySales'));
      for (const l of day.lines) {
        if (l.dataTypeId === 'houseCharges') expect(REFS.fleetCustomers).toContain(l.customerId);
        if (l.dataTypeId === 'paidOuts') expect(REFS.paidOutVendors).toContain(l.vendorId);
      }
    }
  });

  it('has fuel loads, price book deliveries, expense bills and exactly one credit', () => {
    const total = (i: (typeof month.invoices)[number]) => i.lines.reduce((s, l) => s + l.amountCents, 0);
    const credits = month.invoices.filter((i) => total(i) < 0);
    expect(credits).toHaveLength(1);
    expect(credits[0]?.vendorType).toBe('priceBookVendor');
    const loads = month.invoices.filter((i) => i.vendorId === 'fuel');
    expect(loads.length).toBeGreaterThanOrEqual(3 * 7);
    for (const load of loads) expect(total(load)).toBeGreaterThan(15_000_00);
    expect(
      month.invoices.filter((i) => i.vendorType === 'accountingVendor' && i.lines[0]?.accountId === '6100'),
    ).toHaveLength(3);
    for (const i of month.invoices) {
      expect(i.dueDate >= i.date).toBe(true);
      expect(i.number.length).toBeLessThanOrEqual(21); // QuickBooks' DocNumber limit
    }
  });
});
