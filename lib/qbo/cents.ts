/**
 * QBO amounts (JSON numbers such as 7123.78) as integer cents and back. Money is summed and compared
 * in cents; only the wire uses decimals. Reading goes through the decimal text, never `x * 100`
 * alone, whose float error (1.005 * 100 = 100.49999…) would drift a cent.
 */

// Six fixed decimals keep a third decimal visible while absorbing the float noise of a computed
// number (0.1 + 0.2 prints as 0.30000000000000004, fixed to 0.300000).
const FIXED_DIGITS = 6;
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Integer cents of a QBO amount (a number, or a numeric string as QBO accepts on input).
 * An amount with a non-zero third decimal is refused, not rounded: QBO keeps line amounts to the
 * cent, so such a value is an answer we do not understand, and rounding it would hide a difference.
 */
export function toCents(amount: number | string): number {
  if (typeof amount === 'number' && !Number.isFinite(amount)) throw new RangeError(`Not an amount: ${amount}`);
  const text = typeof amount === 'number' ? amount.toFixed(FIXED_DIGITS) : amount.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new RangeError(`Not an amount: ${JSON.stringify(amount)}`);
  const [, sign, whole = '', fraction = ''] = match;
  if (/[1-9]/.test(fraction.slice(2)))
    throw new RangeError(`An amount has at most two decimals (whole cents): ${JSON.stringify(amount)}`);
  const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) throw new RangeError(`An amount too large to count in cents: ${amount}`);
  // `|| 0` turns -0 (from "-0.00") into 0, so equal amounts compare equal with Object.is too.
  return (sign === '-' ? -cents : cents) || 0;
}

/** A QBO amount from integer cents: the nearest double to the decimal, which JSON prints as written. */
export function fromCents(cents: number): number {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Cents must be a whole number: ${cents}`);
  return cents / 100 || 0;
}
