import { describe, expect, it } from 'vitest';
import { showsSame } from '@/lib/sync/shown';

describe('a tax id QBO shows masked', () => {
  it.each([
    ['12-3456789', 'XXX-XX-6789', true],
    ['58-0628465', 'XXXXXX8465', true],
    ['12-3456789', 'XXX-XX-1234', false],
    ['12-3456789', null, false],
    ['12-3456789', '', false],
    [null, 'XXX-XX-6789', false],
    ['789', 'XXX-XX-789', false],
  ])('%s against %s: the same shown → %s', (value, shown, same) => {
    expect(showsSame(value, shown)).toBe(same);
  });
});
