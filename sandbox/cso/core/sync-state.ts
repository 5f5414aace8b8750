// Each company's QuickBooks sync state (contract v1.3): the realm it is bound to, and the decisions
// people made in the manager (ignores, links made by hand, conflict resolutions), kept with the
// company so every browser sees them. One version per company: writes are optimistic (If-Match).
import { invalidFields, type StoreError } from './records';
import {
  checkSyncStateBody,
  type Ignore,
  type ManualLink,
  type Resolution,
  type SyncStateLists,
} from './sync-state-rules';

export interface SyncState extends SyncStateLists {
  realmId: string | null;
  /** 0 until the first write: a client that read "0" may write with If-Match: 0. */
  version: number;
  updatedAtMs: number | null;
}

export type SyncStateResult = { ok: true; state: SyncState } | { ok: false; error: StoreError };
export type SyncStates = ReturnType<typeof createSyncStates>;

const empty = (): SyncState => ({
  realmId: null,
  version: 0,
  updatedAtMs: null,
  ignores: [],
  manualLinks: [],
  resolutions: [],
});

export function createSyncStates(deps: { now: () => number }) {
  const states = new Map<string, SyncState>();
  const get = (companyId: string): SyncState => states.get(companyId) ?? empty();

  /** The realm check of a write: bind when unbound, refuse a switch, refuse a realm another company holds. */
  function realmProblem(companyId: string, current: string | null, next: string | null): StoreError | undefined {
    if (next === null || next === current) return undefined;
    if (current !== null)
      return {
        status: 409,
        code: 'realm_mismatch',
        message: `This company is bound to QuickBooks company ${current}. Clear its sync history (realmId null) before connecting another.`,
      };
    for (const [otherId, other] of states)
      if (otherId !== companyId && other.realmId === next)
        return {
          status: 409,
          code: 'realm_taken',
          message: `QuickBooks company ${next} is already bound to CStoreOffice company ${otherId}.`,
          existingId: otherId,
        };
    return undefined;
  }

  return {
    get,
    realmOf: (companyId: string) => get(companyId).realmId,

    write(companyId: string, body: unknown, expectedVersion: number, whole: boolean): SyncStateResult {
      const current = get(companyId);
      if (expectedVersion !== current.version)
        return {
          ok: false,
          error: {
            status: 412,
            code: 'version_mismatch',
            message: `The sync state was changed by someone else (now version ${current.version}).`,
          },
        };
      const checked = checkSyncStateBody(body, whole);
      if (!checked.ok) return invalidFields(checked.fields);
      const { realmId = current.realmId, ...lists } = checked.patch;
      const problem = realmProblem(companyId, current.realmId, realmId);
      if (problem) return { ok: false, error: problem };
      // Unbinding (Clear Sync History) drops the decisions: they name the old realm's records.
      const kept: SyncStateLists =
        realmId === null && current.realmId !== null ? { ignores: [], manualLinks: [], resolutions: [] } : current;
      const next: SyncState = {
        realmId,
        version: current.version + 1,
        updatedAtMs: deps.now(),
        ignores: (lists.ignores ?? kept.ignores).map((e: Ignore) => ({ ...e })),
        manualLinks: (lists.manualLinks ?? kept.manualLinks).map((e: ManualLink) => ({ ...e })),
        resolutions: (lists.resolutions ?? kept.resolutions).map((e: Resolution) => ({ ...e })),
      };
      states.set(companyId, next);
      return { ok: true, state: next };
    },

    /** Forgets every company's state (a reset or a new seed). */
    clear: () => states.clear(),
  };
}
