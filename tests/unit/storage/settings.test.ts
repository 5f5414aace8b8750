import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, checkSettings } from '@/lib/storage/settings';

describe('settings validation', () => {
  it('accepts the defaults', () => {
    expect(checkSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('trims a trailing slash from URLs', () => {
    const result = checkSettings({ ...DEFAULT_SETTINGS, brokerUrl: 'https://broker.example.com/ ' });
    expect(result).toMatchObject({ ok: true, settings: { brokerUrl: 'https://broker.example.com' } });
  });

  it.each(['https://broker.example.com', 'http://127.0.0.1:8730', 'http://localhost:8730/', 'http://[::1]:8730'])(
    'accepts the broker at %s',
    (brokerUrl) => {
      expect(checkSettings({ ...DEFAULT_SETTINGS, brokerUrl }).ok).toBe(true);
    },
  );

  it.each([
    [{ brokerUrl: 'broker' }, 'brokerUrl', 'Enter a full URL'],
    [{ brokerUrl: 'ftp://broker.example.com' }, 'brokerUrl', 'Use https://'],
    [{ brokerUrl: 'http://broker.example.com' }, 'brokerUrl', 'Plain http:// is accepted only for this computer'],
    [{ brokerUrl: 'http://127.0.0.1.example.com' }, 'brokerUrl', 'Use https://'],
    [{ environment: 'custom', customQboUrl: 'http://qbo.example.com' }, 'customQboUrl', 'Use https://'],
    [{ environment: 'custom', customQboUrl: '' }, 'customQboUrl', 'Enter the QuickBooks base URL'],
    [{ autoSyncMinutes: 2 }, 'autoSyncMinutes', 'at most every 5 minutes'],
    [{ enabledTypes: [] }, 'enabledTypes', 'Choose at least one'],
    [{ conflictPolicy: 'coinFlip' }, 'conflictPolicy', ''],
  ])('refuses %j with an error on %s', (change, field, words) => {
    const result = checkSettings({ ...DEFAULT_SETTINGS, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toContain(words);
  });

  it('accepts automatic sync turned off', () => {
    expect(checkSettings({ ...DEFAULT_SETTINGS, autoSyncMinutes: 0 }).ok).toBe(true);
  });
});
