/**
 * One token manager for the worker's life: a connection's refreshes stay single-flight even when
 * the broker URL is changed while one is going, and the new URL is used from then on.
 */
import { describe, expect, it } from 'vitest';
import { createQboAccess } from '@/lib/background/qbo-access';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/storage/settings';
import { createMemoryTokenStore } from '../../fakes/memory-stores';

const NOW = Date.parse('2026-12-04T12:00:00Z');

function setup() {
  let settings: Settings = { ...DEFAULT_SETTINGS, brokerUrl: 'https://broker-a.example.com' };
  const calls: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const fetch = (async (url: string | URL | Request) => {
    calls.push(String(url));
    await gate;
    const body = {
      access_token: `at-${calls.length}`,
      refresh_token: `rt-${calls.length}`,
      expires_in: 3600,
      x_refresh_token_expires_in: 8_640_000,
      token_type: 'bearer',
    };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  const store = createMemoryTokenStore([
    {
      companyId: 'co',
      realmId: '9130',
      accessToken: 'old',
      refreshToken: 'rt-0',
      accessExpiresAt: NOW - 1,
      refreshExpiresAt: NOW + 1e9,
      refreshHardExpiresAt: null,
      status: 'connected',
      connectedAt: NOW - 1e6,
      updatedAt: NOW - 1e6,
    },
  ]);
  const access = createQboAccess({
    readSettings: async () => settings,
    tokenStore: store,
    clock: { now: () => NOW },
    fetch,
  });
  return { access, calls, store, release, setBroker: (url: string) => (settings = { ...settings, brokerUrl: url }) };
}

describe('QuickBooks access in the background', () => {
  it('keeps one token manager when the broker URL changes, so a refresh going on is joined, not raced', async () => {
    const { access, calls, store, release, setBroker } = setup();
    const first = (await access.tokens()).manager;
    const a = first.providerFor('co').getAccessToken();
    await new Promise((r) => setTimeout(r, 0));
    setBroker('https://broker-b.example.com');
    const second = (await access.tokens()).manager;
    expect(second).toBe(first);
    const b = second.providerFor('co').getAccessToken();
    release();
    expect(await Promise.all([a, b])).toEqual(['at-1', 'at-1']);
    expect(calls).toEqual(['https://broker-a.example.com/refresh']);
    expect((await store.get('co'))?.refreshToken).toBe('rt-1');
  });

  it('asks the broker of the current settings for the next refresh', async () => {
    const { access, calls, release, setBroker } = setup();
    release();
    setBroker('https://broker-b.example.com');
    await (await access.tokens()).manager.providerFor('co').getAccessToken();
    expect(calls).toEqual(['https://broker-b.example.com/refresh']);
  });
});
