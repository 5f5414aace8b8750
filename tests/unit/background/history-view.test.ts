import { describe, expect, it } from 'vitest';
import { toHistoryEntry } from '@/lib/background/views';
import type { StoredRun } from '@/lib/db';

const stored = (runId: string, over: Partial<StoredRun> = {}): StoredRun => ({
  connection: 'c',
  runId,
  startedAt: '2026-12-04T10:00:00.000Z',
  finishedAt: '2026-12-04T10:01:00.000Z',
  trigger: 'user',
  who: 'Pat Lee',
  outcome: 'succeeded',
  counts: { updateCso: 2 },
  errors: [],
  ...over,
});

describe('History as the manager shows it', () => {
  it('offers Undo only on the run whose writes are kept, and says when it was undone', () => {
    expect(toHistoryEntry(stored('r2'), { runId: 'r2', undone: false }).undo).toBe('available');
    expect(toHistoryEntry(stored('r1'), { runId: 'r2', undone: false }).undo).toBeNull();
    expect(toHistoryEntry(stored('r2'), { runId: 'r2', undone: true }).undo).toBe('undone');
    expect(toHistoryEntry(stored('r2')).undo).toBeNull();
  });

  it('an Undo’s own entry says what it put back and what it left', () => {
    const entry = stored('u1', {
      counts: {},
      outcome: 'partial',
      undo: { of: 'r2', reactivated: 0, restored: 1, removed: 2 },
      errors: [
        {
          rowKey: 'cso:customer:1',
          code: 'undoRefused',
          title: 'Not undone: “Birch”',
          detail: 'Undo left it as it is.',
        },
      ],
    });
    expect(toHistoryEntry(entry).message).toBe(
      'Undo of an earlier run. Undone: 1 restored, 2 removed. 1 left as it was: see its row. The next Synchronize copies what was restored to the other system.',
    );
  });

  it('a run’s entry says what the manager said when it ended', () => {
    const message = 'Nothing needed to change; 12 rows need attention (see Synchronization Error rows).';
    expect(toHistoryEntry(stored('r3', { outcome: 'partial', counts: {}, message })).message).toBe(message);
  });
});
