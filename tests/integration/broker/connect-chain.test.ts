import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQboSandbox, type QboSandbox } from '@/sandbox/qbo/index';
import { startBroker, type StartedBroker } from '@/server/index';
import {
  createBrokerClient,
  createConnectFlow,
  createTokenManager,
  endpointsFor,
  type QboEnvironment,
} from '@/lib/auth';
import { createMemoryTokenStore } from '../../fakes/memory-stores';
import { createQboClient, ReconnectNeededError } from '@/lib/qbo';

const CLIENT_ID = 'qbo-sandbox-client';
const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

let sandbox: QboSandbox;
let broker: StartedBroker;

beforeAll(async () => {
  sandbox = await startQboSandbox({ clockSpeed: 0, realms: [{ seed: 'convenience-store' }] });
  sandbox.state.switches.autoApprove = true;
  broker = await startBroker({
    port: 0,
    clientId: CLIENT_ID,
    clientSecret: 'qbo-sandbox-secret',
    environment: 'custom',
    customBaseUrl: sandbox.url,
    allowedOrigins: [EXT],
    log: () => undefined,
  });
});
afterAll(async () => {
  await broker.stop();
  await sandbox.stop();
});

/** The whole chain the background wires: connect flow → broker → intuit-oauth → sandbox; client → token manager. */
function wire() {
  const environment: QboEnvironment = { kind: 'custom', baseUrl: sandbox.url };
  const clock = { now: () => sandbox.clock.now(), sleep: async (ms: number) => sandbox.clock.advance(ms) };
  // The extension's fetch carries its origin; Node's does not, so add it.
  const extFetch: typeof fetch = (input, init) =>
    fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: EXT } });
  const store = createMemoryTokenStore();
  const tokens = createTokenManager({
    broker: createBrokerClient({ baseUrl: broker.url, fetch: extFetch }),
    store,
    clock,
  });
  const flow = createConnectFlow({
    environment,
    clientId: CLIENT_ID,
    redirectUri: REDIRECT,
    tokens,
    // What chrome.identity.launchWebAuthFlow does with the auto-approving sandbox page: follow to the redirect.
    launchWebAuthFlow: async (url) => (await fetch(url, { redirect: 'manual' })).headers.get('location') ?? undefined,
  });
  const clientFor = (companyId: string, realmId: string) =>
    createQboClient({
      baseUrl: endpointsFor(environment).apiBaseUrl,
      realmId,
      tokens: tokens.providerFor(companyId),
      clock,
      random: () => 0.5,
    });
  return { flow, tokens, store, clientFor };
}

const refreshes = (): number =>
  Object.values(sandbox.state.log.allCounters()).reduce((n, c) => n + (c.byTag['token:refresh_token'] ?? 0), 0);

describe('Connect to QBO, end to end without a browser', () => {
  it('connects, reads the company name, refreshes once for ten concurrent calls, and disconnects', async () => {
    const { flow, tokens, store, clientFor } = wire();
    const result = await flow.connect('cso-1', null);
    expect(result).toMatchObject({ ok: true, realmId: sandbox.realmIds[0] });
    if (!result.ok) return;
    const client = clientFor('cso-1', result.realmId);
    expect((await client.companyInfo()).CompanyName).toBeTruthy();

    sandbox.clock.advance(3600_000 + 1);
    const before = refreshes();
    await Promise.all(Array.from({ length: 10 }, () => client.companyInfo()));
    expect(refreshes() - before).toBe(1);
    expect((await store.get('cso-1'))?.accessExpiresAt).toBeGreaterThan(sandbox.clock.now());

    expect(await tokens.disconnect('cso-1')).toEqual({ revoked: true });
    expect(await tokens.info('cso-1')).toEqual({ state: 'disconnected' });
    await expect(client.companyInfo()).rejects.toBeInstanceOf(ReconnectNeededError);
  });

  it('a grant revoked elsewhere marks the connection "reconnect needed"', async () => {
    const { flow, tokens, store, clientFor } = wire();
    const result = await flow.connect('cso-2', null);
    if (!result.ok) throw new Error(result.message);
    const stored = await store.get('cso-2');
    await createBrokerClient({
      baseUrl: broker.url,
      fetch: (i, init) => fetch(i, { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: EXT } }),
    }).revoke(stored!.refreshToken);
    await expect(clientFor('cso-2', result.realmId).companyInfo()).rejects.toBeInstanceOf(ReconnectNeededError);
    expect((await tokens.info('cso-2')).state).toBe('reconnect-needed');
  });

  it('refuses a different realm than the links were made with', async () => {
    const { flow, store } = wire();
    const result = await flow.connect('cso-3', '1234567890');
    expect(result).toMatchObject({ ok: false, reason: 'realm-mismatch' });
    expect(await store.get('cso-3')).toBeUndefined();
  });

  it('reports access denied in words', async () => {
    const { store } = wire();
    const flow = createConnectFlow({
      environment: { kind: 'custom', baseUrl: sandbox.url },
      clientId: CLIENT_ID,
      redirectUri: REDIRECT,
      tokens: createTokenManager({
        broker: createBrokerClient({ baseUrl: broker.url }),
        store,
        clock: { now: () => 0 },
      }),
      // The user pressed Cancel on the sandbox's authorize page.
      launchWebAuthFlow: async (url) => {
        const u = new URL(url);
        const form = new URLSearchParams({
          client_id: CLIENT_ID,
          redirect_uri: REDIRECT,
          scope: u.searchParams.get('scope') ?? '',
          state: u.searchParams.get('state') ?? '',
          response_type: 'code',
          action: 'cancel',
        });
        const res = await fetch(`${sandbox.url}/connect/oauth2`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        });
        return res.headers.get('location') ?? undefined;
      },
    });
    const result = await flow.connect('cso-4', null);
    expect(result).toMatchObject({ ok: false, reason: 'denied' });
  });
});
