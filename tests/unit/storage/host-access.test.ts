import { describe, expect, it } from 'vitest';
import { originsToRequest } from '@/lib/storage/host-access';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';

describe('sites to ask the user for', () => {
  it.each([
    ['production', '', []],
    ['sandbox', '', []],
    ['custom', 'https://qbo.example.com/base', ['https://qbo.example.com/*']],
    ['custom', 'http://127.0.0.1:8710', ['http://127.0.0.1:8710/*']],
    ['custom', 'https://sandbox-quickbooks.api.intuit.com', []],
  ] as const)('%s with %s asks for %j', (environment, customQboUrl, expected) => {
    expect(originsToRequest({ ...DEFAULT_SETTINGS, environment, customQboUrl })).toEqual(expected);
  });
});
