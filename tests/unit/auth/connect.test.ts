import { describe, expect, it } from 'vitest';
import { BrokerError, createConnectFlow, createTokenManager, type BrokerClient } from '@/lib/auth';
import { createMemoryTokenStore } from '../../fakes/memory-stores';

const redirectUri = 'https://ext.chromiumapp.org/';

function setup(answer: (url: URL) => Promise<string | undefined>, broker?: Partial<BrokerClient>) {
  const store = createMemoryTokenStore();
  const exchanged: unknown[] = [];
  const tokens = createTokenManager({
    store,
    clock: { now: () => 0 },
    broker: {
      config: async () => ({ clientId: 'qbo-sandbox-client', environment: 'custom' }),
      exchange: async (input) => {
        exchanged.push(input);
        return { access_token: 'a', refresh_token: 'r', expires_in: 3600, x_refresh_token_expires_in: 100 };
      },
      refresh: async () => Promise.reject(new Error('unused')),
      revoke: async () => undefined,
      ...broker,
    },
  });
  const seen: URL[] = [];
  const flow = createConnectFlow({
    environment: { kind: 'custom', baseUrl: 'http://127.0.0.1:4010' },
    clientId: 'cid',
    redirectUri,
    tokens,
    launchWebAuthFlow: async (url) => {
      const u = new URL(url);
      seen.push(u);
      return answer(u);
    },
  });
  return { flow, store, exchanged, seen };
}

const approve = async (u: URL) => `${redirectUri}?code=CODE&state=${u.searchParams.get('state')}&realmId=9130`;

describe('createConnectFlow', () => {
  it('opens the authorize page, checks state, exchanges the code and stores the connection', async () => {
    const { flow, store, exchanged, seen } = setup(approve);
    const result = await flow.connect('co1', null);
    expect(result).toMatchObject({ ok: true, realmId: '9130', connection: { state: 'connected' } });
    expect(seen[0]?.origin + (seen[0]?.pathname ?? '')).toBe('http://127.0.0.1:4010/connect/oauth2');
    expect(exchanged).toEqual([{ code: 'CODE', realmId: '9130', redirectUri }]);
    expect(await store.get('co1')).toMatchObject({ realmId: '9130' });
  });

  it('reports Cancel in words and stores nothing', async () => {
    const { flow, store } = setup(() => Promise.reject(new Error('The user did not approve access.')));
    const result = await flow.connect('co1', null);
    expect(result).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(await store.get('co1')).toBeUndefined();
  });

  it('reports access_denied', async () => {
    const { flow } = setup(async (u) => `${redirectUri}?error=access_denied&state=${u.searchParams.get('state')}`);
    expect(await flow.connect('co1', null)).toMatchObject({ ok: false, reason: 'denied' });
  });

  it('refuses a forged state without exchanging', async () => {
    const { flow, exchanged } = setup(async () => `${redirectUri}?code=X&state=forged&realmId=1`);
    expect(await flow.connect('co1', null)).toMatchObject({ ok: false, reason: 'state-mismatch' });
    expect(exchanged).toEqual([]);
  });

  it('refuses a different realm than the links were made with, before exchanging', async () => {
    const { flow, exchanged, store } = setup(approve);
    expect(await flow.connect('co1', '5555')).toMatchObject({ ok: false, reason: 'realm-mismatch' });
    expect(exchanged).toEqual([]);
    expect(await store.get('co1')).toBeUndefined();
  });

  it('refuses a realm another CStoreOffice company is connected to, naming it, before exchanging', async () => {
    const { flow, exchanged, store } = setup(approve);
    const result = await flow.connect('co2', null, async () => '“Sunrise Fuel & Food LLC” (03.cstoreoffice.com)');
    expect(result).toMatchObject({ ok: false, reason: 'realm-taken' });
    expect(result.ok ? '' : result.message).toMatch(
      /already connected to the CStoreOffice company “Sunrise Fuel & Food LLC” \(03\.cstoreoffice\.com\).*disconnect it there first/,
    );
    expect(exchanged).toEqual([]);
    expect(await store.get('co2')).toBeUndefined();
  });

  it('reports a failed exchange in words', async () => {
    const { flow } = setup(approve, {
      exchange: () => Promise.reject(new BrokerError('invalid_grant', 'used code', 400)),
    });
    const result = await flow.connect('co1', null);
    expect(result).toMatchObject({ ok: false, reason: 'exchange-failed' });
    expect(result.ok ? '' : result.message).toContain('invalid_grant');
  });
});
