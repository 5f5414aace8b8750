/**
 * Starts the QBO sandbox in-process on port 0 with a frozen clock and gives tests small fetch
 * helpers for the accounting API and the control API.
 */
import { startQboSandbox, type QboSandbox, type QboSandboxOptions } from '../../../sandbox/qbo/index';

/** Response JSON as tests read it: assertions check its shape, so a static type would only restate them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Harness {
  sb: QboSandbox;
  url: string;
  realm: string;
  token: string;
  headers: Record<string, string>;
  get(path: string, init?: RequestInit): Promise<Response>;
  post(path: string, body: unknown, init?: RequestInit): Promise<Response>;
  query(statement: string): Promise<Response>;
  control(method: string, path: string, body?: unknown): Promise<Response>;
  /** Mints a fresh access token (after the clock jumped past expiry) and uses it from now on. */
  renew(): void;
  /** JSON of a response whose status must be `status`. */
  expectJson<T = Json>(res: Response | Promise<Response>, status: number): Promise<T>;
}

export async function startHarness(options: QboSandboxOptions = {}): Promise<Harness> {
  const sb = await startQboSandbox({
    port: 0,
    clockSpeed: 0,
    clockStart: Date.parse('2026-03-02T17:00:00Z'),
    switches: { throttle: false, ...options.switches },
    ...options,
  });
  const realm = sb.realmIds[0] ?? '';
  const token = realm ? sb.mintToken(realm).access_token : '';
  const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  const api = (path: string): string => `${sb.url}/v3/company/${realm}/${path}`;
  const h: Harness = {
    sb,
    url: sb.url,
    realm,
    token,
    headers,
    get: (path, init = {}) =>
      fetch(api(path), { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } }),
    post: (path, body, init = {}) =>
      fetch(api(path), {
        method: 'POST',
        body: JSON.stringify(body),
        ...init,
        headers: { ...headers, 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) },
      }),
    query: (statement) => fetch(api(`query?query=${encodeURIComponent(statement)}&minorversion=75`), { headers }),
    control: (method, path, body) =>
      fetch(`${sb.url}/__sandbox/${path}`, {
        method,
        ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } } : {}),
      }),
    renew() {
      h.token = sb.mintToken(realm).access_token;
      headers.Authorization = `Bearer ${h.token}`;
    },
    async expectJson(resPromise, status) {
      const res = await resPromise;
      const text = await res.text();
      if (res.status !== status) throw new Error(`expected HTTP ${status}, got ${res.status}: ${text.slice(0, 500)}`);
      return JSON.parse(text);
    },
  };
  return h;
}

/** The single QBO Fault error of a body, for compact assertions. */
export function faultOf(body: Json): { code: string; Message: string; Detail: string; element: string; type: string } {
  const error = body.Fault?.Error?.[0];
  if (!error) throw new Error(`no Fault in ${JSON.stringify(body).slice(0, 300)}`);
  return { ...error, type: body.Fault.type };
}
