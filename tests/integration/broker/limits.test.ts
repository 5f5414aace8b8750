/**
 * The broker protects Intuit and itself: a client that sends too many token calls is told to wait
 * (429 with Retry-After) instead of being forwarded, and an Intuit call that does not answer ends in
 * a 504 within the broker's time limit instead of holding the extension's request.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startBroker, type IntuitOAuth, type StartedBroker } from '@/server/index';

const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const tokens = { access_token: 'at', refresh_token: 'rt', expires_in: 3600, x_refresh_token_expires_in: 8_726_400 };
let broker: StartedBroker | undefined;
afterEach(async () => {
  await broker?.stop();
  broker = undefined;
});

async function start(
  oauth: IntuitOAuth,
  extra: { rateLimit?: { burst: number; perMinute: number }; intuitTimeoutMs?: number } = {},
) {
  const log: string[] = [];
  broker = await startBroker({
    port: 0,
    clientId: 'c',
    clientSecret: 's',
    environment: 'sandbox',
    allowedOrigins: [EXT],
    log: (l) => log.push(l),
    oauth,
    ...extra,
  });
  return log;
}

const refresh = (origin = EXT) =>
  fetch(`${broker!.url}/refresh`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ refresh_token: 'rt-secret-value' }),
  });

describe('broker limits', () => {
  it('answers 429 with Retry-After once a client passes its burst, and forwards nothing more to Intuit', async () => {
    let forwarded = 0;
    const log = await start(
      { exchange: async () => tokens, refresh: async () => (forwarded++, tokens), revoke: async () => {} },
      { rateLimit: { burst: 5, perMinute: 6 } },
    );
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await refresh()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect(forwarded).toBe(5);
    const refused = await refresh();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ error: 'rate_limited' });
    expect(log.join('\n')).not.toContain('rt-secret-value');
  });

  it('answers 504 when Intuit does not answer in time', async () => {
    await start(
      { exchange: async () => tokens, refresh: () => new Promise(() => {}), revoke: async () => {} },
      { intuitTimeoutMs: 100 },
    );
    const started = Date.now();
    const res = await refresh();
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ error: 'upstream_timeout' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('serves /health without an origin', async () => {
    await start({ exchange: async () => tokens, refresh: async () => tokens, revoke: async () => {} });
    const res = await fetch(`${broker!.url}/health`);
    expect(await res.json()).toEqual({ ok: true });
  });
});
