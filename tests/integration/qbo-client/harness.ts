/**
 * Starts the in-process QBO sandbox with a frozen clock and builds a client whose sleeps move that
 * clock: the client's scheduler and the sandbox's limiter then see the same time, and no test waits.
 */
import { startQboSandbox, type QboSandbox, type RealmRequest } from '@/sandbox/qbo/index';
import { createQboClient, type SchedulerClock, type QboClientOptions, type TokenProvider } from '@/lib/qbo';

export const CLIENT_ID = 'qbo-sandbox-client';
export const CLIENT_SECRET = 'qbo-sandbox-secret';

export async function startSandbox(realms?: RealmRequest[]): Promise<QboSandbox> {
  return startQboSandbox({
    clockSpeed: 0,
    clockStart: Date.parse('2025-06-01T12:00:00Z'),
    ...(realms ? { realms } : {}),
  });
}

interface SimTime {
  clock: SchedulerClock;
  fetch: typeof fetch;
}

const sims = new WeakMap<QboSandbox, SimTime>();

/**
 * One simulated time per sandbox, shared by all its clients (so they share one scheduler, as in the
 * product). A sleep first lets requests already on the wire arrive (they take real milliseconds),
 * then jumps the sandbox clock: otherwise a waiter's jump would land on a request still in flight
 * and make it arrive "later" than it was sent, which real time never does.
 */
function simTime(sandbox: QboSandbox): SimTime {
  let sim = sims.get(sandbox);
  if (!sim) {
    let inFlight = 0;
    sim = {
      clock: {
        now: () => sandbox.clock.now(),
        sleep: async (ms) => {
          const giveUp = performance.now() + 100; // a hung request must not hold time still
          while (inFlight > 0 && performance.now() < giveUp) await new Promise((r) => setTimeout(r, 1));
          sandbox.clock.advance(ms);
        },
      },
      fetch: async (input, init) => {
        inFlight += 1;
        try {
          return await fetch(input, init);
        } finally {
          inFlight -= 1;
        }
      },
    };
    sims.set(sandbox, sim);
  }
  return sim;
}

/** A token provider that refreshes straight at the sandbox's Intuit token endpoint. */
function sandboxTokens(sandbox: QboSandbox, realmId: string): TokenProvider & { refreshes: number } {
  let { access_token: access, refresh_token: refresh } = sandbox.mintToken(realmId);
  const provider = {
    refreshes: 0,
    getAccessToken: async () => access,
    refresh: async () => {
      provider.refreshes += 1;
      const res = await fetch(`${sandbox.url}/oauth2/v1/tokens/bearer`, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${btoa(`${CLIENT_ID}:${CLIENT_SECRET}`)}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refresh }).toString(),
      });
      const json = (await res.json()) as { access_token: string; refresh_token: string; error?: string };
      if (!res.ok) throw Object.assign(new Error(json.error ?? 'refresh failed'), { error: json.error });
      access = json.access_token;
      refresh = json.refresh_token;
    },
  };
  return provider;
}

export function clientFor(sandbox: QboSandbox, realmId: string, overrides: Partial<QboClientOptions> = {}) {
  const tokens = sandboxTokens(sandbox, realmId);
  const { clock, fetch: trackedFetch } = simTime(sandbox);
  const client = createQboClient({
    baseUrl: sandbox.url,
    realmId,
    tokens,
    clock,
    fetch: trackedFetch,
    random: () => 0.5,
    ...overrides,
  });
  return { client, tokens };
}

/** Counters of one realm (or '' for OAuth requests) from the sandbox's request log. */
export function counters(sandbox: QboSandbox, realm: string) {
  return sandbox.state.log.counters(realm);
}
