/**
 * Where "Connect to QBO" and the API live for each environment the options page offers. Intuit's
 * sandbox shares the production authorize page and differs only in the API host; our own sandbox
 * serves everything (authorize, tokens, API) on one origin under Intuit's paths.
 */
export type QboEnvironment = { kind: 'production' } | { kind: 'sandbox' } | { kind: 'custom'; baseUrl: string };

export interface QboEndpoints {
  authorizeUrl: string;
  /** Origin of the accounting API, for createQboClient's baseUrl. */
  apiBaseUrl: string;
}

const INTUIT_AUTHORIZE = 'https://appcenter.intuit.com/connect/oauth2';

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

export function endpointsFor(env: QboEnvironment): QboEndpoints {
  switch (env.kind) {
    case 'production':
      return { authorizeUrl: INTUIT_AUTHORIZE, apiBaseUrl: 'https://quickbooks.api.intuit.com' };
    case 'sandbox':
      return { authorizeUrl: INTUIT_AUTHORIZE, apiBaseUrl: 'https://sandbox-quickbooks.api.intuit.com' };
    case 'custom': {
      const origin = new URL(env.baseUrl); // throws on a malformed URL before any request
      if (origin.protocol !== 'https:' && origin.protocol !== 'http:')
        throw new Error(`Not an http(s) URL: ${env.baseUrl}`);
      const base = trimSlash(env.baseUrl);
      return { authorizeUrl: `${base}/connect/oauth2`, apiBaseUrl: base };
    }
  }
}
