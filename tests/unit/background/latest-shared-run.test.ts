/**
 * The company's last sync counts another bookkeeper's run (CStoreOffice's run history), without
 * making the popup wait for CStoreOffice: one read a minute, this browser's run when it is newer,
 * the same run, or CStoreOffice cannot answer.
 */
import { describe, expect, it } from 'vitest';
import type { CsoRun } from '@/lib/cso';
import type { StoredRun } from '@/lib/db';
import { createLatestSharedRun } from '@/lib/background/latest-shared-run';
import { toLastSync } from '@/lib/background/views';

const target = { key: 'https://cso.test|1', origin: 'https://cso.test', companyId: '1' };
const shared: CsoRun = {
  id: '77',
  startedAt: '2025-06-02T15:00:00.000Z',
  finishedAt: '2025-06-02T15:01:00.000Z',
  outcome: 'succeeded',
  message: 'Created 3 in QuickBooks.',
  counts: { createInQbo: 3 },
  by: 'Sam Roe (sam@demo.test)',
};
const local = (finishedAt: string, csoRunId?: string): StoredRun => ({
  connection: target.key,
  runId: 'run-1',
  startedAt: finishedAt,
  finishedAt,
  trigger: 'user',
  who: 'Demo Auditor (auditor@demo.test)',
  outcome: 'succeeded',
  counts: { updateQbo: 1 },
  errors: [],
  message: 'Updated 1 in QuickBooks.',
  ...(csoRunId ? { csoRunId } : {}),
});

function setup(answer: () => Promise<CsoRun[]>) {
  let clock = 0;
  let calls = 0;
  const latest = createLatestSharedRun({
    client: () => ({
      listRuns: async () => {
        calls++;
        const items = await answer();
        return { items, nextCursor: null, total: items.length };
      },
    }),
    now: () => clock,
  });
  return { latest, calls: () => calls, advance: (ms: number) => (clock += ms) };
}

describe("the company's last sync", () => {
  it('is another browser’s run when it is newer, said with who ran it', async () => {
    const { latest } = setup(async () => [shared]);
    const last = await latest.lastOf(target, local('2025-06-02T14:00:00.000Z'));
    expect(toLastSync(last)).toEqual({
      at: shared.finishedAt,
      outcome: 'success',
      message: 'Created 3 in QuickBooks. Run by Sam Roe (sam@demo.test) (another browser).',
    });
  });

  it.each([
    ['this browser ran later', local('2025-06-02T16:00:00.000Z')],
    ['it is this browser’s own run, appended', local('2025-06-02T15:01:00.000Z', '77')],
  ])('is this browser’s run when %s', async (_why, mine) => {
    const { latest } = setup(async () => [shared]);
    expect(await latest.lastOf(target, mine)).toBe(mine);
    expect(toLastSync(mine)?.message).toBe('Updated 1 in QuickBooks.');
  });

  it('is this browser’s run when CStoreOffice cannot answer, and CStoreOffice is asked once a minute at most', async () => {
    let down = true;
    const { latest, calls, advance } = setup(async () => {
      if (down) throw new Error('unavailable');
      return [shared];
    });
    const mine = local('2025-06-02T14:00:00.000Z');
    expect(await latest.lastOf(target, mine)).toBe(mine);
    down = false;
    expect(await latest.lastOf(target, mine)).toBe(mine);
    expect(calls()).toBe(1);
    advance(61_000);
    expect((await latest.lastOf(target, mine))?.csoRunId).toBe('77');
    expect(calls()).toBe(2);
  });
});
