/** CStoreOffice's run history (contract v1.3) in memory: appends keyed for idempotency, newest first, paged. */
import { type CsoRun, type CsoRunInput, CsoFeatureMissingError, CsoUnavailableError } from '../../lib/cso';

export function createFakeCsoRuns() {
  const runs: CsoRun[] = [];
  const byKey = new Map<string, CsoRun>();
  const state = { fail: null as 'down' | 'older' | null, lists: 0, appends: 0 };
  const refuse = (feature: 'runHistory') => {
    if (state.fail === 'older') throw new CsoFeatureMissingError(feature, 404);
    if (state.fail === 'down') throw new CsoUnavailableError('CStoreOffice did not answer', undefined, 503);
  };
  return {
    runs,
    state,
    async appendRun(companyId: string, run: CsoRunInput, options: { idempotencyKey: string }): Promise<CsoRun> {
      state.appends++;
      refuse('runHistory');
      const replay = byKey.get(`${companyId}|${options.idempotencyKey}`);
      if (replay) return replay;
      const stored = { id: String(1000 + runs.length), ...run };
      runs.unshift(stored);
      byKey.set(`${companyId}|${options.idempotencyKey}`, stored);
      return stored;
    },
    async listRuns(_companyId: string, options: { limit?: number; cursor?: string } = {}) {
      state.lists++;
      refuse('runHistory');
      const from = Number(options.cursor ?? 0);
      const limit = options.limit ?? 50;
      const items = runs.slice(from, from + limit);
      return { items, nextCursor: from + limit < runs.length ? String(from + limit) : null, total: runs.length };
    },
  };
}
