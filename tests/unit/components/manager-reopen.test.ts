// @vitest-environment happy-dom
/**
 * The manager stays mounted between openings (off the page while closed) so that opening is quick;
 * what it shows when opened again must be exactly what a fresh open shows: no filters, search,
 * sort, page, page size, selection, preview or notices left from before.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { getActivePinia } from 'pinia';
import { nextTick } from 'vue';
import { useRowsStore } from '@/lib/ui/stores/rows-store';
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
beforeEach(() => {
  holder.bg = createFakeBackground(Array.from({ length: 60 }, (_, i) => makeRow(i)));
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
});

/** The manager's markup, without the ids each component instance numbers for itself. */
const shown = (w: VueWrapper) =>
  w
    .html()
    .replace(/ pc\d+=""/g, '')
    .replace(/\bv-\d+-/g, 'v-N-')
    .replace(/\bpv_id_\d+/g, 'pv_id_N')
    .replace(/ style="width: 0px; left: 0px;"/g, '');

async function freshOpen(): Promise<string> {
  const fresh = await mountManager();
  const html = shown(fresh.wrapper);
  fresh.wrapper.unmount();
  document.body.innerHTML = '';
  return html;
}

describe('opening the manager again', () => {
  // First in this file: PrimeVue writes each component's styles once per document.
  it('prepared before the first open, it asks for nothing until opened, then shows what a fresh open shows', async () => {
    const prepared = await mountManager({ open: false });
    ({ wrapper } = prepared);
    // The styles of what it shows only once opened are written already: the rows' status tags
    // (plain markup with Tag's classes), messages, run progress.
    for (const name of ['tag', 'message', 'progressbar']) {
      expect(document.head.querySelector(`style[data-primevue-style-id="${name}-style"]`), name).not.toBeNull();
    }
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(wrapper.emitted('close')).toBeUndefined();
    expect(holder.bg.calls).toEqual([]);
    prepared.state.open = true;
    await settle();
    const opened = shown(wrapper);
    wrapper.unmount();
    wrapper = undefined;
    document.body.innerHTML = '';
    expect(opened).toBe(await freshOpen());
  });

  it('shows what a fresh open shows, whatever was changed before closing', async () => {
    const expected = await freshOpen();
    const opened = await mountManager();
    ({ wrapper } = opened);
    const w = wrapper;

    // Sort, filter by type, search, page, page size, select, preview, and a notice.
    await w.get('th[data-field="name"] button').trigger('click');
    await w.get('button[aria-label="Filter Type"]').trigger('click');
    await settle();
    const menu = document.querySelector('.qsm-filter-menu')!;
    const customer = [...menu.querySelectorAll('label')].find((l) => l.textContent === 'Customer')!;
    (document.getElementById(customer.htmlFor) as HTMLInputElement).click();
    await settle();
    [...menu.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Apply')!.click();
    await settle();
    await w.get('input[type="search"]').setValue('Entity 0');
    await new Promise((resolve) => setTimeout(resolve, 350));
    await buttonByText(w, 'Next')!.trigger('click');
    await settle();
    useRowsStore(getActivePinia()).setPageSize(10);
    await settle();
    await w.findAll('tbody tr[data-row-key] input[type="checkbox"]')[0]!.trigger('change');
    await buttonByText(w, 'Preview')!.trigger('click');
    await buttonByText(w, 'Reconnect to QBO')!.trigger('click');
    await settle();
    // A search typed just before closing, still waiting for its pause, and the History section open.
    await w.get('input[type="search"]').setValue('Entity 05');
    await w.get('[data-testid="section-history"]').trigger('click');
    await settle();
    const changed = shown(w);
    expect(w.get('[data-testid="section-history"]').attributes('aria-selected')).toBe('true');
    expect(changed).toContain('Connected to Speedy Stop Books');
    expect(changed).toContain('1 selected');
    expect(changed).toContain('data-testid="preview"');
    expect(changed).not.toBe(expected);

    opened.state.open = false;
    await settle();
    const asked = holder.bg.calls.length;
    // Closed: it neither listens for keys nor asks the background for anything.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await new Promise((resolve) => setTimeout(resolve, 350));
    await settle();
    expect(w.emitted('close')).toBeUndefined();
    expect(holder.bg.calls.length).toBe(asked);

    opened.state.open = true;
    await settle();
    expect(shown(w)).toBe(expected);
    expect(holder.bg.callsOf('getRows').at(-1)).toMatchObject({ query: { page: 0, pageSize: 25, filters: {} } });

    // Closed and opened again at once, before the page was idle to build the next dialog.
    await buttonByText(w, 'Next')!.trigger('click');
    opened.state.open = false;
    await nextTick();
    opened.state.open = true;
    await settle();
    expect(shown(w)).toBe(expected);
  });
});
