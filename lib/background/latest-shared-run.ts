/**
 * The company's newest run as CStoreOffice's run history holds it (contract v1.3), for the popup's
 * and the manager's "last sync": a run another bookkeeper made is the company's last sync too. The
 * popup asks often, so each company's answer is kept a minute, and CStoreOffice is given two
 * seconds: past that (or on any failure, or a server that keeps no history) the surfaces show this
 * browser's last run, as before, instead of waiting.
 */
import type { CsoRun } from '@/lib/cso';
import type { StoredRun } from '@/lib/db';
import { fromCsoRun } from './cso-runs';
import type { RunLister } from './history-reader';

const FRESH_MS = 60_000;
const WAIT_MS = 2_000;

interface Target {
  key: string;
  origin: string;
  companyId: string;
}

export function createLatestSharedRun(deps: {
  client: (origin: string) => RunLister;
  now: () => number;
  freshMs?: number;
  waitMs?: number;
}) {
  const known = new Map<string, { at: number; run: CsoRun | null }>();

  async function fetchNewest(target: Target): Promise<CsoRun | null> {
    const signal = AbortSignal.timeout(deps.waitMs ?? WAIT_MS);
    const page = await deps.client(target.origin).listRuns(target.companyId, { limit: 1, signal });
    return page.items[0] ?? null;
  }

  return {
    /** The newer of this browser's last run and the company's shared one. */
    async lastOf(target: Target, local: StoredRun | undefined): Promise<StoredRun | undefined> {
      let cached = known.get(target.key);
      if (!cached || deps.now() - cached.at > (deps.freshMs ?? FRESH_MS)) {
        try {
          cached = { at: deps.now(), run: await fetchNewest(target) };
        } catch {
          // Unreachable, slow, or no history on this server: this browser's last run stands for now.
          cached = { at: deps.now(), run: cached?.run ?? null };
        }
        known.set(target.key, cached);
      }
      const shared = cached.run;
      if (!shared || (local && (local.csoRunId === shared.id || local.finishedAt >= shared.finishedAt))) return local;
      return fromCsoRun(shared);
    },
  };
}
