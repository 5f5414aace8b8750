// The calls for a company's QuickBooks sync state and run history (CONTRACT.md v1.3), built on the
// same transport as the entity calls. A server before v1.3 answers these paths 404 `not_found` (it
// reads "qbo-sync" as an unknown entity type) or 405: that becomes CsoFeatureMissingError, so the
// caller can keep its state in the browser instead of failing the run.
import { CsoVersionConflictError, featureMissingOr } from './errors';
import { CsoRun, CsoRunPage, CsoSyncState, type CsoRunInput, type CsoSyncStatePatch } from './sync-state-schemas';
import type { CallResult, createTransport } from './transport';

type Transport = ReturnType<typeof createTransport>;

function valueOf<T>(result: CallResult<T>, feature: 'syncState' | 'runHistory'): T {
  if (!result.ok) throw featureMissingOr(result.error, feature);
  return result.value;
}

export function createQboSyncCalls(transport: Transport) {
  const statePath = (companyId: string) => `/companies/${encodeURIComponent(companyId)}/qbo-sync`;

  async function readSyncState(companyId: string, signal?: AbortSignal): Promise<CsoSyncState> {
    return valueOf(
      await transport.call({ method: 'GET', path: statePath(companyId), schema: CsoSyncState, signal }, true),
      'syncState',
    );
  }

  return {
    readSyncState,

    /**
     * Changes the keys sent, if the state is still at `version` (else CsoVersionConflictError: read
     * again, merge, retry). A realm the company is not bound to is a CsoLinkConflictError.
     */
    async writeSyncState(
      companyId: string,
      patch: CsoSyncStatePatch,
      options: { version: number; signal?: AbortSignal },
    ): Promise<CsoSyncState> {
      const result = await transport.call(
        {
          method: 'PATCH',
          path: statePath(companyId),
          body: patch,
          headers: { 'If-Match': `"${options.version}"` },
          schema: CsoSyncState,
          signal: options.signal,
        },
        true,
      );
      if (result.ok) return result.value;
      // As for record updates: after a lost answer, a 412 may be our own write having landed.
      if (result.error instanceof CsoVersionConflictError && result.afterUnknownOutcome) {
        const current = await readSyncState(companyId, options.signal);
        const applied = Object.entries(patch).every(
          ([k, v]) => JSON.stringify((current as Record<string, unknown>)[k]) === JSON.stringify(v),
        );
        if (current.version === options.version + 1 && applied) return current;
      }
      throw featureMissingOr(result.error, 'syncState');
    },

    /** One page of the run history, newest first; pass `nextCursor` back as `cursor`. */
    async listRuns(
      companyId: string,
      options: { limit?: number; cursor?: string; signal?: AbortSignal } = {},
    ): Promise<CsoRunPage> {
      return valueOf(
        await transport.call(
          {
            method: 'GET',
            path: `${statePath(companyId)}/runs`,
            query: { limit: options.limit, cursor: options.cursor },
            schema: CsoRunPage,
            signal: options.signal,
          },
          true,
        ),
        'runHistory',
      );
    },

    /** `idempotencyKey` (e.g. the run's id) must stay the same for every retry of this one append. */
    async appendRun(
      companyId: string,
      run: CsoRunInput,
      options: { idempotencyKey: string; signal?: AbortSignal },
    ): Promise<CsoRun> {
      return valueOf(
        await transport.call(
          {
            method: 'POST',
            path: `${statePath(companyId)}/runs`,
            body: run,
            headers: { 'Idempotency-Key': options.idempotencyKey },
            schema: CsoRun,
            signal: options.signal,
          },
          true,
        ),
        'runHistory',
      );
    },
  };
}
