import { describe, expect, it, vi } from 'vitest';
import { createSyncService } from '@/lib/background/sync-service';
import type { RowStore, RunHistory } from '@/lib/db';
import type { StatusEvent } from '@/lib/messaging/status-port';
import { ReconnectNeededError } from '@/lib/qbo';
import { type SyncEngine, type SyncPlan, UndoRefusedError } from '@/lib/sync';

const target = { key: 'https://03.cstoreoffice.com|1', origin: 'https://03.cstoreoffice.com', companyId: '1' };
const emptyPlan: SyncPlan = { ops: [], levels: [] };
const counts = { synchronized: 1, waitingForCreation: 0, waitingForUpdate: 0, waitingForDeletion: 0, error: 0 };

function setup(engine: Partial<SyncEngine>) {
  const events: StatusEvent[] = [];
  const entries: unknown[] = [];
  const history = { append: vi.fn(async (e) => (entries.push(e), e)), clear: vi.fn() } as unknown as RunHistory;
  const rows = { replaceRows: vi.fn(async () => {}) } as unknown as RowStore;
  const onRunEnd = vi.fn();
  let id = 0;
  const buildEngine = vi.fn(async () => engine as SyncEngine);
  const service = createSyncService({
    buildEngine,
    rows,
    history: () => history,
    hub: { publish: (e: StatusEvent) => events.push(e), attach: () => {}, size: 0 },
    now: () => new Date('2026-11-25T12:00:00Z'),
    newId: () => `run-${++id}`,
    onRunEnd,
  });
  return { service, events, entries, rows, onRunEnd, buildEngine };
}

const report = () => ({
  plan: emptyPlan,
  rows: [],
  summary: {
    writes: { create: { cso: 0, qbo: 0 }, update: { cso: 0, qbo: 0 }, deactivate: 0, delete: 0 },
    local: { link: 0, unlink: 0 },
    batches: { cso: 0, qbo: 0 },
    levels: 0,
    rows: { total: 1, byStatus: counts },
  },
  executed: emptyPlan,
  failures: [],
  resumed: false,
  writes: [],
  heldDeletions: [],
  heldCreates: null,
});

const held = [
  {
    typeId: 'customer' as const,
    count: 5,
    linked: 12,
    rows: [{ rowKey: 'cso:customer:1', typeId: 'customer' as const, name: 'Acme', target: 'qbo' as const }],
  },
];

describe('sync service', () => {
  it('a preview asked while a run is going waits for the run, so it never writes the rows over it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const synchronize = vi.fn(async () => (await gate, order.push('run ended'), report()));
    const preview = vi.fn(async () => (order.push('preview read'), report()));
    const { service } = setup({ synchronize, preview } as never);
    const run = service.synchronize(target, { trigger: 'user', who: 'You' });
    const previewed = service.preview(target);
    await new Promise((r) => setTimeout(r, 10));
    expect(preview).not.toHaveBeenCalled();
    release();
    await Promise.all([run, previewed]);
    expect(order).toEqual(['run ended', 'preview read']);
  });

  it('passes the confirmed deletions of a person’s run, never of the alarm’s, and reports held ones with words', async () => {
    const synchronize = vi.fn(async () => ({ ...report(), heldDeletions: held }));
    const { service, onRunEnd } = setup({ synchronize } as never);
    const outcome = await service.synchronize(target, {
      trigger: 'user',
      who: 'You',
      confirmDeletions: ['cso:customer:9'],
    });
    expect(synchronize).toHaveBeenLastCalledWith({ runId: 'run-1', confirmDeletions: ['cso:customer:9'] });
    expect(outcome).toMatchObject({
      outcome: 'partial',
      heldDeletions: [
        {
          typeId: 'customer',
          typeLabel: 'Customer',
          count: 5,
          linked: 12,
          rows: [{ rowKey: 'cso:customer:1', name: 'Acme', target: 'qbo' }],
        },
      ],
    });
    expect(outcome.message).toMatch(/1 deletion wait for your review \(1 customer\)/);
    await service.synchronize(target, {
      trigger: 'alarm',
      who: null,
      confirmDeletions: ['cso:customer:9'],
      confirmCreates: true,
    });
    expect(synchronize).toHaveBeenLastCalledWith({ runId: 'run-2' });
    expect(onRunEnd).toHaveBeenLastCalledWith(
      target,
      expect.objectContaining({ heldDeletions: expect.any(Array) }),
      null,
      'alarm',
    );
    await service.synchronize(target, { trigger: 'user', who: 'You', confirmCreates: true });
    expect(synchronize).toHaveBeenLastCalledWith({ runId: 'run-3', confirmCreates: true });
  });

  it('runs once when Synchronize is asked twice at the same time; the second joins the first', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const synchronize = vi.fn(async () => (await gate, report()));
    const { service, entries } = setup({ synchronize } as never);
    const first = service.synchronize(target, { trigger: 'user', who: 'You' });
    const second = service.synchronize(target, { trigger: 'alarm', who: null });
    expect(service.status(target.key)?.runId).toBe('run-1');
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBe(b);
    expect(synchronize).toHaveBeenCalledTimes(1);
    expect(entries).toHaveLength(1);
    expect(a).toMatchObject({ outcome: 'success', message: 'Nothing needed to change; both systems are in step.' });
    expect(service.status(target.key)).toBeNull();
  });

  it('saves the rows, tells the surfaces, and logs the run', async () => {
    const { service, events, rows, entries } = setup({ synchronize: async () => report() } as never);
    await service.synchronize(target, { trigger: 'user', who: 'You' });
    expect(rows.replaceRows).toHaveBeenCalledWith(target.key, []);
    expect(events.map((e) => (e.type === 'run' ? `run:${e.status.phase}` : e.type))).toEqual([
      'run:reading',
      'run:saving',
      'rowsChanged',
      'run:done',
    ]);
    // History keeps the run's words as the manager said them, so both say the same thing.
    expect(entries[0]).toMatchObject({
      runId: 'run-1',
      trigger: 'user',
      who: 'You',
      outcome: 'succeeded',
      message: 'Nothing needed to change; both systems are in step.',
    });
  });

  it('a wait before QuickBooks is asked again is on the progress line until the run moves on', async () => {
    const { service, events, buildEngine } = setup({ synchronize: async () => report() } as never);
    buildEngine.mockImplementation((async (
      _target: unknown,
      onProgress: (p: unknown) => void,
      onWait?: (w: { why: string; delayMs: number }) => void,
    ) => {
      onWait?.({ why: 'QuickBooks asked to slow down (too many requests)', delayMs: 42_000 });
      onProgress({ phase: 'writing', done: 1, total: 2, errors: 0 });
      return { synchronize: async () => report() };
    }) as never);
    await service.synchronize(target, { trigger: 'user', who: 'You' });
    const runs = events
      .filter((e) => e.type === 'run')
      .map((e) => (e as { status: { phase: string; waiting?: unknown } }).status);
    expect(runs[1]).toMatchObject({
      waiting: { why: 'QuickBooks asked to slow down (too many requests)', until: '2026-11-25T12:00:42.000Z' },
    });
    expect(runs[2]).toMatchObject({ phase: 'writing', waiting: null });
  });

  it('outside a run (Reconnect), a wait on QuickBooks is told to the company and its end once the work is over', async () => {
    const { service, events, buildEngine } = setup({} as never);
    buildEngine.mockImplementation((async (
      _target: unknown,
      _onProgress: unknown,
      onWait?: (w: { why: string; delayMs: number }) => void,
    ) => ({
      actions: {},
      reconnect: async () => {
        onWait?.({ why: 'QuickBooks asked to slow down (too many requests)', delayMs: 60_000 });
        return { ...report(), rows: [] };
      },
    })) as never);
    expect(await service.action(target, 'reconnect', [])).toMatchObject({ ok: true });
    const waits = events.filter((e) => e.type === 'waiting');
    expect(waits).toEqual([
      {
        type: 'waiting',
        companyId: '1',
        origin: target.origin,
        waiting: { why: 'QuickBooks asked to slow down (too many requests)', until: '2026-11-25T12:01:00.000Z' },
      },
      { type: 'waiting', companyId: '1', origin: target.origin, waiting: null },
    ]);
  });

  it('the read after Connect runs once when asked twice, saves the rows, and tells its start and end', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const reconnect = vi.fn(async () => (await gate, report()));
    const { service, events, rows } = setup({ reconnect } as never);
    const first = service.reread(target);
    const second = service.reread(target);
    expect(service.reading(target.key)).toBe(true);
    release();
    await Promise.all([first, second]);
    expect(reconnect).toHaveBeenCalledTimes(1);
    expect(rows.replaceRows).toHaveBeenCalledTimes(1);
    expect(service.reading(target.key)).toBe(false);
    const told = events.filter((e) => e.type === 'reading' || e.type === 'rowsChanged').map((e) => e.type);
    expect(told).toEqual(['reading', 'rowsChanged', 'reading']);
    expect(events.at(-1)).toEqual({
      type: 'reading',
      companyId: '1',
      origin: target.origin,
      reading: false,
      error: null,
    });
  });

  it('the first-sync setup’s preview plans with the directions being chosen and leaves the table alone', async () => {
    const preview = vi.fn(async () => report());
    const { service, rows, buildEngine } = setup({ preview } as never);
    await expect(service.previewSetup(target, { customer: 'off' })).resolves.toEqual({ byType: [], creates: 0 });
    expect(buildEngine.mock.calls[0]).toContainEqual({ directions: { customer: 'off' } });
    expect(rows.replaceRows).not.toHaveBeenCalled();
  });

  it('a read after Connect that fails ends with the words of the failure', async () => {
    const reconnect = vi.fn(async () => Promise.reject(new ReconnectNeededError('gone')));
    const { service, events } = setup({ reconnect } as never);
    await service.reread(target);
    expect(events.at(-1)).toMatchObject({
      type: 'reading',
      reading: false,
      error: expect.stringContaining('Connect to QBO'),
    });
  });

  it('stops cleanly with words when QuickBooks refuses the connection, and says so to the toolbar', async () => {
    const { service, entries, onRunEnd, events } = setup({
      synchronize: async () => {
        throw new ReconnectNeededError('gone');
      },
    } as never);
    const outcome = await service.synchronize(target, { trigger: 'alarm', who: null });
    expect(outcome.outcome).toBe('failed');
    expect(outcome.message).toContain('Connect to QBO');
    expect(entries[0]).toMatchObject({ outcome: 'failed', errors: [{ code: 'reconnect' }] });
    expect(onRunEnd).toHaveBeenCalledWith(target, outcome, 'reconnect', 'alarm');
    expect(events.at(-1)).toMatchObject({ type: 'run', status: { phase: 'failed' } });
  });

  it('an Undo is logged in History with what it put back and what it left, and its words say what comes next', async () => {
    const undo = vi.fn(async () => ({
      counts: { reactivated: 1, restored: 2, removed: 0 },
      refused: [
        {
          rowKey: 'cso:customer:4',
          name: 'Birch',
          detail: 'Undo left it as it is: it was changed in QuickBooks after that run.',
        },
      ],
    }));
    const { service, entries, rows } = setup({ undo, rows: async () => [] } as never);
    const reply = await service.undo(target, 'run-0', 'Pat Lee');
    expect(undo).toHaveBeenCalledWith('run-0');
    expect(reply).toEqual({
      ok: true,
      changed: 3,
      message:
        'Undone: 2 restored, 1 reactivated. 1 left as it was: see its row. The next Synchronize copies what was restored to the other system.',
    });
    expect(rows.replaceRows).toHaveBeenCalledWith(target.key, []);
    expect(entries[0]).toMatchObject({
      who: 'Pat Lee',
      outcome: 'partial',
      undo: { of: 'run-0', reactivated: 1, restored: 2, removed: 0 },
      errors: [{ rowKey: 'cso:customer:4', title: 'Not undone: “Birch”' }],
    });
  });

  it('refuses an Undo while a run is going, and passes the engine’s refusal on in words', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const undo = vi.fn(async () => {
      throw new UndoRefusedError('This run was undone already.');
    });
    const { service, entries } = setup({ synchronize: async () => (await gate, report()), undo } as never);
    const run = service.synchronize(target, { trigger: 'user', who: 'You' });
    expect(await service.undo(target, 'run-0', 'You')).toEqual({
      ok: false,
      message: expect.stringContaining('A synchronization is running'),
    });
    release();
    await run;
    expect(await service.undo(target, 'run-0', 'You')).toEqual({ ok: false, message: 'This run was undone already.' });
    expect(entries).toHaveLength(1);
  });

  it('refuses a row action while a run is going', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { service } = setup({ synchronize: async () => (await gate, report()) } as never);
    const run = service.synchronize(target, { trigger: 'user', who: 'You' });
    await expect(service.action(target, 'removeLink', ['cso:account:1'])).resolves.toEqual({
      ok: false,
      message: 'A synchronization is running for this company; try again when it ends.',
    });
    release();
    await run;
  });
});

describe('the outcome of a run', () => {
  it('counts what the run applied, not what is left to do', async () => {
    const executed: SyncPlan = {
      ops: [
        { id: 'a', kind: 'create', target: 'qbo' },
        { id: 'b', kind: 'create', target: 'cso' },
        { id: 'c', kind: 'link', target: null },
      ] as never,
      levels: [],
    };
    const { service } = setup({ synchronize: async () => ({ ...report(), executed }) } as never);
    const outcome = await service.synchronize(target, { trigger: 'user', who: 'You' });
    expect(outcome.summary.counts).toMatchObject({ createInQbo: 1, createInCso: 1, link: 1, updateQbo: 0 });
    expect(outcome.summary).toMatchObject({ errors: 0, total: 1 });
    expect(outcome.message).toBe('3 changes applied; both systems are in step.');
  });
});
