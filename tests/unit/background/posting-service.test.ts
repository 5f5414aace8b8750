import { describe, expect, it, vi } from 'vitest';
import type { PostingWork } from '@/lib/background/posting-engine-factory';
import { createPostingService } from '@/lib/background/posting-service';
import { createMemoryIgnores, isIgnored } from '@/lib/background/txn-ignores';
import type { NewStoredRun, RunHistory } from '@/lib/db';
import type { RunOutcome } from '@/lib/messaging/protocol';
import type { PostingReport } from '@/lib/posting/engine';
import type { TxnRow } from '@/lib/posting/plan';
import type { TxnBody } from '@/lib/posting/types';

const target = { key: 'https://03.cstoreoffice.com|42', origin: 'https://03.cstoreoffice.com', companyId: '42' };

function row(key: string, over: Partial<TxnRow> = {}): TxnRow {
  return {
    key,
    kind: 'day',
    date: '2026-11-03',
    station: 'Main St',
    document: `D-${key}`,
    totalCents: 12_345,
    qboEntity: null,
    qboId: null,
    status: 'waitingForCreation',
    statusText: 'Waiting for Creation in QuickBooks',
    issue: null,
    opIds: [],
    ...over,
  };
}

const unbalanced = { code: 'unbalanced', title: 'Does not balance', detail: 'Off by $0.01.' };

function setup(
  opts: { report?: Partial<PostingReport>; entities?: RunOutcome['outcome']; cached?: Map<string, TxnRow[]> } = {},
) {
  const log: string[] = [];
  const entries: NewStoredRun[] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const report: PostingReport = {
    rows: [
      row('day:1', { status: 'synchronized', qboId: '77', qboEntity: 'JournalEntry' }),
      row('day:2', { status: 'error', issue: unbalanced }),
    ],
    applied: { created: 1, updated: 0, deleted: 0 },
    failed: 0,
    ...opts.report,
  };
  const engine = {
    preview: vi.fn(async () => ({ rows: report.rows, ops: [] })),
    synchronize: vi.fn(async (request: { selection?: readonly string[] }) => {
      log.push(`post ${request.selection?.join(',') ?? 'all'}`);
      await gate;
      return structuredClone(report);
    }),
    tieOutData: vi.fn(async () => ({ expected: [] as TxnBody[], posted: [] })),
  };
  const sync = {
    synchronize: vi.fn(async () => {
      log.push('entities');
      return { outcome: opts.entities ?? 'success', message: 'Entities done.', summary: {} as never };
    }),
  };
  const service = createPostingService({
    buildPosting: async () =>
      ({
        engine,
        entities: async () => ({ records: () => [], qboIdOf: () => null }),
      }) as unknown as PostingWork,
    sync,
    history: () => ({ append: async (e: NewStoredRun) => void entries.push(e) }) as unknown as RunHistory,
    ignores: createMemoryIgnores(),
    ...(opts.cached
      ? {
          rowCache: {
            get: async (k: string) => opts.cached!.get(k),
            set: async (k: string, r: TxnRow[]) => void opts.cached!.set(k, r),
          },
        }
      : {}),
    now: () => new Date('2026-12-05T05:00:00Z'),
    newId: () => 'run-1',
  });
  return { service, engine, sync, log, entries, release };
}

const byUser = { trigger: 'user' as const, who: 'Pat' };

describe('the posting service', () => {
  it('runs the entity synchronization before posting, and posts the selection only', async () => {
    const t = setup();
    t.release();
    const outcome = await t.service.synchronize(target, { ...byUser, selection: ['day:2'] });
    expect(t.log).toEqual(['entities', 'post day:2']);
    expect(outcome.outcome).toBe('partial');
    expect(outcome.message).toContain('1 created');
  });

  it('posts nothing when the entity synchronization stopped', async () => {
    const t = setup({ entities: 'failed' });
    t.release();
    const outcome = await t.service.synchronize(target, byUser);
    expect(t.engine.synchronize).not.toHaveBeenCalled();
    expect(outcome.outcome).toBe('failed');
    expect(outcome.message).toContain('Entities done.');
  });

  it('runs one posting at a time per company: a second request joins the first', async () => {
    const t = setup();
    const first = t.service.synchronize(target, byUser);
    const second = t.service.synchronize(target, byUser);
    await vi.waitFor(() => expect(t.engine.synchronize).toHaveBeenCalledTimes(1));
    t.release();
    expect(await second).toBe(await first);
    expect(t.sync.synchronize).toHaveBeenCalledTimes(1);
    expect(t.engine.synchronize).toHaveBeenCalledTimes(1);
  });

  it('keeps the last rows, so the section opens on them without a read', async () => {
    const t = setup();
    expect(await t.service.rows(target)).toBeNull();
    t.release();
    await t.service.synchronize(target, byUser);
    expect((await t.service.rows(target))!.rows.map((r) => r.key)).toEqual(['day:1', 'day:2']);
  });

  it('keeps the last rows where they outlive the worker, and opens on them', async () => {
    const cached = new Map<string, TxnRow[]>();
    const before = setup({ cached });
    before.release();
    await before.service.synchronize(target, byUser);
    expect(cached.get(target.key)?.map((r) => r.key)).toEqual(['day:1', 'day:2']);
    const after = setup({ cached });
    expect((await after.service.rows(target))!.rows.map((r) => r.key)).toEqual(['day:1', 'day:2']);
    expect(after.engine.preview).not.toHaveBeenCalled();
  });

  it('ignores an error row until its issue or its total changes', async () => {
    const t = setup();
    t.release();
    await t.service.synchronize(target, byUser);
    expect((await t.service.ignore(target, ['day:1'])).ok).toBe(false);
    expect(await t.service.ignore(target, ['day:2'])).toMatchObject({ ok: true, changed: 1 });
    const { rows, markers } = (await t.service.rows(target))!;
    expect(isIgnored(rows[1]!, markers)).toBe(true);
    expect(isIgnored({ ...rows[1]!, totalCents: 12_346 }, markers)).toBe(false);
    expect(isIgnored({ ...rows[1]!, issue: { ...unbalanced, code: 'booksClosed' } }, markers)).toBe(false);
  });

  it('writes a History entry for a run that posted, with what it wrote and the rows in error', async () => {
    const t = setup({ report: { applied: { created: 2, updated: 1, deleted: 1 }, failed: 1 } });
    t.release();
    await t.service.synchronize(target, byUser);
    expect(t.entries).toHaveLength(1);
    expect(t.entries[0]).toMatchObject({
      runId: 'run-1',
      who: 'Pat',
      outcome: 'partial',
      counts: { createInQbo: 2, updateQbo: 1 },
      errors: [{ rowKey: 'day:2', code: 'unbalanced' }],
    });
    expect(t.entries[0]!.message).toContain('2 created, 1 updated, 1 deleted');
  });

  it('writes no History entry for a run with nothing to post', async () => {
    const t = setup({ report: { applied: { created: 0, updated: 0, deleted: 0 } } });
    t.release();
    await t.service.synchronize(target, byUser);
    expect(t.entries).toEqual([]);
  });

  it('records a stopped posting in History, in words', async () => {
    const t = setup();
    t.engine.synchronize.mockRejectedValueOnce(new Error('QuickBooks transactions are not available in this build'));
    const outcome = await t.service.synchronize(target, byUser);
    expect(outcome.outcome).toBe('failed');
    expect(outcome.message).toContain('not available in this build');
    expect(t.entries[0]).toMatchObject({ outcome: 'failed', errors: [{ title: 'Posting transactions stopped' }] });
  });
});
