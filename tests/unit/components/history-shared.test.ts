// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import type { HistoryEntry } from '@/lib/messaging/protocol';
import { createFakeBackground, makeRow } from './fake-background';
import { mountManager, settle } from './mount-manager';

const holder = vi.hoisted(() => ({ bg: null as unknown as ReturnType<typeof createFakeBackground> }));
vi.mock('@/lib/messaging/protocol', () => ({
  sendMessage: (type: never, data: never) => holder.bg.sendMessage(type, data),
}));
vi.mock('@/lib/messaging/status-port', () => ({
  subscribeStatus: (onEvent: never) => holder.bg.subscribeStatus(onEvent),
}));

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
});

const entry = (who: string): HistoryEntry => ({
  runId: `r-${who}`,
  startedAt: '2026-12-04T10:00:00.000Z',
  finishedAt: '2026-12-04T10:01:00.000Z',
  trigger: 'user',
  who,
  outcome: 'success',
  summary: {
    counts: { createInQbo: 0, createInCso: 0, updateQbo: 0, updateCso: 2, deactivateInQbo: 0, deleteInCso: 0, link: 0 },
    errors: 0,
    total: 0,
  },
  message: '2 changes applied.',
  errors: [],
  undo: null,
});

function withHistory(entries: HistoryEntry[], shared: string | null) {
  holder.bg = createFakeBackground([makeRow(0)]);
  holder.bg.handlers.getHistory = (() => ({ entries, total: entries.length, shared })) as never;
}

describe('History shared between browsers', () => {
  it('lists a run made in another browser with who started it, marked as from another browser', async () => {
    withHistory([entry('Sam Roe (another browser)'), entry('Pat Lee')], null);
    ({ wrapper } = await mountManager());
    await settle();
    const rows = wrapper.findAll('.qsm-history-table tbody tr').map((r) => r.findAll('td')[1]!.text());
    expect(rows).toEqual(['Sam Roe (another browser)', 'Pat Lee']);
    expect(wrapper.find('[data-testid="history-shared"]').exists()).toBe(false);
  });

  it('says when the other browsers’ runs could not be read, and still lists this browser’s', async () => {
    withHistory([entry('Pat Lee')], 'CStoreOffice’s shared history could not be read (offline).');
    ({ wrapper } = await mountManager());
    await settle();
    expect(wrapper.find('[data-testid="history-shared"]').text()).toContain('could not be read (offline)');
    expect(wrapper.findAll('.qsm-history-table tbody tr')).toHaveLength(1);
  });
});
