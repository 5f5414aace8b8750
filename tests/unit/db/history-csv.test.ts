import { describe, expect, it } from 'vitest';
import { type HistoryEntry, historyToCsv } from '../../../lib/db';

const base: HistoryEntry = {
  id: 1,
  connection: 'c',
  runId: 'r',
  startedAt: '2025-01-01T00:00:00.000Z',
  finishedAt: '2025-01-01T00:01:00.000Z',
  trigger: 'user',
  who: 'Pat',
  outcome: 'partial',
  counts: { create: 3, deactivate: 1 },
  errors: [{ rowKey: 'cso:customer:1', code: '6240', title: 'Name taken', detail: 'A vendor "Acme, Inc" already uses it' }],
};

describe('history CSV', () => {
  it('writes one line per run with counts per action and quoted error details', () => {
    expect(historyToCsv([base, { ...base, trigger: 'alarm', who: null, outcome: 'succeeded', counts: {}, errors: [] }])).toBe(
      'Started,Finished,Trigger,Started by,Outcome,Created,Updated,Deactivated,Deleted,Linked,Unlinked,Errors,Error details\r\n' +
        '2025-01-01T00:00:00.000Z,2025-01-01T00:01:00.000Z,user,Pat,partial,3,0,1,0,0,0,1,"Name taken: A vendor ""Acme, Inc"" already uses it"\r\n' +
        '2025-01-01T00:00:00.000Z,2025-01-01T00:01:00.000Z,alarm,,succeeded,0,0,0,0,0,0,0,\r\n',
    );
  });

  it('keeps a spreadsheet from running a record name as a formula', () => {
    const csv = historyToCsv([{ ...base, errors: [{ rowKey: null, code: 'x', title: '=HYPERLINK("http://x")', detail: '' }] }]);
    expect(csv.split('\r\n')[1]).toMatch(/,"'=HYPERLINK\(""http:\/\/x""\)"$/);
  });
});
