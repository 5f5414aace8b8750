/**
 * Talks to our token broker (server/), which adds the Intuit client secret the extension must never
 * hold. Answers are validated; Intuit's own error codes (invalid_grant, invalid_client) come through
 * on BrokerError so the token manager can tell "reconnect" from "try later".
 */
import { z } from 'zod';

export const TokenSet = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
  x_refresh_token_expires_in: z.number().positive(),
  x_refresh_token_hard_expires_in: z.number().positive().optional(),
  realmId: z.string().optional(),
});
export type TokenSet = z.infer<typeof TokenSet>;

const ErrorBody = z.object({ error: z.string(), error_description: z.string().optional() });

export class BrokerError extends Error {
  override name = 'BrokerError';
  constructor(
    /** Intuit's or the broker's error code: `invalid_grant`, `invalid_client`, `bad_request`, `network`... */
    readonly error: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export const BrokerConfig = z.object({ clientId: z.string().min(1), environment: z.string() });
export type BrokerConfig = z.infer<typeof BrokerConfig>;

export interface BrokerClient {
  /** The Intuit app's public client id (and the broker's environment), needed to start sign-in. */
  config(): Promise<BrokerConfig>;
  exchange(input: { code: string; redirectUri: string; realmId?: string }): Promise<TokenSet>;
  refresh(refreshToken: string): Promise<TokenSet>;
  revoke(token: string): Promise<void>;
}

/** How long a broker call may take before it is abandoned: a hung broker must never hang a run. */
const BROKER_TIMEOUT_MS = 15_000;

export function createBrokerClient(deps: { baseUrl: string; fetch?: typeof fetch; timeoutMs?: number }): BrokerClient {
  const base = deps.baseUrl.replace(/\/+$/, '');
  const doFetch = deps.fetch ?? ((...args) => globalThis.fetch(...args));
  const timeoutMs = deps.timeoutMs ?? BROKER_TIMEOUT_MS;

  const request = async (path: string, body: unknown, method: 'POST' | 'GET' = 'POST'): Promise<unknown> => {
    const signal = AbortSignal.timeout(timeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await doFetch(
        `${base}${path}`,
        method === 'GET'
          ? { headers: { Accept: 'application/json' }, signal }
          : {
              method,
              headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
              body: JSON.stringify(body),
              signal,
            },
      );
      text = await res.text();
    } catch (error) {
      if (signal.aborted)
        throw new BrokerError(
          'timeout',
          `The token broker did not answer in ${Math.round(timeoutMs / 1000)} s. Try again later, or check the broker URL in the options.`,
          0,
        );
      throw new BrokerError('network', `The token service could not be reached: ${(error as Error).message}`, 0);
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const parsed = ErrorBody.safeParse(json);
      const code = parsed.success ? parsed.data.error : `http_${res.status}`;
      throw new BrokerError(
        code,
        parsed.success ? (parsed.data.error_description ?? code) : `The token service answered HTTP ${res.status}`,
        res.status,
      );
    }
    return json;
  };

  const tokens = async (path: string, body: unknown): Promise<TokenSet> => {
    const parsed = TokenSet.safeParse(await request(path, body));
    if (!parsed.success)
      throw new BrokerError('bad_response', 'The token service sent tokens in an unexpected shape', 200);
    return parsed.data;
  };

  return {
    config: async () => {
      const parsed = BrokerConfig.safeParse(await request('/config', undefined, 'GET'));
      if (!parsed.success)
        throw new BrokerError('bad_response', 'The token service sent its settings in an unexpected shape', 200);
      return parsed.data;
    },
    exchange: ({ code, redirectUri, realmId }) =>
      tokens('/token', { code, redirect_uri: redirectUri, ...(realmId ? { realmId } : {}) }),
    refresh: (refreshToken) => tokens('/refresh', { refresh_token: refreshToken }),
    revoke: async (token) => {
      await request('/revoke', { token });
    },
  };
}
