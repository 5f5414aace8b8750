import { describe, expect, it } from 'vitest';
import { createOriginCheck } from '@/server/origins';

const CHROME = 'chrome-extension://lfnpgbccfgpgpbbmpgdombjkfnlekmcc';
const FIREFOX = 'moz-extension://8f0c2a6e-4d0b-4c2e-9a51-6f1d2b3c4e5f';

describe('broker origin check', () => {
  it.each([
    ['the listed Chrome extension', [CHROME], CHROME, true],
    ['another Chrome extension', [CHROME], 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', false],
    ['a Firefox installation when any is allowed', [CHROME, 'moz-extension://*'], FIREFOX, true],
    ['a Firefox installation when none is', [CHROME], FIREFOX, false],
    ['a web page, even with Firefox allowed', [CHROME, 'moz-extension://*'], 'https://evil.example', false],
    ['a look-alike moz origin', ['moz-extension://*'], 'moz-extension://evil.example', false],
    ['the wildcard itself sent as an origin', ['moz-extension://*'], 'moz-extension://*', false],
    ['no origin at all', [CHROME], undefined, false],
  ])('%s → %s', (_what, allowed, origin, expected) => {
    expect(createOriginCheck(allowed)(origin)).toBe(expected);
  });
});
