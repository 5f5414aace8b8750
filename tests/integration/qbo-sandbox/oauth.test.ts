// §13 items 22–23: Intuit's OAuth server and token semantics, over raw HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.sb.stop());

const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/qbo';
const BASIC = `Basic ${Buffer.from('qbo-sandbox-client:qbo-sandbox-secret').toString('base64')}`;
const authorizeUrl = (extra: Record<string, string> = {}) =>
  `${h.url}/connect/oauth2?${new URLSearchParams({ client_id: 'qbo-sandbox-client', response_type: 'code', scope: 'com.intuit.quickbooks.accounting openid', redirect_uri: REDIRECT, state: 'st-123', ...extra })}`;

const decide = async (action: 'connect' | 'cancel', realmId: string): Promise<URL> => {
  const form = new URLSearchParams({
    client_id: 'qbo-sandbox-client',
    response_type: 'code',
    scope: 'com.intuit.quickbooks.accounting openid',
    redirect_uri: REDIRECT,
    state: 'st-123',
    realmId,
    action,
  });
  const res = await fetch(`${h.url}/connect/oauth2`, { method: 'POST', body: form, redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '');
};

const tokenRequest = (form: Record<string, string>, headers: Record<string, string> = { Authorization: BASIC }) =>
  fetch(`${h.url}/oauth2/v1/tokens/bearer`, {
    method: 'POST',
    body: new URLSearchParams(form),
    headers: { Accept: 'application/json', ...headers },
  });

const codeFor = async (): Promise<string> => (await decide('connect', h.realm)).searchParams.get('code') ?? '';

describe('§13.22 authorize page', () => {
  it('shows the app asking for access with a company picker, Connect and Cancel', async () => {
    const res = await fetch(authorizeUrl());
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<strong>QB Sync Manager for CStoreOffice</strong> wants to connect');
    expect(html).toContain(`<option value="${h.realm}" selected>Millbrook Fuel &amp; Convenience LLC</option>`);
    expect(html).toMatch(/<button type="submit" name="action" value="connect">Connect<\/button>/);
    expect(html).toMatch(/<button type="submit" name="action" value="cancel">Cancel<\/button>/);
  });

  it('redirects Connect with code, state and realmId, and Cancel with error=access_denied', async () => {
    const ok = await decide('connect', h.realm);
    expect(`${ok.origin}${ok.pathname}`).toBe(REDIRECT);
    expect(ok.searchParams.get('state')).toBe('st-123');
    expect(ok.searchParams.get('realmId')).toBe(h.realm);
    expect(ok.searchParams.get('code')?.length).toBeGreaterThan(20);
    const no = await decide('cancel', h.realm);
    expect(Object.fromEntries(no.searchParams)).toEqual({ error: 'access_denied', state: 'st-123' });
  });

  it('refuses an unknown client or unregistered redirect_uri on the page, and redirects invalid_scope', async () => {
    expect((await fetch(authorizeUrl({ client_id: 'nope' }))).status).toBe(400);
    expect((await fetch(authorizeUrl({ redirect_uri: 'https://evil.example/cb' }))).status).toBe(400);
    expect((await fetch(authorizeUrl({ redirect_uri: 'http://127.0.0.1:9999/cb' }))).status).toBe(200);
    const res = await fetch(authorizeUrl({ scope: 'com.intuit.quickbooks.everything' }), { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_scope');
  });

  it('auto-approves when switched on', async () => {
    await h.expectJson(h.control('PUT', 'auto-approve', { enabled: true, realmId: h.realm }), 200);
    try {
      const res = await fetch(authorizeUrl(), { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(new URL(res.headers.get('location') ?? '').searchParams.get('realmId')).toBe(h.realm);
    } finally {
      await h.control('PUT', 'auto-approve', { enabled: false });
    }
  });

  it('serves discovery, JWKS and userinfo', async () => {
    const discovery = await h.expectJson(fetch(`${h.url}/.well-known/openid_configuration`), 200);
    expect(discovery).toMatchObject({
      issuer: 'https://oauth.platform.intuit.com/op/v1',
      token_endpoint: `${h.url}/oauth2/v1/tokens/bearer`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    });
    const jwks = await h.expectJson(fetch(`${h.url}/op/v1/jwks`), 200);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    const tokens = await h.expectJson(
      tokenRequest({ grant_type: 'authorization_code', code: await codeFor(), redirect_uri: REDIRECT }),
      200,
    );
    const info = await h.expectJson(
      fetch(`${h.url}/v1/openid_connect/userinfo`, { headers: { Authorization: `Bearer ${tokens.access_token}` } }),
      200,
    );
    expect(info).toMatchObject({ email: 'owner@example.com', emailVerified: true });
  });
});

describe('§13.23 token semantics', () => {
  it('exchanges a code once (Basic or client_secret_post), with Intuit’s lifetimes', async () => {
    const code = await codeFor();
    const res = await tokenRequest(
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT },
      { 'x-include-refresh-token-hard-expires-in': 'true', Authorization: BASIC },
    );
    expect(res.headers.get('intuit_tid')).toBeTruthy();
    const tokens = await h.expectJson(res, 200);
    expect(tokens).toMatchObject({
      token_type: 'bearer',
      expires_in: 3600,
      x_refresh_token_expires_in: 8726400,
      x_refresh_token_hard_expires_in: 157680000,
    });
    expect(tokens.id_token.split('.')).toHaveLength(3);
    const replay = await tokenRequest(
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        client_id: 'qbo-sandbox-client',
        client_secret: 'qbo-sandbox-secret',
      },
      {},
    );
    expect(await h.expectJson(replay, 400)).toMatchObject({ error: 'invalid_grant' });
    // A replayed code also kills what the first exchange produced.
    const api = await fetch(`${h.url}/v3/company/${h.realm}/customer/1`, {
      headers: { Authorization: `Bearer ${tokens.access_token}`, Accept: 'application/json' },
    });
    expect(api.status).toBe(401);
  });

  it('refuses bad client credentials with 401 invalid_client', async () => {
    const bad = `Basic ${Buffer.from('qbo-sandbox-client:wrong').toString('base64')}`;
    expect(
      await h.expectJson(
        tokenRequest({ grant_type: 'refresh_token', refresh_token: 'x' }, { Authorization: bad }),
        401,
      ),
    ).toEqual({ error: 'invalid_client' });
  });

  it('rotates refresh tokens, honours the previous one for 24 h, then answers invalid_grant', async () => {
    const first = await h.expectJson(
      tokenRequest({ grant_type: 'authorization_code', code: await codeFor(), redirect_uri: REDIRECT }),
      200,
    );
    const second = await h.expectJson(
      tokenRequest({ grant_type: 'refresh_token', refresh_token: first.refresh_token }),
      200,
    );
    expect(second.refresh_token).not.toBe(first.refresh_token);
    h.sb.clock.advance(23 * 3600_000);
    await h.expectJson(tokenRequest({ grant_type: 'refresh_token', refresh_token: first.refresh_token }), 200);
    h.sb.clock.advance(2 * 3600_000);
    expect(
      await h.expectJson(tokenRequest({ grant_type: 'refresh_token', refresh_token: first.refresh_token }), 400),
    ).toEqual({ error: 'invalid_grant', error_description: 'Incorrect or invalid refresh token' });
    expect(
      await h.expectJson(tokenRequest({ grant_type: 'refresh_token', refresh_token: 'AB11-not-a-token' }), 400),
    ).toMatchObject({ error: 'invalid_grant' });
  });

  it('revokes the whole grant: the access token is refused (3200) and the refresh token gets invalid_grant', async () => {
    const tokens = await h.expectJson(
      tokenRequest({ grant_type: 'authorization_code', code: await codeFor(), redirect_uri: REDIRECT }),
      200,
    );
    const revoke = await fetch(`${h.url}/v2/oauth2/tokens/revoke`, {
      method: 'POST',
      body: JSON.stringify({ token: tokens.refresh_token }),
      headers: { Authorization: BASIC, 'Content-Type': 'application/json', Accept: 'application/json' },
    });
    expect(revoke.status).toBe(200);
    const api = await fetch(`${h.url}/v3/company/${h.realm}/customer/1`, {
      headers: { Authorization: `Bearer ${tokens.access_token}`, Accept: 'application/json' },
    });
    expect((await h.expectJson(api, 401)).fault.error[0]).toMatchObject({ code: '3200', detail: 'Token revoked' });
    expect(
      await h.expectJson(tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }), 400),
    ).toMatchObject({ error: 'invalid_grant' });
  });
});
