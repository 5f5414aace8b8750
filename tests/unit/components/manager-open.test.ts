// @vitest-environment happy-dom
/**
 * Opening the manager asks for the table at once, without waiting for the company's summary; a
 * table refused because the background had not yet heard of the company is asked for again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import type { ProtocolMap } from '@/lib/messaging/protocol';
import { createFakeBackground, makeRow } from './fake-background';
import { mountManager, settle } from './mount-manager';

const holder = vi.hoisted(() => ({
  send: null as unknown as (type: keyof ProtocolMap, data: unknown) => Promise<unknown>,
  bg: null as unknown as ReturnType<typeof createFakeBackground>,
}));
vi.mock('@/lib/messaging/protocol', () => ({ sendMessage: (type: never, data: never) => holder.send(type, data) }));
vi.mock('@/lib/messaging/status-port', () => ({
  subscribeStatus: (onEvent: never) => holder.bg.subscribeStatus(onEvent),
}));

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
});

/** The fake background, with getCompany held until `answer()` is called. */
function withSlowCompany(refuseRowsUntilKnown = false) {
  const bg = createFakeBackground(Array.from({ length: 30 }, (_, i) => makeRow(i)));
  let answer = () => {};
  const known = new Promise<void>((resolve) => (answer = resolve));
  let isKnown = false;
  holder.bg = bg;
  holder.send = async (type, data) => {
    if (type === 'getCompany') {
      await known;
      isKnown = true;
    }
    if (type === 'getRows' && refuseRowsUntilKnown && !isKnown) {
      await bg.sendMessage(type, data);
      throw new Error('This company has not been opened on the Audit page yet.');
    }
    return bg.sendMessage(type, data);
  };
  return { bg, answer };
}

describe('opening the manager', () => {
  it('shows the first page while the company summary is still on its way', async () => {
    const { bg, answer } = withSlowCompany();
    ({ wrapper } = await mountManager());
    expect(bg.callsOf('getCompany')).toHaveLength(0);
    expect(bg.callsOf('getRows')).toHaveLength(1);
    expect(wrapper.findAll('tbody tr[data-row-key]')).toHaveLength(25);
    answer();
    await settle();
    expect(bg.callsOf('getRows')).toHaveLength(1);
  });

  it('asks for the table again when it was refused before the company was known', async () => {
    const { bg, answer } = withSlowCompany(true);
    ({ wrapper } = await mountManager());
    expect(wrapper.findAll('tbody tr[data-row-key]')).toHaveLength(0);
    answer();
    await settle();
    expect(bg.callsOf('getRows')).toHaveLength(2);
    expect(wrapper.findAll('tbody tr[data-row-key]')).toHaveLength(25);
    expect(wrapper.text()).not.toContain('could not be loaded');
  });
});
