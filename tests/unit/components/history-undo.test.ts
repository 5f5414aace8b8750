// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import type { HistoryEntry } from '@/lib/messaging/protocol';
import { createFakeBackground, makeRow } from './fake-background';
import { buttonByText, mountManager, settle } from './mount-manager';

const holder = vi.hoisted(() => ({ bg: null as unknown as ReturnType<typeof createFakeBackground> }));
vi.mock('@/lib/messaging/protocol', () => ({
  sendMessage: (type: never, data: never) => holder.bg.sendMessage(type, data),
}));
vi.mock('@/lib/messaging/status-port', () => ({
  subscribeStatus: (onEvent: never) => holder.bg.subscribeStatus(onEvent),
}));

let wrapper: VueWrapper | undefined;

const entry = (runId: string, undo: HistoryEntry['undo']): HistoryEntry => ({
  runId,
  startedAt: '2026-12-04T10:00:00.000Z',
  finishedAt: '2026-12-04T10:01:00.000Z',
  trigger: 'user',
  who: 'Pat Lee',
  outcome: 'success',
  summary: {
    counts: { createInQbo: 0, createInCso: 0, updateQbo: 0, updateCso: 2, deactivateInQbo: 0, deleteInCso: 0, link: 0 },
    errors: 0,
    total: 0,
  },
  message: '2 changes applied.',
  errors: [],
  undo,
});

function withHistory(entries: HistoryEntry[]) {
  holder.bg = createFakeBackground([makeRow(0)]);
  holder.bg.handlers.getHistory = (() => ({ entries, total: entries.length, shared: null })) as never;
}

beforeEach(() => withHistory([entry('r2', 'available'), entry('r1', null)]));
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
});

describe('History → Undo this run', () => {
  it('is offered on the last run that wrote only, asks first, and undoes that run', async () => {
    ({ wrapper } = await mountManager());
    await settle();
    const buttons = wrapper.findAll('button').filter((b) => b.text() === 'Undo this run');
    expect(buttons).toHaveLength(1);
    await buttons[0]!.trigger('click');
    await settle();
    const dialog = document.querySelector('[role="alertdialog"]')!;
    expect(dialog.textContent).toContain('Undo this run?');
    expect(dialog.textContent).toContain('reactivates what it deactivated, restores the fields it updated');
    expect(dialog.textContent).toContain('A record changed since that run is left as it is');
    expect(holder.bg.callsOf('undoRun')).toEqual([]);
    [...dialog.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Undo this run')!.click();
    await settle();
    expect(holder.bg.callsOf('undoRun')).toEqual([expect.objectContaining({ runId: 'r2', companyId: '42' })]);
    expect(document.body.textContent).toContain('Run undone');
  });

  it('cancelling the question undoes nothing; an undone run says so and offers nothing', async () => {
    ({ wrapper } = await mountManager());
    await settle();
    await buttonByText(wrapper, 'Undo this run')!.trigger('click');
    await settle();
    [...document.querySelectorAll('[role="alertdialog"] button')]
      .find((b) => b.textContent?.trim() === 'Cancel')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle();
    expect(holder.bg.callsOf('undoRun')).toEqual([]);
    wrapper.unmount();

    withHistory([entry('r2', 'undone')]);
    ({ wrapper } = await mountManager());
    await settle();
    expect(buttonByText(wrapper, 'Undo this run')).toBeUndefined();
    expect(wrapper.find('.qsm-undone').text()).toBe('Undone');
  });

  it('a refusal is shown in words', async () => {
    holder.bg.handlers.undoRun = (() => ({
      ok: false,
      message: 'Only the last run that changed something can be undone, and this is not that run.',
    })) as never;
    ({ wrapper } = await mountManager());
    await settle();
    await buttonByText(wrapper, 'Undo this run')!.trigger('click');
    await settle();
    [...document.querySelectorAll('[role="alertdialog"] button')]
      .find((b) => b.textContent?.trim() === 'Undo this run')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle();
    expect(document.body.textContent).toContain('Undo: not done');
    expect(document.body.textContent).toContain('this is not that run');
  });
});
