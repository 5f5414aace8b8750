// Shared by the CSO sandbox and client tests: an in-process sandbox on port 0 with a frozen clock,
// a real sign-in through the form, and small raw-HTTP helpers.
import { Window } from 'happy-dom';
import { startCsoSandbox, type CsoSandbox } from '../../../sandbox/cso';

export const API = '/api/qbo-sync/v1';
const T0 = Date.parse('2025-11-03T14:00:00.000Z');

export async function startSandbox(): Promise<CsoSandbox> {
  return startCsoSandbox({ port: 0, clockStart: T0, clockSpeed: 0 });
}

/** Signs in through the Keycloak-style form and returns the `PHPSESSID=...` cookie pair. */
export async function signIn(url: string, username = 'auditor@demo.test', password = 'demo'): Promise<string> {
  const res = await fetch(
    `${url}/auth/realms/cstoreoffice/login-actions/authenticate?redirect_uri=%2Fapp.php%2Fdashboard`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password }).toString(),
      redirect: 'manual',
    },
  );
  const cookie = res.headers.get('set-cookie');
  if (res.status !== 303 || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie.split(';')[0] ?? '';
}

// Test answers are read field by field; a loose type keeps the assertions short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: Loose;
  text: string;
}

export function rawApi(url: string, cookie?: string) {
  return async (
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<RawAnswer> => {
    const headers: Record<string, string> = { ...options.headers };
    if (cookie) headers.Cookie = cookie;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(url + API + path, {
      method,
      headers,
      body:
        options.body === undefined
          ? undefined
          : typeof options.body === 'string'
            ? options.body
            : JSON.stringify(options.body),
    });
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { status: res.status, headers: res.headers, body, text };
  };
}

export async function control(url: string, method: string, path: string, body?: unknown): Promise<Loose> {
  const res = await fetch(`${url}/__sandbox${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}

/** A fetch that sends the session cookie, as the extension's background does with credentials. */
export function cookieFetch(cookie: string): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Cookie', cookie);
    return fetch(input, { ...init, headers });
  };
}

export async function page(
  url: string,
  path: string,
  cookie?: string,
): Promise<{ status: number; html: string; location: string | null }> {
  const res = await fetch(url + path, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
}

export function parseHtml(html: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Finds a record by name in the sandbox dump. */
export async function findByName(url: string, companyId: string, segment: string, name: string): Promise<Loose> {
  const dump = await control(url, 'GET', `/dump?company=${companyId}`);
  return dump.companies[0].records[segment].find((r: { name?: string }) => r.name === name);
}
