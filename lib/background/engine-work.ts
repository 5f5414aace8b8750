/**
 * Work outside a run (Preview, a row action, Reconnect, Undo) with an engine of its own. There is
 * no progress line then, so a wait before QBO is asked again is told to the company's surfaces on
 * its own, and its end once the work is over.
 */
import type { StatusHub } from '@/lib/messaging/status-port';
import type { SyncEngine } from '@/lib/sync';
import { type BuildEngine, type EngineOverrides, type RunWait, type SyncTarget, waitingUntil } from './sync-target';

export interface EngineWorkDeps {
  buildEngine: BuildEngine;
  hub: StatusHub;
  now(): Date;
}

export function engineWork(deps: EngineWorkDeps) {
  return async function withEngine<T>(
    target: SyncTarget,
    work: (engine: SyncEngine) => Promise<T>,
    overrides?: EngineOverrides,
  ): Promise<T> {
    const tell = (waiting: { why: string; until: string } | null) =>
      deps.hub.publish({ type: 'waiting', companyId: target.companyId, origin: target.origin, waiting });
    let waited = false;
    const onWait = (wait: RunWait) => {
      waited = true;
      tell(waitingUntil(wait, deps.now()));
    };
    try {
      return await work(await deps.buildEngine(target, () => {}, onWait, overrides));
    } finally {
      if (waited) tell(null);
    }
  };
}
