import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQboSandbox, type QboSandbox } from '@/sandbox/qbo/index';
import { startBroker, type StartedBroker } from '@/server/index';
import { buildAuthorizeUrl, createState, QBO_SCOPES } from '@/lib/auth';

const CLIENT_ID = 'qbo-sandbox-client';
const SECRET = 'qbo-sandbox-secret';
const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

let sandbox: QboSandbox;
let broker: StartedBroker;
const logLines: string[] = [];
const seen: string[] = []; // every response (headers and body) the broker sent, to search for the secret

beforeAll(async () => {
  sandbox = await startQboSandbox({ clockSpeed: 0, realms: [{ seed: 'empty' }] });
  sandbox.state.switches.autoApprove = true;
  broker = await startBroker({
    port: 0,
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    environment: 'custom',
    customBaseUrl: sandbox.url,
    allowedOrigins: [EXT],
    log: (line) => logLines.push(line),
  });
});
afterAll(async () => {
  await broker.stop();
  await sandbox.stop();
});

/** Gets an authorization code the way the extension would: the (auto-approving) authorize page redirects. */
async function authorize(): Promise<{ code: string; realmId: string }> {
  const state = createState();
  const url = buildAuthorizeUrl({
    authorizeUrl: `${sandbox.url}/connect/oauth2`,
    clientId: CLIENT_ID,
    redirectUri: REDIRECT,
    state,
    scopes: QBO_SCOPES,
  });
  const res = await fetch(url, { redirect: 'manual' });
  const location = new URL(res.headers.get('location') ?? '');
  expect(location.searchParams.get('state')).toBe(state);
  return { code: location.searchParams.get('code') ?? '', realmId: location.searchParams.get('realmId') ?? '' };
}

async function call(
  path: string,
  body: unknown,
  init: { origin?: string | null; contentType?: string; raw?: string; method?: string } = {},
) {
  const headers: Record<string, string> = { 'Content-Type': init.contentType ?? 'application/json' };
  if (init.origin !== null) headers.Origin = init.origin ?? EXT;
  const res = await fetch(`${broker.url}${path}`, {
    method: init.method ?? 'POST',
    headers,
    body: init.method === 'OPTIONS' ? undefined : (init.raw ?? JSON.stringify(body)),
  });
  const text = await res.text();
  seen.push(JSON.stringify([...res.headers]), text);
  return { status: res.status, headers: res.headers, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

const apiStatus = async (accessToken: string, realmId: string): Promise<number> =>
  (
    await fetch(`${sandbox.url}/v3/company/${realmId}/companyinfo/${realmId}?minorversion=75`, {
      headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
    })
  ).status;

describe('token broker against the QBO sandbox (intuit-oauth inside)', () => {
  it('tells the extension its public client id, and nothing secret, through GET /config', async () => {
    const res = await fetch(`${broker.url}/config`, { headers: { Origin: EXT } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(EXT);
    const text = await res.text();
    seen.push(text);
    expect(JSON.parse(text)).toEqual({ clientId: CLIENT_ID, environment: 'custom' });
    expect((await fetch(`${broker.url}/config`, { headers: { Origin: 'chrome-extension://other' } })).status).toBe(403);
  });

  it('exchanges a code for tokens that work on the API, with CORS for the extension', async () => {
    const { code, realmId } = await authorize();
    const res = await call('/token', { code, redirect_uri: REDIRECT, realmId });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(EXT);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(res.json).sort()).toEqual(
      ['access_token', 'expires_in', 'refresh_token', 'token_type', 'x_refresh_token_expires_in'].sort(),
    );
    expect(await apiStatus(res.json.access_token as string, realmId)).toBe(200);
  });

  it('a code works once: the second exchange passes invalid_grant through', async () => {
    const { code } = await authorize();
    expect((await call('/token', { code, redirect_uri: REDIRECT })).status).toBe(200);
    const again = await call('/token', { code, redirect_uri: REDIRECT });
    expect(again.status).toBe(400);
    expect(again.json.error).toBe('invalid_grant');
  });

  it('refreshes, and revoke ends the grant', async () => {
    const { code, realmId } = await authorize();
    const first = await call('/token', { code, redirect_uri: REDIRECT });
    const refreshed = await call('/refresh', { refresh_token: first.json.refresh_token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.access_token).not.toBe(first.json.access_token);
    expect(await apiStatus(refreshed.json.access_token as string, realmId)).toBe(200);

    const revoked = await call('/revoke', { token: refreshed.json.refresh_token });
    expect(revoked).toMatchObject({ status: 200, json: { revoked: true } });
    const after = await call('/refresh', { refresh_token: refreshed.json.refresh_token });
    expect(after.status).toBe(400);
    expect(after.json.error).toBe('invalid_grant');
    expect(await apiStatus(refreshed.json.access_token as string, realmId)).toBe(401);
  });

  it('passes invalid_client through when the secret is wrong', async () => {
    const wrong = await startBroker({
      port: 0,
      clientId: CLIENT_ID,
      clientSecret: 'not-the-secret',
      environment: 'custom',
      customBaseUrl: sandbox.url,
      allowedOrigins: [EXT],
      log: () => undefined,
    });
    try {
      const res = await fetch(`${wrong.url}/refresh`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: EXT },
        body: JSON.stringify({ refresh_token: 'x' }),
      });
      const json = (await res.json()) as Record<string, unknown>;
      expect(res.status).toBe(401);
      expect(json.error).toBe('invalid_client');
      expect(JSON.stringify(json)).not.toContain('not-the-secret');
    } finally {
      await wrong.stop();
    }
  });

  it.each([
    ['an unknown extension', 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'],
    ['a web page', 'https://evil.example'],
    ['no origin at all', null],
  ])('refuses %s (403, no CORS header)', async (_what, origin) => {
    const res = await call('/refresh', { refresh_token: 'x' }, { origin });
    expect(res.status).toBe(403);
    expect(res.json.error).toBe('origin_not_allowed');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers the preflight for the extension only', async () => {
    const ok = await call('/token', undefined, { method: 'OPTIONS' });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(EXT);
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    const refused = await call('/token', undefined, { method: 'OPTIONS', origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each([
    ['/token', {}, 400],
    ['/token', { code: 'c', redirect_uri: 'not a url' }, 400],
    ['/token', { code: 'c', redirect_uri: REDIRECT, extra: 1 }, 400],
    ['/token', { code: 'c', redirect_uri: REDIRECT, realmId: 'abc' }, 400],
    ['/refresh', { refresh_token: '' }, 400],
    ['/refresh', { refresh_token: 42 }, 400],
    ['/revoke', {}, 400],
    ['/revoke', ['token'], 400],
  ])('%s with %j → %i', async (path, body, status) => {
    const res = await call(path, body);
    expect(res.status).toBe(status);
    expect(res.json.error).toBe('invalid_request');
  });

  it('refuses non-JSON bodies, unknown paths and other methods', async () => {
    expect((await call('/refresh', undefined, { raw: '{nope' })).status).toBe(400);
    expect(
      (await call('/refresh', undefined, { raw: 'refresh_token=x', contentType: 'application/x-www-form-urlencoded' }))
        .status,
    ).toBe(415);
    expect(
      (await call('/refresh', undefined, { raw: JSON.stringify({ refresh_token: 'x'.repeat(20_000) }) })).status,
    ).toBe(413);
    expect((await call('/secret', {})).status).toBe(404);
    expect((await call('/token', undefined, { method: 'GET' })).status).toBe(405);
  });

  it('never sends the secret and never logs a token or a body', () => {
    expect(seen.length).toBeGreaterThan(20);
    expect(seen.join('\n')).not.toContain(SECRET);
    expect(seen.join('\n')).not.toContain(btoa(`${CLIENT_ID}:${SECRET}`));
    const log = logLines.join('\n');
    // One JSON line per request: when, what, how it went, and who asked (address, origin); nothing else.
    for (const line of logLines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(entry).sort()).toEqual(['address', 'at', 'method', 'ms', 'origin', 'path', 'status']);
      expect(entry.address).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
    }
    expect(logLines.some((l) => l.includes(EXT))).toBe(true);
    expect(log).not.toContain(SECRET);
    expect(log).not.toMatch(/refresh_token|access_token|"code"/);
  });
});
