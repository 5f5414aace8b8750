/**
 * Reaches QuickBooks for the background: one token manager for the worker's life, so each
 * connection's refreshes stay single-flight across every caller (even while the broker URL is
 * changed in the options), and QBO clients for the environment chosen in the options page.
 */
import {
  type BrokerClient,
  type QboEnvironment,
  type TokenManager,
  type TokenStore,
  createBrokerClient,
  createTokenManager,
  endpointsFor,
} from '@/lib/auth';
import { type QboClient, type QboClientOptions, createQboClient } from '@/lib/qbo';
import type { Settings } from '@/lib/storage/settings';

export function qboEnvironmentOf(settings: Settings): QboEnvironment {
  if (settings.environment === 'custom') return { kind: 'custom', baseUrl: settings.customQboUrl };
  return { kind: settings.environment };
}

export interface QboAccess {
  tokens(): Promise<{ broker: BrokerClient; manager: TokenManager; settings: Settings }>;
  /** `onRetry`: told of each wait before a request is tried again (throttling, 5xx, a lost answer). */
  client(companyKey: string, realmId: string, hooks?: { onRetry?: QboClientOptions['onRetry'] }): Promise<QboClient>;
}

export function createQboAccess(deps: {
  readSettings: () => Promise<Settings>;
  tokenStore: TokenStore;
  clock: { now(): number };
  fetch?: typeof fetch;
}): QboAccess {
  let cached: { brokerUrl: string; broker: BrokerClient } | null = null;
  const brokerFor = (settings: Settings): BrokerClient => {
    if (!cached || cached.brokerUrl !== settings.brokerUrl) {
      cached = {
        brokerUrl: settings.brokerUrl,
        broker: createBrokerClient({ baseUrl: settings.brokerUrl, ...(deps.fetch ? { fetch: deps.fetch } : {}) }),
      };
    }
    return cached.broker;
  };
  // The manager asks for the broker of the current settings on each call: a new broker URL never
  // makes a second manager whose refresh could race the first one's.
  const current = async () => brokerFor(await deps.readSettings());
  const broker: BrokerClient = {
    config: async () => (await current()).config(),
    exchange: async (input) => (await current()).exchange(input),
    refresh: async (token) => (await current()).refresh(token),
    revoke: async (token) => (await current()).revoke(token),
  };
  const manager = createTokenManager({ broker, store: deps.tokenStore, clock: deps.clock });

  const access: QboAccess = {
    async tokens() {
      const settings = await deps.readSettings();
      return { broker: brokerFor(settings), manager, settings };
    },
    async client(companyKey, realmId, hooks = {}) {
      const { manager, settings } = await access.tokens();
      return createQboClient({
        baseUrl: endpointsFor(qboEnvironmentOf(settings)).apiBaseUrl,
        realmId,
        tokens: manager.providerFor(companyKey),
        ...(hooks.onRetry ? { onRetry: hooks.onRetry } : {}),
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      });
    },
  };
  return access;
}
