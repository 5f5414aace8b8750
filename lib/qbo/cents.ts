/**
 * QBO amounts (JSON numbers such as 7123.78) as integer cents and back. Money is summed and compared
 * in cents; only the wire uses decimals. A number is read through its decimal text, which for any
 * value JSON gave us is exactly what QBO wrote; `x * 100` alone drifts (1.005 * 100 = 100.49999…).
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
// How far from a whole cent a computed number may be and still count as that cent: float noise
// (0.1 + 0.2 = 0.30000000000000004) is about 1e-15 of the value; a real third decimal is 0.1 cent.
const NOISE_CENTS = 1e-6;
const NOISE_RELATIVE = 1e-12;

function notWholeCents(amount: number | string): never {
  throw new RangeError(`An amount has at most two decimals (whole cents): ${JSON.stringify(amount)}`);
}

function safe(cents: number, amount: number | string): number {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`An amount too large to count in cents: ${amount}`);
  // `|| 0` turns -0 into 0, so equal amounts compare equal with Object.is too.
  return cents || 0;
}

function fromDecimalText(text: string, amount: number | string): number | undefined {
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '', fraction = ''] = match;
  if (/[1-9]/.test(fraction.slice(2))) return undefined;
  const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  return safe(sign === '-' ? -cents : cents, amount);
}

/**
 * Integer cents of a QBO amount (a number, or a numeric string as QBO accepts on input).
 * An amount with a non-zero third decimal is refused, not rounded: QBO keeps line amounts to the
 * cent, so such a value is one we do not understand, and rounding it would hide a difference.
 * (QBO itself may round a third decimal it is sent; we never send one: see fromCents.)
 */
export function toCents(amount: number | string): number {
  if (typeof amount === 'string') {
    const cents = fromDecimalText(amount.trim(), amount);
    if (cents !== undefined) return cents;
    if (DECIMAL.test(amount.trim())) notWholeCents(amount);
    throw new RangeError(`Not an amount: ${JSON.stringify(amount)}`);
  }
  if (!Number.isFinite(amount)) throw new RangeError(`Not an amount: ${amount}`);
  const exact = fromDecimalText(String(amount), amount);
  if (exact !== undefined) return exact;
  // A computed number (a sum of amounts, or exponent notation): the nearest cent, if it is one.
  const scaled = amount * 100;
  const cents = Math.round(scaled);
  if (Math.abs(scaled - cents) > NOISE_CENTS + NOISE_RELATIVE * Math.abs(scaled)) notWholeCents(amount);
  return safe(cents, amount);
}

/** A QBO amount from integer cents: the double nearest the decimal, which JSON prints as written. */
export function fromCents(cents: number): number {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Cents must be a whole number: ${cents}`);
  return cents / 100 || 0;
}
