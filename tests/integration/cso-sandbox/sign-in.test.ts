import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CsoSandbox } from '../../../sandbox/cso';
import { control, page, parseHtml, rawApi, signIn, startSandbox } from './harness';

let sb: CsoSandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.stop());
beforeEach(() => sb.app.reset());

describe('sign-in, session cookie and sign-out', () => {
  it('sends a signed-out visitor to the Keycloak-style sign-in form and back after signing in', async () => {
    const start = await page(sb.url, '/app.php/accounting/audit?company=2');
    expect(start.status).toBe(302);
    expect(start.location).toContain('/auth/realms/cstoreoffice/protocol/openid-connect/auth');
    const form = await page(sb.url, start.location ?? '');
    const doc = parseHtml(form.html);
    expect(doc.querySelector('#username')?.getAttribute('name')).toBe('username');
    expect(doc.querySelector('#password')?.getAttribute('type')).toBe('password');
    expect(doc.querySelector('#kc-login')?.getAttribute('type')).toBe('submit');
    const action = doc.querySelector('#kc-form-login')?.getAttribute('action') ?? '';
    const res = await fetch(sb.url + action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'username=auditor%40demo.test&password=demo',
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/app.php/accounting/audit?company=2');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^PHPSESSID=[\w-]+; Path=\/; HttpOnly; SameSite=Lax/);
    const audit = await page(sb.url, '/app.php/accounting/audit?company=2', cookie.split(';')[0]);
    expect(audit.status).toBe(200);
  });

  it('shows an error for a wrong password and sets no cookie', async () => {
    const res = await fetch(`${sb.url}/auth/realms/cstoreoffice/login-actions/authenticate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'username=auditor%40demo.test&password=wrong',
      redirect: 'manual',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(parseHtml(await res.text()).querySelector('#input-error')?.textContent).toBe(
      'Invalid username or password.',
    );
  });

  it('never redirects off-site after sign-in', async () => {
    const res = await fetch(
      `${sb.url}/auth/realms/cstoreoffice/login-actions/authenticate?redirect_uri=${encodeURIComponent('//evil.example/x')}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'username=auditor%40demo.test&password=demo',
        redirect: 'manual',
      },
    );
    expect(res.headers.get('location')).toBe('/app.php/dashboard');
  });

  it('answers 401 on the API without a cookie and after sign-out', async () => {
    expect((await rawApi(sb.url)('GET', '/companies')).status).toBe(401);
    const cookie = await signIn(sb.url);
    const api = rawApi(sb.url, cookie);
    expect((await api('GET', '/companies')).status).toBe(200);
    const out = await page(sb.url, '/app.php/logout', cookie);
    expect(out.status).toBe(302);
    const signedOut = await api('GET', '/companies');
    expect(signedOut.status).toBe(401);
    expect(signedOut.body).toEqual({
      error: { code: 'unauthenticated', message: expect.stringContaining('signed out') },
    });
  });

  it('expires an idle session when the clock passes 30 minutes, and on demand', async () => {
    const cookie = await signIn(sb.url);
    const api = rawApi(sb.url, cookie);
    await control(sb.url, 'POST', '/clock', { advance: '29m' });
    expect((await api('GET', '/companies')).status).toBe(200); // activity restarts the idle timer
    await control(sb.url, 'POST', '/clock', { advance: '29m' });
    expect((await api('GET', '/companies')).status).toBe(200);
    await control(sb.url, 'POST', '/clock', { advance: '31m' });
    expect((await api('GET', '/companies')).status).toBe(401);
    expect((await page(sb.url, '/app.php/dashboard', cookie)).status).toBe(302);

    const again = await signIn(sb.url);
    expect(await control(sb.url, 'POST', '/sessions/expire', {})).toEqual({ expired: 1 });
    expect((await rawApi(sb.url, again)('GET', '/companies')).status).toBe(401);
  });

  it('ends a session after 12 hours even when it is in use', async () => {
    const api = rawApi(sb.url, await signIn(sb.url));
    for (let i = 0; i < 25; i++) {
      await control(sb.url, 'POST', '/clock', { advance: '29m' });
      const { status } = await api('GET', '/companies');
      if (i < 24) expect(status).toBe(200);
      else expect(status).toBe(401);
    }
  });
});
