import { describe, expect, it } from 'vitest';
import {
  buildAuthorizeUrl,
  checkRealm,
  createState,
  describeLaunchError,
  endpointsFor,
  parseRedirect,
  QBO_SCOPES,
} from '@/lib/auth';

describe('createState', () => {
  it('is 64 hex characters from crypto and differs each time', () => {
    const a = createState();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(createState()).not.toBe(a);
    expect(createState((b) => b.fill(255))).toBe('f'.repeat(64));
  });
});

describe('buildAuthorizeUrl', () => {
  it('carries client id, code response, the four scopes, redirect and state', () => {
    const url = new URL(
      buildAuthorizeUrl({
        authorizeUrl: 'https://appcenter.intuit.com/connect/oauth2',
        clientId: 'cid',
        redirectUri: 'https://abc.chromiumapp.org/',
        state: 's1',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://appcenter.intuit.com/connect/oauth2');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'cid',
      response_type: 'code',
      scope: 'com.intuit.quickbooks.accounting openid profile email',
      redirect_uri: 'https://abc.chromiumapp.org/',
      state: 's1',
    });
    expect(QBO_SCOPES).toHaveLength(4);
  });
});

describe('parseRedirect', () => {
  const base = 'https://abc.chromiumapp.org/';
  it.each([
    [`${base}?code=C1&state=S&realmId=9130`, { ok: true, code: 'C1', realmId: '9130' }],
    [`${base}?error=access_denied&state=S`, { ok: false, reason: 'denied' }],
    [`${base}?error=invalid_scope&state=S`, { ok: false, reason: 'intuit-error' }],
    [`${base}?error=server_error&error_description=Oops&state=S`, { ok: false, reason: 'intuit-error' }],
    [`${base}?code=C1&state=OTHER&realmId=9130`, { ok: false, reason: 'state-mismatch' }],
    [`${base}?code=C1&realmId=9130`, { ok: false, reason: 'state-mismatch' }],
    [`${base}?error=access_denied&state=OTHER`, { ok: false, reason: 'state-mismatch' }],
    [`${base}?code=C1&state=S`, { ok: false, reason: 'invalid-redirect' }],
    ['not a url', { ok: false, reason: 'invalid-redirect' }],
  ])('%s', (url, expected) => {
    expect(parseRedirect(url, 'S')).toMatchObject(expected);
  });

  it('says a denial in words', () => {
    const result = parseRedirect(`${base}?error=access_denied&state=S`, 'S');
    expect(result.ok ? '' : result.message).toMatch(/not granted.*Connect to QBO again/);
  });
});

describe('describeLaunchError', () => {
  it.each([
    ['The user did not approve access.', 'cancelled'],
    ['Authorization page could not be loaded.', 'intuit-error'],
  ])('%s → %s', (message, reason) => {
    expect(describeLaunchError(new Error(message)).reason).toBe(reason);
  });
});

describe('checkRealm', () => {
  it.each([
    [null, '1', true],
    ['1', '1', true],
    ['1', '2', false],
  ])('linked %s, chosen %s → ok %s', (linked, chosen, ok) => {
    expect(checkRealm(linked, chosen).ok).toBe(ok);
  });

  it('explains the refusal and the way out', () => {
    const r = checkRealm('1', '2');
    expect(r.ok ? '' : r.message).toMatch(/different QuickBooks company.*clear the sync history/);
  });
});

describe('environments', () => {
  it.each([
    [
      { kind: 'production' as const },
      'https://appcenter.intuit.com/connect/oauth2',
      'https://quickbooks.api.intuit.com',
    ],
    [
      { kind: 'sandbox' as const },
      'https://appcenter.intuit.com/connect/oauth2',
      'https://sandbox-quickbooks.api.intuit.com',
    ],
    [
      { kind: 'custom' as const, baseUrl: 'http://127.0.0.1:4010/' },
      'http://127.0.0.1:4010/connect/oauth2',
      'http://127.0.0.1:4010',
    ],
  ])('%j', (env, authorizeUrl, apiBaseUrl) => {
    expect(endpointsFor(env)).toEqual({ authorizeUrl, apiBaseUrl });
  });

  it('refuses a bad custom URL', () => {
    expect(() => endpointsFor({ kind: 'custom', baseUrl: 'ftp://x' })).toThrow();
    expect(() => endpointsFor({ kind: 'custom', baseUrl: 'nope' })).toThrow();
  });
});
