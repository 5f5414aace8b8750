import { describe, expect, it, vi } from 'vitest';
import { createSyncService } from '@/lib/background/sync-service';
import { changesPlanning, refreshConnectedRows } from '@/lib/background/settings-effects';
import type { RowStore, RunHistory } from '@/lib/db';
import type { StatusEvent } from '@/lib/messaging/status-port';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import type { SyncEngine, SyncRow } from '@/lib/sync';

const target = { key: 'https://03.cstoreoffice.com|1', origin: 'https://03.cstoreoffice.com', companyId: '1' };

describe('options that change what is planned', () => {
  it.each([
    ['the entity types', { enabledTypes: ['customer' as const] }, true],
    ['the conflict policy', { conflictPolicy: 'csoWins' as const }, true],
    ['the default income account', { defaultIncomeAccount: 'Other Income' }, true],
    ['the auto-sync interval only', { autoSyncMinutes: 30 }, false],
    ['the broker URL only', { brokerUrl: 'https://broker.example.com' }, false],
  ])('%s → recompute: %s', (_what, change, expected) => {
    expect(changesPlanning(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, ...change })).toBe(expected);
  });

  it('recomputes every connected company, and one failing does not stop the others', async () => {
    const other = { ...target, key: 'https://03.cstoreoffice.com|2', companyId: '2' };
    const refreshRows = vi.fn(async (t: typeof target) => {
      if (t.companyId === '1') throw new Error('disconnected meanwhile');
      return true;
    });
    const onError = vi.fn();
    expect(await refreshConnectedRows({ connected: async () => [target, other], refreshRows, onError })).toBe(1);
    expect(refreshRows).toHaveBeenCalledTimes(2);
    expect(onError).toHaveBeenCalledWith(target, expect.any(Error));
  });
});

describe('sync service: refreshRows', () => {
  function setup(engine: Partial<SyncEngine>) {
    const events: StatusEvent[] = [];
    const rows = { replaceRows: vi.fn(async () => {}) } as unknown as RowStore;
    const service = createSyncService({
      buildEngine: async () => engine as SyncEngine,
      rows,
      history: () => ({ append: vi.fn(async (e) => e), clear: vi.fn() }) as unknown as RunHistory,
      hub: { publish: (e: StatusEvent) => events.push(e), attach: () => {}, size: 0 },
      now: () => new Date('2026-11-25T12:00:00Z'),
      newId: () => 'run-1',
    });
    return { service, rows, events };
  }

  it('saves the rows the engine computes from the mirror and tells the surfaces', async () => {
    const computed = [{ key: 'cso:customer:1' }] as unknown as SyncRow[];
    const { service, rows, events } = setup({ rows: async () => computed });
    expect(await service.refreshRows(target)).toBe(true);
    expect(rows.replaceRows).toHaveBeenCalledWith(target.key, computed);
    expect(events).toContainEqual({ type: 'rowsChanged', companyId: '1', origin: target.origin });
  });

  it('leaves a company alone while its sync runs (the run saves its own rows)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const engineRows = vi.fn(async () => []);
    const { service } = setup({
      rows: engineRows,
      synchronize: (async () => {
        await gate;
        throw new Error('stop');
      }) as never,
    });
    const run = service.synchronize(target, { trigger: 'user', who: 'You' });
    expect(await service.refreshRows(target)).toBe(false);
    expect(engineRows).not.toHaveBeenCalled();
    release();
    await run;
  });
});
