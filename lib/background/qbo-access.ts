/**
 * Reaches QuickBooks for the background: one token manager (so refreshes stay single-flight across
 * every caller) per broker URL, and QBO clients for the environment chosen in the options page.
 */
import { type BrokerClient, type QboEnvironment, type TokenManager, type TokenStore, createBrokerClient, createTokenManager, endpointsFor } from '@/lib/auth';
import { type QboClient, createQboClient } from '@/lib/qbo';
import type { Settings } from '@/lib/storage/settings';

export function qboEnvironmentOf(settings: Settings): QboEnvironment {
  if (settings.environment === 'custom') return { kind: 'custom', baseUrl: settings.customQboUrl };
  return { kind: settings.environment };
}

export interface QboAccess {
  tokens(): Promise<{ broker: BrokerClient; manager: TokenManager; settings: Settings }>;
  client(companyKey: string, realmId: string): Promise<QboClient>;
}

export function createQboAccess(deps: {
  readSettings: () => Promise<Settings>;
  tokenStore: TokenStore;
  clock: { now(): number };
  fetch?: typeof fetch;
}): QboAccess {
  let cached: { brokerUrl: string; broker: BrokerClient; manager: TokenManager } | null = null;

  const access: QboAccess = {
    async tokens() {
      const settings = await deps.readSettings();
      if (!cached || cached.brokerUrl !== settings.brokerUrl) {
        const broker = createBrokerClient({ baseUrl: settings.brokerUrl, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
        cached = { brokerUrl: settings.brokerUrl, broker, manager: createTokenManager({ broker, store: deps.tokenStore, clock: deps.clock }) };
      }
      return { broker: cached.broker, manager: cached.manager, settings };
    },
    async client(companyKey, realmId) {
      const { manager, settings } = await access.tokens();
      return createQboClient({
        baseUrl: endpointsFor(qboEnvironmentOf(settings)).apiBaseUrl,
        realmId,
        tokens: manager.providerFor(companyKey),
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      });
    },
  };
  return access;
}
