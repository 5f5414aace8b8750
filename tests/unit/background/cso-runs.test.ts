import { describe, expect, it } from 'vitest';
import { fromCsoRun, toCsoRun } from '@/lib/background/cso-runs';
import { toHistoryEntry } from '@/lib/background/views';
import type { StoredRun } from '@/lib/db';

const stored = (over: Partial<StoredRun> = {}): StoredRun => ({
  connection: 'c',
  runId: 'r1',
  startedAt: '2026-12-04T10:00:00.000Z',
  finishedAt: '2026-12-04T10:01:00.000Z',
  trigger: 'user',
  who: 'Pat Lee (pat@demo.test)',
  outcome: 'partial',
  message: 'Created 2 in QuickBooks; 1 error.',
  counts: { createInQbo: 2, updateCso: 0 },
  errors: [{ rowKey: 'cso:customer:1', code: 'x', title: 'Refused', detail: 'Name taken' }],
  ...over,
});

/** What another browser reads of an entry after it went through CStoreOffice. */
const elsewhere = (entry: StoredRun) => toHistoryEntry(fromCsoRun({ id: '77', ...toCsoRun(entry) }));

describe('a run as CStoreOffice keeps it', () => {
  it('sends who, when, the outcome, the words and what was applied (with how many rows failed)', () => {
    expect(toCsoRun(stored())).toEqual({
      startedAt: '2026-12-04T10:00:00.000Z',
      finishedAt: '2026-12-04T10:01:00.000Z',
      outcome: 'partial',
      message: 'Created 2 in QuickBooks; 1 error.',
      counts: { createInQbo: 2, errors: 1 },
      by: 'Pat Lee (pat@demo.test)',
    });
  });

  it('names the trigger when no CStoreOffice user is known, and no one for the schedule', () => {
    expect(toCsoRun(stored({ who: 'You (toolbar)' })).by).toBe('Synchronize from the toolbar');
    expect(toCsoRun(stored({ trigger: 'alarm', who: null })).by).toBeNull();
    expect(toCsoRun(stored({ trigger: 'resume', who: null })).by).toBe('Resumed automatically after an interruption');
  });

  it('a stopped run sends why it stopped; an Undo what it put back', () => {
    const failed = stored({
      outcome: 'failed',
      message: undefined,
      counts: {},
      errors: [{ rowKey: null, code: 'network', title: 'The synchronization stopped', detail: 'QuickBooks is down.' }],
    });
    expect(toCsoRun(failed)).toMatchObject({
      outcome: 'failed',
      message: 'QuickBooks is down.',
      counts: { errors: 1 },
    });
    const undo = toCsoRun(
      stored({ counts: {}, errors: [], undo: { of: 'r0', reactivated: 1, restored: 0, removed: 2 } }),
    );
    expect(undo.counts).toEqual({ reactivated: 1, removed: 2 });
    expect(undo.message).toMatch(/^Undo of an earlier run\./);
  });

  it('another browser shows who, when, the outcome, the words and the counts, marked as from another browser', () => {
    const shown = elsewhere(stored());
    expect(shown).toMatchObject({
      who: 'Pat Lee (pat@demo.test) (another browser)',
      trigger: 'user',
      startedAt: '2026-12-04T10:00:00.000Z',
      outcome: 'partial',
      message: 'Created 2 in QuickBooks; 1 error.',
      undo: null,
    });
    expect(shown.summary.counts.createInQbo).toBe(2);
    expect(shown.errors).toEqual(['1 row failed; the details are in the browser that ran it.']);
    expect(elsewhere(stored({ trigger: 'alarm', who: null }))).toMatchObject({
      who: 'Automatic sync (another browser)',
      trigger: 'alarm',
    });
    expect(elsewhere(stored({ trigger: 'resume', who: null })).trigger).toBe('resume');
  });

  it('a stopped run from another browser says why it stopped', () => {
    const failed = stored({
      outcome: 'failed',
      message: undefined,
      errors: [{ rowKey: null, code: 'network', title: 'The synchronization stopped', detail: 'QuickBooks is down.' }],
    });
    expect(elsewhere(failed)).toMatchObject({ outcome: 'failed', message: 'QuickBooks is down.' });
  });

  it('never sends a finish before the start (a clock set back mid-run)', () => {
    const run = toCsoRun(stored({ finishedAt: '2026-12-04T09:59:00.000Z' }));
    expect(run.finishedAt).toBe(run.startedAt);
  });
});
