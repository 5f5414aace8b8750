import { describe, expect, it } from 'vitest';
import { BrokerError, createTokenManager, type BrokerClient, type TokenSet } from '@/lib/auth';
import { createMemoryTokenStore } from '../../fakes/memory-stores';
import { ReconnectNeededError } from '@/lib/qbo';

const HOUR = 3_600_000;

function fakeBroker() {
  let n = 0;
  const set = (): TokenSet => {
    n += 1;
    return {
      access_token: `at${n}`,
      refresh_token: `rt${n}`,
      expires_in: 3600,
      x_refresh_token_expires_in: 8_726_400,
      token_type: 'bearer',
    };
  };
  const broker = {
    refreshes: [] as string[],
    revoked: [] as string[],
    failRefresh: undefined as Error | undefined,
    failRevoke: false,
    exchange: async () => set(),
    refresh: async (rt: string) => {
      broker.refreshes.push(rt);
      await new Promise((r) => setTimeout(r, 5));
      if (broker.failRefresh) throw broker.failRefresh;
      return set();
    },
    config: async () => ({ clientId: 'qbo-sandbox-client', environment: 'custom' }),
    revoke: async (token: string) => {
      if (broker.failRevoke) throw new BrokerError('network', 'down', 0);
      broker.revoked.push(token);
    },
  } satisfies BrokerClient & Record<string, unknown>;
  return broker;
}

function setup() {
  let now = 1_000_000;
  const clock = { now: () => now, advance: (ms: number) => (now += ms) };
  const broker = fakeBroker();
  const store = createMemoryTokenStore();
  const manager = createTokenManager({ broker, store, clock });
  return { clock, broker, store, manager };
}

const grant = { code: 'c', realmId: '9130', redirectUri: 'https://x.chromiumapp.org/' };

describe('createTokenManager', () => {
  it('exchanges the code and stores tokens with their expiry times', async () => {
    const { manager, store } = setup();
    const info = await manager.connect('co1', grant);
    expect(info).toMatchObject({ state: 'connected', realmId: '9130', accessExpiresAt: 1_000_000 + HOUR });
    expect(await store.get('co1')).toMatchObject({ accessToken: 'at1', refreshToken: 'rt1', status: 'connected' });
    expect(await manager.getAccessToken('co1')).toBe('at1');
  });

  it('refreshes a minute before expiry, once for ten concurrent callers, persisting the rotated token first', async () => {
    const { manager, store, broker, clock } = setup();
    await manager.connect('co1', grant);
    clock.advance(HOUR - 30_000);
    const putsBefore = store.puts;
    const tokens = await Promise.all(Array.from({ length: 10 }, () => manager.getAccessToken('co1')));
    expect(new Set(tokens)).toEqual(new Set(['at2']));
    expect(broker.refreshes).toEqual(['rt1']);
    expect(store.puts).toBe(putsBefore + 1);
    expect((await store.get('co1'))?.refreshToken).toBe('rt2');
  });

  it('invalid_grant marks the connection reconnect-needed and keeps failing fast', async () => {
    const { manager, broker, store } = setup();
    await manager.connect('co1', grant);
    broker.failRefresh = new BrokerError('invalid_grant', 'Incorrect or invalid refresh token', 400);
    await expect(manager.refresh('co1')).rejects.toBeInstanceOf(ReconnectNeededError);
    expect(await store.get('co1')).toMatchObject({ status: 'reconnect-needed', lostReason: 'refused' });
    expect((await manager.info('co1')).state).toBe('reconnect-needed');
    await expect(manager.getAccessToken('co1')).rejects.toBeInstanceOf(ReconnectNeededError);
    expect(broker.refreshes).toHaveLength(1);
  });

  it('a broker outage keeps the stored tokens', async () => {
    const { manager, broker, store } = setup();
    await manager.connect('co1', grant);
    broker.failRefresh = new BrokerError('network', 'down', 0);
    await expect(manager.refresh('co1')).rejects.toBeInstanceOf(BrokerError);
    expect(await store.get('co1')).toMatchObject({ status: 'connected', refreshToken: 'rt1' });
  });

  it('an expired refresh token needs a reconnect without asking Intuit', async () => {
    const { manager, broker, clock, store } = setup();
    await manager.connect('co1', grant);
    clock.advance(8_726_400_000 + 1);
    await expect(manager.getAccessToken('co1')).rejects.toBeInstanceOf(ReconnectNeededError);
    expect(broker.refreshes).toEqual([]);
    expect((await store.get('co1'))?.lostReason).toBe('expired');
  });

  it('an unknown company is not connected', async () => {
    const { manager } = setup();
    await expect(manager.getAccessToken('nope')).rejects.toThrow(/not connected/);
    expect(await manager.info('nope')).toEqual({ state: 'disconnected' });
  });

  it('disconnect revokes the refresh token and deletes, even when the revoke fails', async () => {
    const { manager, broker, store } = setup();
    await manager.connect('co1', grant);
    expect(await manager.disconnect('co1')).toEqual({ revoked: true });
    expect(broker.revoked).toEqual(['rt1']);
    expect(await store.get('co1')).toBeUndefined();
    await manager.connect('co2', grant);
    broker.failRevoke = true;
    expect(await manager.disconnect('co2')).toEqual({ revoked: false });
    expect(await store.get('co2')).toBeUndefined();
  });

  it('providerFor gives createQboClient its token provider', async () => {
    const { manager } = setup();
    await manager.connect('co1', grant);
    const provider = manager.providerFor('co1');
    expect(await provider.getAccessToken()).toBe('at1');
    await provider.refresh();
    expect(await provider.getAccessToken()).toBe('at2');
  });

  it('a Disconnect while a refresh is in flight stays a disconnect; the new tokens are revoked', async () => {
    const { manager, store, broker, clock } = setup();
    await manager.connect('co1', grant);
    clock.advance(HOUR);
    const refreshing = manager.refresh('co1');
    await manager.disconnect('co1');
    await expect(refreshing).rejects.toBeInstanceOf(ReconnectNeededError);
    expect(await store.get('co1')).toBeUndefined();
    expect(broker.revoked).toContain('rt2');
    expect(await manager.info('co1')).toEqual({ state: 'disconnected' });
  });

  it('two managers refreshing at once end with the newest refresh token stored, never the older one', async () => {
    const { store, broker, clock } = setup();
    const a = createTokenManager({ broker, store, clock });
    const b = createTokenManager({ broker, store, clock });
    await a.connect('co1', grant);
    clock.advance(HOUR);
    const first = a.refresh('co1');
    await new Promise((r) => setTimeout(r, 1));
    clock.advance(1);
    const second = b.refresh('co1');
    const [ta, tb] = await Promise.all([first, second]);
    // The first to answer stored its tokens; the other found them and used them instead of writing.
    const stored = await store.get('co1');
    expect(stored?.refreshToken).toBe('rt2');
    expect([ta, tb]).toEqual(['at2', 'at2']);
  });
});
