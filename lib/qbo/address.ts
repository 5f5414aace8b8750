/**
 * A Location's address is one block of text on our side and a PhysicalAddress in QBO. Reading joins
 * the parts line by line; writing puts each line in Line1..Line5. What we write reads back the same.
 */
import type { QboAddress } from './schemas';

const LINE_KEYS = ['Line1', 'Line2', 'Line3', 'Line4', 'Line5'] as const;

export function addressFromQbo(address: QboAddress | undefined): string | null {
  if (!address) return null;
  const cityLine = [address.City, [address.CountrySubDivisionCode, address.PostalCode].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const lines = [...LINE_KEYS.map((k) => address[k]), cityLine, address.Country]
    .map((l) => l?.trim() ?? '')
    .filter((l) => l !== '');
  return lines.length > 0 ? lines.join('\n') : null;
}

/** `null` clears the address (every line blank) so a sparse update can remove it. */
export function addressToQbo(text: string | null): Record<string, string> {
  const lines = (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  // QBO has five lines; anything past the fifth goes on the fifth rather than being dropped.
  const fitted = lines.length > LINE_KEYS.length ? [...lines.slice(0, 4), lines.slice(4).join(', ')] : lines;
  return Object.fromEntries(LINE_KEYS.map((k, i) => [k, fitted[i] ?? '']));
}
