import { describe, expect, it } from 'vitest';
import { fromCents, toCents } from '@/lib/qbo';

describe('toCents', () => {
  it.each([
    [7123.78, 712378],
    [0, 0],
    [-0, 0],
    [0.1 + 0.2, 30],
    [0.3, 30],
    [1e-2, 1],
    [0.07, 7],
    [1.15, 115],
    [1.005 - 0.005, 100],
    [19.99 * 3, 5997],
    [-12.34, -1234],
    [-0.01, -1],
    [100, 10000],
    [9_999_999_999.99, 999_999_999_999],
    [1e-2 * 3, 3],
    [2e5, 20_000_000],
    ['7123.78', 712378],
    ['88', 8800],
    [' 12.5 ', 1250],
    ['-0.00', 0],
    ['1.230', 123],
  ])('%j → %j cents', (amount, cents) => {
    expect(Object.is(toCents(amount), cents)).toBe(true);
  });

  // A third decimal is refused rather than rounded: QBO keeps amounts to the cent.
  it.each([1.005, 0.125, -0.004, 7.001, 1e-7, 1234567.891, '2.345', '1.0001'])(
    'refuses %j, which is not whole cents',
    (amount) => {
      expect(() => toCents(amount)).toThrow(/at most two decimals/);
    },
  );

  it.each([Number.NaN, Infinity, -Infinity, '', 'abc', '1e3', '1,000.00', '12.', '.5', '+1'])(
    'refuses %j, which is not an amount',
    (amount) => {
      expect(() => toCents(amount)).toThrow(RangeError);
    },
  );

  it('refuses amounts whose cents are not safe integers', () => {
    expect(() => toCents('90071992547409.92')).toThrow(/too large/);
    expect(() => toCents(1e21)).toThrow(RangeError);
  });
});

describe('fromCents', () => {
  it.each([
    [712378, 7123.78],
    [0, 0],
    [1, 0.01],
    [30, 0.3],
    [-1234, -12.34],
    [100, 1],
    [999_999_999_999, 9_999_999_999.99],
  ])('%j cents → %j', (cents, amount) => {
    expect(fromCents(cents)).toBe(amount);
    expect(JSON.stringify(fromCents(cents))).toBe(String(amount));
  });

  it('never answers -0', () => {
    expect(Object.is(fromCents(-0), 0)).toBe(true);
  });

  it.each([0.5, Number.NaN, Infinity, 2 ** 53])('refuses %j, which is not a whole number of cents', (cents) => {
    expect(() => fromCents(cents)).toThrow(RangeError);
  });

  it('round-trips every cent amount of a range exactly', () => {
    for (let cents = -100_000; cents <= 100_000; cents += 7) expect(toCents(fromCents(cents))).toBe(cents);
    for (let cents = 99_999_999_900; cents <= 100_000_000_100; cents += 1)
      expect(toCents(fromCents(cents))).toBe(cents);
  });
});
