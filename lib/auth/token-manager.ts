/**
 * Owns each company's QBO tokens: exchanges the authorization code through the broker, hands out
 * access tokens (refreshing shortly before they expire), refreshes once at a time per company,
 * persists every rotated refresh token before the new access token is used, marks the connection
 * "reconnect needed" when Intuit refuses the refresh token, and disconnects (revoke + delete).
 */
import { ReconnectNeededError, type TokenProvider } from '../qbo';
import { BrokerError, type BrokerClient, type TokenSet } from './broker-client';
import type { StoredConnection, TokenStore } from './token-store';

export interface TokenManagerDeps {
  broker: BrokerClient;
  store: TokenStore;
  clock: { now(): number };
  /** Refresh this long before the access token expires (Intuit's own SDK uses a minute). */
  skewMs?: number;
}

export interface ConnectionInfo {
  state: 'disconnected' | 'connected' | 'reconnect-needed';
  realmId?: string;
  accessExpiresAt?: number;
  refreshExpiresAt?: number;
}

export interface TokenManager {
  connect(companyId: string, grant: { code: string; realmId: string; redirectUri: string }): Promise<ConnectionInfo>;
  getAccessToken(companyId: string): Promise<string>;
  refresh(companyId: string): Promise<string>;
  /** The `tokens` dependency of createQboClient for one company. */
  providerFor(companyId: string): TokenProvider;
  info(companyId: string): Promise<ConnectionInfo>;
  /** Revokes at Intuit (best effort) and deletes the tokens; `revoked` says whether Intuit confirmed. */
  disconnect(companyId: string): Promise<{ revoked: boolean }>;
}

const INVALID_GRANT_WORDS =
  'QuickBooks no longer accepts this connection (it expired or was disconnected). Connect to QuickBooks again.';

export function createTokenManager(deps: TokenManagerDeps): TokenManager {
  const skew = deps.skewMs ?? 60_000;
  const inflight = new Map<string, Promise<string>>();

  const fromTokenSet = (companyId: string, realmId: string, set: TokenSet, connectedAt: number): StoredConnection => {
    const now = deps.clock.now();
    return {
      companyId,
      realmId,
      accessToken: set.access_token,
      refreshToken: set.refresh_token,
      accessExpiresAt: now + set.expires_in * 1000,
      refreshExpiresAt: now + set.x_refresh_token_expires_in * 1000,
      refreshHardExpiresAt: set.x_refresh_token_hard_expires_in
        ? now + set.x_refresh_token_hard_expires_in * 1000
        : null,
      status: 'connected',
      connectedAt,
      updatedAt: now,
    };
  };

  const infoOf = (c: StoredConnection | undefined): ConnectionInfo =>
    c
      ? {
          state: c.status,
          realmId: c.realmId,
          accessExpiresAt: c.accessExpiresAt,
          refreshExpiresAt: c.refreshExpiresAt,
        }
      : { state: 'disconnected' };

  const markReconnect = async (
    c: StoredConnection,
    lostReason: StoredConnection['lostReason'],
    cause?: unknown,
  ): Promise<never> => {
    await deps.store.put({ ...c, status: 'reconnect-needed', lostReason, updatedAt: deps.clock.now() });
    throw new ReconnectNeededError(INVALID_GRANT_WORDS, { cause });
  };

  const usable = async (companyId: string): Promise<StoredConnection> => {
    const c = await deps.store.get(companyId);
    if (!c) throw new ReconnectNeededError('This company is not connected to QuickBooks. Click Connect to QBO.');
    if (c.status === 'reconnect-needed') throw new ReconnectNeededError(INVALID_GRANT_WORDS);
    return c;
  };

  const doRefresh = async (companyId: string): Promise<string> => {
    const c = await usable(companyId);
    const now = deps.clock.now();
    if (now >= c.refreshExpiresAt || (c.refreshHardExpiresAt !== null && now >= c.refreshHardExpiresAt))
      return markReconnect(c, 'expired');
    let set: TokenSet;
    try {
      set = await deps.broker.refresh(c.refreshToken);
    } catch (error) {
      if (error instanceof BrokerError && error.error === 'invalid_grant') return markReconnect(c, 'refused', error);
      throw error; // network or broker trouble: the stored tokens are still good, try again later
    }
    // While Intuit answered, the connection may have been disconnected, connected anew, or refreshed
    // by another manager: never write over any of those (a lost rotated refresh token is a lost
    // connection, and a disconnect must stay one).
    const current = await deps.store.get(companyId);
    if (!current) {
      void deps.broker.revoke(set.refresh_token).catch(() => {});
      throw new ReconnectNeededError('This company was disconnected from QuickBooks. Click Connect to QBO.');
    }
    if (
      current.connectedAt !== c.connectedAt ||
      current.refreshToken !== c.refreshToken ||
      current.updatedAt !== c.updatedAt
    ) {
      if (current.status !== 'connected') throw new ReconnectNeededError(INVALID_GRANT_WORDS);
      return current.accessToken;
    }
    // Persist the rotated refresh token before anyone uses the new access token: if we crashed after
    // using it but before saving, the next refresh would present a token Intuit has replaced.
    const next = fromTokenSet(companyId, c.realmId, set, c.connectedAt);
    await deps.store.put(next);
    return next.accessToken;
  };

  const manager: TokenManager = {
    async connect(companyId, grant) {
      const set = await deps.broker.exchange({
        code: grant.code,
        redirectUri: grant.redirectUri,
        realmId: grant.realmId,
      });
      const connection = fromTokenSet(companyId, grant.realmId, set, deps.clock.now());
      await deps.store.put(connection);
      return infoOf(connection);
    },
    refresh(companyId) {
      let pending = inflight.get(companyId);
      if (!pending) {
        pending = doRefresh(companyId).finally(() => inflight.delete(companyId));
        inflight.set(companyId, pending);
      }
      return pending;
    },
    async getAccessToken(companyId) {
      const pending = inflight.get(companyId);
      if (pending) return pending;
      const c = await usable(companyId);
      if (deps.clock.now() + skew < c.accessExpiresAt) return c.accessToken;
      return manager.refresh(companyId);
    },
    providerFor(companyId) {
      return { getAccessToken: () => manager.getAccessToken(companyId), refresh: () => manager.refresh(companyId) };
    },
    info: async (companyId) => infoOf(await deps.store.get(companyId)),
    async disconnect(companyId) {
      const c = await deps.store.get(companyId);
      if (!c) return { revoked: false };
      let revoked = false;
      try {
        // Revoking the refresh token ends the whole grant, access token included.
        await deps.broker.revoke(c.refreshToken);
        revoked = true;
      } catch {
        revoked = false; // deleting locally still disconnects this browser; Intuit drops the grant when it expires
      }
      await deps.store.delete(companyId);
      return { revoked };
    },
  };
  return manager;
}
