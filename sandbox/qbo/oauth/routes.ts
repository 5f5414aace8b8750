/**
 * Intuit's OAuth 2.0 endpoints on the sandbox origin: authorize (consent page or auto-approve),
 * token (authorization_code, refresh_token), revoke, userinfo, discovery and JWKS.
 */
import type { IncomingMessage } from 'node:http';
import { parseForm, parseJson, readBody, redirect, sendHtml, sendJson, type Router } from '../../common/index';
import type { RegisteredClient } from '../options';
import type { Handler, QboState, RequestContext } from '../state';
import { renderAuthorizePage, renderOAuthErrorPage } from './authorize-page';
import type { IssuedTokens } from './token-store';

const KNOWN_SCOPES = new Set([
  'com.intuit.quickbooks.accounting',
  'com.intuit.quickbooks.payment',
  'openid',
  'profile',
  'email',
  'phone',
  'address',
  'payroll.compensation.read',
  'project-management.project',
  'app-foundations.custom-dimensions.read',
  'app-foundations.custom-field-definitions',
  'time-tracking.time-entry',
  'indirect-tax.tax-calculation.quickbooks',
]);

function redirectUriAllowed(client: RegisteredClient, uri: string): boolean {
  if (client.redirectUris) return client.redirectUris.includes(uri);
  // The sandbox app has the extension's redirect URLs registered: Chrome's and Firefox's (identity API).
  return (
    /^https:\/\/[a-z0-9-]+\.chromiumapp\.org\//.test(uri) ||
    /^https:\/\/[a-f0-9]+\.extensions\.allizom\.org\//.test(uri) ||
    /^http:\/\/127\.0\.0\.1:\d+(\/|$)/.test(uri)
  );
}

const withQuery = (uri: string, params: Record<string, string>): string => {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
};

async function readParams(req: IncomingMessage): Promise<Record<string, string>> {
  const text = await readBody(req);
  if ((req.headers['content-type'] ?? '').includes('json')) {
    const json = parseJson(text);
    return json && typeof json === 'object'
      ? Object.fromEntries(Object.entries(json).map(([k, v]) => [k, String(v)]))
      : {};
  }
  return parseForm(text);
}

/** Basic auth first (what intuit-oauth sends), then client_secret_post. */
function authenticateClient(
  state: QboState,
  req: IncomingMessage,
  params: Record<string, string>,
): RegisteredClient | undefined {
  let id = params.client_id;
  let secret = params.client_secret;
  const header = req.headers.authorization ?? '';
  if (header.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    [id, secret] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
  }
  const client = id ? state.clients.get(id) : undefined;
  return client && client.clientSecret === secret ? client : undefined;
}

function tokenJson(state: QboState, tokens: IssuedTokens, includeHard: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    token_type: 'bearer',
    access_token: tokens.accessToken,
    refresh_token: tokens.refreshToken,
    expires_in: tokens.expiresIn,
    x_refresh_token_expires_in: tokens.refreshExpiresIn,
  };
  if (includeHard) body.x_refresh_token_hard_expires_in = tokens.hardExpiresIn;
  if (tokens.grant.scopes.includes('openid')) {
    const iat = Math.floor(state.clock.now() / 1000);
    body.id_token = state.signer.sign({
      sub: `sandbox-user-${tokens.grant.realmId}`,
      aud: [tokens.grant.clientId],
      realmid: tokens.grant.realmId,
      auth_time: iat,
      iat,
      exp: iat + 3600,
    });
  }
  return body;
}

/** Validates an authorize request; returns the page error text, or the redirect URI to send an error to. */
function checkAuthorize(
  state: QboState,
  p: Record<string, string>,
): { fatal?: string; redirectError?: string; client?: RegisteredClient; scopes: string[] } {
  const client = p.client_id ? state.clients.get(p.client_id) : undefined;
  const scopes = (p.scope ?? '').split(/[\s+]+/).filter(Boolean);
  if (!client) return { fatal: 'The client_id is not registered (invalid_client).', scopes };
  if (!p.redirect_uri || !redirectUriAllowed(client, p.redirect_uri))
    return { fatal: 'The redirect_uri is not registered for this app (invalid redirect_uri).', scopes };
  if (p.response_type !== 'code') return { redirectError: 'unsupported_response_type', client, scopes };
  if (scopes.length === 0 || scopes.some((s) => !KNOWN_SCOPES.has(s)))
    return { redirectError: 'invalid_scope', client, scopes };
  if (!p.state) return { redirectError: 'invalid_request', client, scopes };
  return { client, scopes };
}

function authorize(ctx: RequestContext, p: Record<string, string>, decision: 'show' | 'connect' | 'cancel'): void {
  const { state, res } = ctx;
  ctx.tags.push(`authorize:${decision}`);
  const check = checkAuthorize(state, p);
  if (check.fatal || !check.client) return sendHtml(res, 400, renderOAuthErrorPage(check.fatal ?? 'invalid request'));
  const redirectUri = p.redirect_uri as string;
  const back = (params: Record<string, string>): void =>
    redirect(res, withQuery(redirectUri, { ...params, ...(p.state ? { state: p.state } : {}) }));
  if (check.redirectError) return back({ error: check.redirectError });
  if (decision === 'cancel') return back({ error: 'access_denied' });
  const realms = [...state.realms.values()];
  if (decision === 'show' && !state.switches.autoApprove) {
    const hidden = {
      client_id: p.client_id ?? '',
      redirect_uri: redirectUri,
      scope: check.scopes.join(' '),
      state: p.state ?? '',
      response_type: 'code',
    };
    const companies = realms.map((r) => ({ realmId: r.realmId, name: String(r.companyInfo.data.CompanyName) }));
    return sendHtml(
      res,
      200,
      renderAuthorizePage({ appName: check.client.appName, scopes: check.scopes, companies, hidden }),
    );
  }
  const realmId = decision === 'connect' ? p.realmId : (state.autoApproveRealmId ?? realms[0]?.realmId);
  if (!realmId || !state.realms.has(realmId))
    return sendHtml(res, 400, renderOAuthErrorPage('Choose a company to connect.'));
  const code = state.tokens.issueCode({ clientId: check.client.clientId, redirectUri, realmId, scopes: check.scopes });
  ctx.realm = realmId;
  back({ code, realmId });
}

const token: Handler = async (ctx) => {
  const { state, req, res } = ctx;
  const p = await readParams(req);
  const client = authenticateClient(state, req, p);
  ctx.tags.push(`token:${p.grant_type ?? 'none'}`);
  if (!client) return sendJson(res, 401, { error: 'invalid_client' });
  const includeHard = req.headers['x-include-refresh-token-hard-expires-in'] === 'true';
  let result;
  if (p.grant_type === 'authorization_code') {
    if (!p.code || !p.redirect_uri) return sendJson(res, 400, { error: 'invalid_request' });
    result = state.tokens.exchangeCode({ clientId: client.clientId, code: p.code, redirectUri: p.redirect_uri });
  } else if (p.grant_type === 'refresh_token') {
    if (!p.refresh_token) return sendJson(res, 400, { error: 'invalid_request' });
    result = state.tokens.refresh({ clientId: client.clientId, refreshToken: p.refresh_token });
  } else {
    return sendJson(res, 400, { error: 'unsupported_grant_type' });
  }
  if (typeof result === 'string')
    return sendJson(res, 400, { error: 'invalid_grant', error_description: 'Incorrect or invalid refresh token' });
  ctx.realm = result.grant.realmId;
  sendJson(res, 200, tokenJson(state, result, includeHard), { 'Cache-Control': 'no-store' });
};

const revoke: Handler = async (ctx) => {
  const { state, req, res } = ctx;
  const p = await readParams(req);
  ctx.tags.push('revoke');
  if (!authenticateClient(state, req, p)) return sendJson(res, 401, { error: 'invalid_client' });
  if (!p.token) return sendJson(res, 400, { error: 'invalid_request' });
  state.tokens.revoke(p.token, state.switches.revokeKillsAccessToken);
  sendJson(res, 200, {});
};

const userinfo: Handler = (ctx) => {
  const auth = ctx.req.headers.authorization ?? '';
  const check = ctx.state.tokens.checkAccess(auth.replace(/^Bearer\s+/i, ''));
  if (!('grant' in check)) return sendJson(ctx.res, 401, { error: 'invalid_token' });
  if (!check.grant.scopes.includes('openid')) return sendJson(ctx.res, 403, { error: 'insufficient_scope' });
  const realmId = check.grant.realmId;
  sendJson(ctx.res, 200, {
    sub: `sandbox-user-${realmId}`,
    email: 'owner@example.com',
    emailVerified: true,
    givenName: 'Sandbox',
    familyName: 'Owner',
    phoneNumber: '+1 5125550100',
    phoneNumberVerified: false,
    address: {
      streetAddress: '100 Main Street',
      locality: 'Millbrook',
      region: 'TX',
      postalCode: '78600',
      country: 'US',
    },
  });
};

const discovery: Handler = (ctx) => {
  const o = ctx.origin;
  sendJson(ctx.res, 200, {
    issuer: 'https://oauth.platform.intuit.com/op/v1',
    authorization_endpoint: `${o}/connect/oauth2`,
    token_endpoint: `${o}/oauth2/v1/tokens/bearer`,
    userinfo_endpoint: `${o}/v1/openid_connect/userinfo`,
    revocation_endpoint: `${o}/v2/oauth2/tokens/revoke`,
    jwks_uri: `${o}/op/v1/jwks`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'email', 'profile', 'address', 'phone'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    claims_supported: ['aud', 'exp', 'iat', 'iss', 'realmid', 'sub'],
  });
};

export function addOAuthRoutes(router: Router<Handler>): void {
  router
    .add('GET', '/connect/oauth2', (ctx) => authorize(ctx, Object.fromEntries(ctx.url.searchParams), 'show'))
    .add('POST', '/connect/oauth2', async (ctx) => {
      const p = parseForm(await readBody(ctx.req));
      authorize(ctx, p, p.action === 'connect' ? 'connect' : 'cancel');
    })
    .add('POST', '/oauth2/v1/tokens/bearer', token)
    .add('POST', '/v2/oauth2/tokens/revoke', revoke)
    .add('GET', '/v1/openid_connect/userinfo', userinfo)
    .add('GET', '/.well-known/openid_configuration', discovery)
    .add('GET', '/.well-known/openid_sandbox_configuration', discovery)
    .add('GET', '/op/v1/jwks', (ctx) => sendJson(ctx.res, 200, ctx.state.signer.jwks()));
}
