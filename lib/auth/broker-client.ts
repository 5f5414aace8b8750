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

export interface BrokerClient {
  exchange(input: { code: string; redirectUri: string; realmId?: string }): Promise<TokenSet>;
  refresh(refreshToken: string): Promise<TokenSet>;
  revoke(token: string): Promise<void>;
}

export function createBrokerClient(deps: { baseUrl: string; fetch?: typeof fetch }): BrokerClient {
  const base = deps.baseUrl.replace(/\/+$/, '');
  const doFetch = deps.fetch ?? ((...args) => globalThis.fetch(...args));

  const post = async (path: string, body: unknown): Promise<unknown> => {
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
    } catch (error) {
      throw new BrokerError('network', `The token service could not be reached: ${(error as Error).message}`, 0);
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const parsed = ErrorBody.safeParse(json);
      const code = parsed.success ? parsed.data.error : `http_${res.status}`;
      throw new BrokerError(code, parsed.success ? parsed.data.error_description ?? code : `The token service answered HTTP ${res.status}`, res.status);
    }
    return json;
  };

  const tokens = async (path: string, body: unknown): Promise<TokenSet> => {
    const parsed = TokenSet.safeParse(await post(path, body));
    if (!parsed.success) throw new BrokerError('bad_response', 'The token service sent tokens in an unexpected shape', 200);
    return parsed.data;
  };

  return {
    exchange: ({ code, redirectUri, realmId }) => tokens('/token', { code, redirect_uri: redirectUri, ...(realmId ? { realmId } : {}) }),
    refresh: (refreshToken) => tokens('/refresh', { refresh_token: refreshToken }),
    revoke: async (token) => {
      await post('/revoke', { token });
    },
  };
}
