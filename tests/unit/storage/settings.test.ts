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

  it.each([
    [{ brokerUrl: 'broker' }, 'brokerUrl', 'Enter a full URL'],
    [{ brokerUrl: 'ftp://broker.example.com' }, 'brokerUrl', 'must start with http'],
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
