/**
 * "Connect to QBO" end to end, with the browser kept behind `launchWebAuthFlow` (in the extension:
 * `url => chrome.identity.launchWebAuthFlow({ url, interactive: true })`) so the flow is testable.
 * Every outcome is data: success with the realm, or a failure with words for the user.
 */
import {
  buildAuthorizeUrl,
  checkRealm,
  createState,
  describeLaunchError,
  parseRedirect,
  realmTaken,
  type AuthFailure,
} from './authorize';
import { BrokerError } from './broker-client';
import { endpointsFor, type QboEnvironment } from './environments';
import type { ConnectionInfo, TokenManager } from './token-manager';

export interface ConnectDeps {
  environment: QboEnvironment;
  clientId: string;
  /** `chrome.identity.getRedirectURL()`; must be registered on the Intuit app. */
  redirectUri: string;
  launchWebAuthFlow: (url: string) => Promise<string | undefined>;
  tokens: TokenManager;
  getRandomValues?: (bytes: Uint8Array) => Uint8Array;
}

export type ConnectResult = { ok: true; realmId: string; connection: ConnectionInfo } | AuthFailure;

export function createConnectFlow(deps: ConnectDeps) {
  return {
    /**
     * Connects `companyId`. `linkedRealmId` is the realm its existing links were made with (null when
     * it has none): a different realm is refused before the code is exchanged, so nothing is stored.
     * `holderOf` names another company already connected to a realm: that realm is refused too.
     */
    async connect(
      companyId: string,
      linkedRealmId: string | null,
      holderOf?: (realmId: string) => Promise<string | null>,
    ): Promise<ConnectResult> {
      const state = createState(deps.getRandomValues);
      const url = buildAuthorizeUrl({
        authorizeUrl: endpointsFor(deps.environment).authorizeUrl,
        clientId: deps.clientId,
        redirectUri: deps.redirectUri,
        state,
      });
      let redirect: string | undefined;
      try {
        redirect = await deps.launchWebAuthFlow(url);
      } catch (error) {
        return describeLaunchError(error);
      }
      if (!redirect) return describeLaunchError(new Error('closed by the user'));
      const parsed = parseRedirect(redirect, state);
      if (!parsed.ok) return parsed;
      const realm = checkRealm(linkedRealmId, parsed.realmId);
      if (!realm.ok) return realm;
      const holder = holderOf ? await holderOf(parsed.realmId) : null;
      if (holder) return realmTaken(parsed.realmId, holder);
      try {
        const connection = await deps.tokens.connect(companyId, {
          code: parsed.code,
          realmId: parsed.realmId,
          redirectUri: deps.redirectUri,
        });
        return { ok: true, realmId: parsed.realmId, connection };
      } catch (error) {
        const detail = error instanceof BrokerError ? error.error : (error as Error).message;
        return {
          ok: false,
          reason: 'exchange-failed',
          message: `QuickBooks approved the connection but the extension could not finish it (${detail}). Try connecting again.`,
        };
      }
    },
  };
}
