// A CSO client wired to an in-process sandbox, with a sleep that records waits instead of waiting.
import { createCsoClient, type CsoClientDeps } from '../../../lib/cso';
import type { CsoSandbox } from '../../../sandbox/cso';
import { cookieFetch, signIn } from '../cso-sandbox/harness';

export interface Harness {
  client: ReturnType<typeof createCsoClient>;
  sleeps: number[];
  cookie: string;
}

export async function connect(sb: CsoSandbox, overrides: Partial<CsoClientDeps> = {}): Promise<Harness> {
  const cookie = await signIn(sb.url);
  const sleeps: number[] = [];
  const client = createCsoClient({
    baseUrl: sb.url,
    fetch: cookieFetch(cookie),
    clock: { now: () => sb.app.clock.now() },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    timeoutMs: 2_000,
    ...overrides,
  });
  return { client, sleeps, cookie };
}
