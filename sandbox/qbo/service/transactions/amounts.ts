/**
 * Money as whole cents. QBO amounts carry two decimal places; summing them as JavaScript numbers
 * drifts (0.1 + 0.2), so lines are converted to integer cents once and every sum stays exact.
 */

/** `25.54`, `"25.54"` or `1e2` to cents, rounding a third decimal half away from zero; undefined if not a number. */
export function toCents(value: unknown): number | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    // String() keeps the shortest form the client wrote (25.54, not 25.539999…); exponents need expanding.
    text = /e/i.test(String(value)) ? value.toFixed(6) : String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return undefined;
  }
  const match = /^([-+])?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return undefined;
  const decimals = (match[3] ?? '').padEnd(3, '0');
  const whole = Number(match[2] || '0') * 100 + Number(decimals.slice(0, 2));
  const rounded = whole + (Number(decimals[2]) >= 5 ? 1 : 0);
  return match[1] === '-' ? -rounded : rounded;
}

/** Cents back to the number QBO sends (`2554` → `25.54`): dividing an integer by 100 prints exactly. */
export const fromCents = (cents: number): number => cents / 100;

/** Cents as text with two decimals, for error details. */
export const formatCents = (cents: number): string =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
