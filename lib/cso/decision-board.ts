/**
 * The engine's DecisionBoard over the company's sync state (CONTRACT.md v1.3): Ignore Issues, links
 * made by hand and conflict resolutions, shared by every browser. A change is a read, an edit and a
 * PATCH with If-Match; when another browser wrote in between (412), the edit is made again on what
 * it wrote, so neither overwrites the other's decisions.
 */
import type { DecisionBoard, SharedDecisions } from '../sync';
import type { CsoClient } from './client';
import { CsoFeatureMissingError, CsoVersionConflictError } from './errors';
import type { CsoSyncState } from './sync-state-schemas';

/** Two browsers deciding at the same moment settle in a try or two; more means something is wrong. */
const ATTEMPTS = 5;

const decisionsOf = (state: CsoSyncState): SharedDecisions => ({
  ignores: state.ignores,
  manualLinks: state.manualLinks,
  resolutions: state.resolutions,
});

export function createCsoDecisionBoard(options: {
  client: CsoClient;
  companyId: string;
  realmId: string;
}): DecisionBoard {
  const { client, companyId, realmId } = options;

  /** The state, or null when the server cannot hold it or the company is not bound to this realm. */
  async function current(): Promise<CsoSyncState | null> {
    try {
      const state = await client.readSyncState(companyId);
      return state.realmId === realmId ? state : null;
    } catch (error) {
      if (error instanceof CsoFeatureMissingError) return null;
      throw error;
    }
  }

  return {
    async read() {
      const state = await current();
      return state && decisionsOf(state);
    },
    async change(edit) {
      for (let attempt = 1; ; attempt++) {
        const state = await current();
        if (!state) return false;
        const next = edit(decisionsOf(state));
        if (JSON.stringify(next) === JSON.stringify(decisionsOf(state))) return true;
        try {
          await client.writeSyncState(companyId, next, { version: state.version });
          return true;
        } catch (error) {
          if (!(error instanceof CsoVersionConflictError) || attempt >= ATTEMPTS) throw error;
        }
      }
    },
  };
}
