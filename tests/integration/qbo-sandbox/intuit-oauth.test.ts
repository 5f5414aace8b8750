// §13 item 25: Intuit's own Node client, with its endpoint statics pointed at the sandbox, runs the whole flow.
import OAuthClient from 'intuit-oauth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startQboSandbox, type QboSandbox } from '../../../sandbox/qbo/index';

let sb: QboSandbox;
beforeAll(async () => {
  // Real-time clock: intuit-oauth and jsonwebtoken check expiry against Date.now().
  sb = await startQboSandbox({ port: 0, switches: { throttle: false } });
  OAuthClient.authorizeEndpoint = `${sb.url}/connect/oauth2`;
  OAuthClient.tokenEndpoint = `${sb.url}/oauth2/v1/tokens/bearer`;
  OAuthClient.revokeEndpoint = `${sb.url}/v2/oauth2/tokens/revoke`;
  OAuthClient.userinfo_endpoint_sandbox = `${sb.url}/v1/openid_connect/userinfo`;
  OAuthClient.jwks_uri = `${sb.url}/op/v1/jwks`;
  OAuthClient.environment = { sandbox: `${sb.url}/`, production: `${sb.url}/` };
});
afterAll(() => sb.stop());

it('completes authorize → code → createToken → API call → refresh → revoke', async () => {
  const client = new OAuthClient({
    clientId: 'qbo-sandbox-client',
    clientSecret: 'qbo-sandbox-secret',
    environment: 'sandbox',
    redirectUri: 'http://127.0.0.1:5555/callback',
  });
  const authorizeUri = client.authorizeUri({
    scope: [OAuthClient.scopes.Accounting, OAuthClient.scopes.OpenId, OAuthClient.scopes.Email],
    state: 'intuit-state',
  });
  expect(authorizeUri.startsWith(`${sb.url}/connect/oauth2?`)).toBe(true);

  // The user sees the consent page and presses Connect: post the page's own form.
  const page = await (await fetch(authorizeUri)).text();
  const fields = Object.fromEntries(
    [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
      m[1],
      m[2]?.replace(/&amp;/g, '&'),
    ]),
  );
  const realmId = /<option value="(\d+)" selected>/.exec(page)?.[1] ?? '';
  const decision = await fetch(`${sb.url}/connect/oauth2`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ ...fields, realmId, action: 'connect' }),
  });
  const callback = decision.headers.get('location') ?? '';
  expect(callback).toContain('http://127.0.0.1:5555/callback?code=');

  const created = await client.createToken(callback);
  expect(created.getJson()).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
  expect(client.getToken().realmId).toBe(realmId);
  expect(client.isAccessTokenValid()).toBe(true);
  expect(await client.validateIdToken()).toBe(true);

  const info = await client.getUserInfo();
  expect(info.json).toMatchObject({ email: 'owner@example.com' });

  const api = await client.makeApiCall({
    url: `${sb.url}/v3/company/${realmId}/companyinfo/${realmId}?minorversion=75`,
  });
  expect(api.json.CompanyInfo.CompanyName).toBe('Millbrook Fuel & Convenience LLC');

  const before = client.getToken().refresh_token;
  const refreshed = await client.refresh();
  expect(refreshed.getJson().refresh_token).not.toBe(before);

  const oldAccess = client.getToken().access_token;
  await client.revoke();
  const after = await fetch(`${sb.url}/v3/company/${realmId}/companyinfo/${realmId}`, {
    headers: { Authorization: `Bearer ${oldAccess}`, Accept: 'application/json' },
  });
  expect(after.status).toBe(401);
  await expect(client.refreshUsingToken(refreshed.getJson().refresh_token)).rejects.toMatchObject({
    message: expect.any(String),
  });
});
