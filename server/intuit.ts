/**
 * The three token calls, made with Intuit's own `intuit-oauth` package. Its endpoints are mutable
 * process-wide statics; we set them right before each call, in the same synchronous step in which
 * the package reads them, so brokers pointed at different hosts can share a process.
 */
import OAuthClient from 'intuit-oauth';
import type { Endpoints } from './config';

export interface IntuitTokens {
  access_token: string;
  refresh_token: string;
  token_type?: string;
  expires_in: number;
  x_refresh_token_expires_in: number;
  x_refresh_token_hard_expires_in?: number;
}

/** An error Intuit answered with (`invalid_grant`, `invalid_client`...), or `upstream_unavailable`. */
export class IntuitError extends Error {
  override name = 'IntuitError';
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status: number,
  ) {
    super(`${error}: ${description}`);
  }
}

export interface IntuitOAuth {
  exchange(code: string, redirectUri: string, realmId?: string): Promise<IntuitTokens>;
  refresh(refreshToken: string): Promise<IntuitTokens>;
  revoke(token: string): Promise<void>;
}

interface WrappedError {
  error?: unknown;
  error_description?: unknown;
  authResponse?: { response?: { status?: unknown } } | '';
}

function toIntuitError(raw: unknown): IntuitError {
  const e = (raw ?? {}) as WrappedError;
  const status = typeof e.authResponse === 'object' ? Number(e.authResponse.response?.status) : NaN;
  const code = typeof e.error === 'string' && /^[a-z_]+$/.test(e.error) ? e.error : undefined;
  if (code && Number.isFinite(status) && status >= 400) {
    return new IntuitError(code, typeof e.error_description === 'string' ? e.error_description : code, status);
  }
  // No answer from Intuit (network, 5xx after the package's own retries): say so without details.
  return new IntuitError(
    'upstream_unavailable',
    'The Intuit token service could not be reached. Try again later.',
    502,
  );
}

const TOKEN_FIELDS = [
  'access_token',
  'refresh_token',
  'token_type',
  'expires_in',
  'x_refresh_token_expires_in',
  'x_refresh_token_hard_expires_in',
] as const;

/** Keeps only the token fields: nothing else from Intuit's answer is passed on. */
function pickTokens(json: unknown): IntuitTokens {
  const source = (json ?? {}) as Record<string, unknown>;
  const out = Object.fromEntries(TOKEN_FIELDS.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
  if (typeof out.access_token !== 'string' || typeof out.refresh_token !== 'string') {
    throw new IntuitError('upstream_invalid', 'The Intuit token service answered without tokens.', 502);
  }
  return out as unknown as IntuitTokens;
}

export function createIntuitOAuth(config: {
  clientId: string;
  clientSecret: string;
  environment: 'production' | 'sandbox' | 'custom';
  endpoints: Endpoints;
}): IntuitOAuth {
  const client = (redirectUri?: string): OAuthClient => {
    OAuthClient.tokenEndpoint = config.endpoints.token;
    OAuthClient.revokeEndpoint = config.endpoints.revoke;
    return new OAuthClient({
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      environment: config.environment === 'production' ? 'production' : 'sandbox',
      redirectUri: redirectUri ?? '',
      logging: false,
    });
  };

  const run = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw error instanceof IntuitError ? error : toIntuitError(error);
    }
  };

  return {
    exchange: (code, redirectUri, realmId) =>
      run(async () => {
        const query = new URLSearchParams({ code, ...(realmId ? { realmId } : {}) });
        const response = await client(redirectUri).createToken(`?${query.toString()}`);
        return pickTokens(response.json);
      }),
    refresh: (refreshToken) => run(async () => pickTokens((await client().refreshUsingToken(refreshToken)).json)),
    revoke: (token) =>
      run(async () => {
        await client().revoke({ refresh_token: token });
      }),
  };
}
