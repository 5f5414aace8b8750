// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import type { CompanySummary, PanelRow } from '@/lib/messaging/protocol';
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
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
});

const emptyWords = (w: VueWrapper) => w.get('[data-testid="table-empty"]').text();
const rowsOf = (w: VueWrapper) => w.findAll('tbody tr[data-row-key]');

async function open(rows: PanelRow[], summary: Partial<CompanySummary>) {
  holder.bg = createFakeBackground(rows, summary);
  ({ wrapper } = await mountManager());
  return wrapper;
}

describe('the first minutes: an empty table says why it is empty', () => {
  it('before Connect it says nothing was read yet, not that no entity matches the filters', async () => {
    const w = await open([], { state: 'notConnected', realmId: null, readState: 'notRead' });
    expect(emptyWords(w)).toBe(
      'Nothing was read yet. Connect to QBO: the manager then reads both companies and lists every entity.',
    );
    expect(w.text()).not.toContain('No entities match the filters');
  });

  it('after Connect the table fills by itself when the read ends; Synchronize waits for it', async () => {
    const rows: PanelRow[] = [];
    const w = await open(rows, { state: 'notConnected', realmId: null, readState: 'notRead' });
    const reading = { ...holder.bg.company, state: 'connected' as const, readState: 'reading' as const };
    holder.bg.handlers.connect = () => ({ ok: true, summary: reading });
    await buttonByText(w, 'Connect to QBO')!.trigger('click');
    await settle();
    expect(emptyWords(w)).toBe('Reading CStoreOffice and QuickBooks: every entity is listed when the read ends.');
    expect(w.get('[data-testid="reading"]').text()).toContain('Reading CStoreOffice and QuickBooks');
    expect(w.get('[data-testid="synchronize"]').attributes('disabled')).toBeDefined();
    expect(buttonByText(w, 'Preview')!.attributes('disabled')).toBeDefined();

    // The background read both sides and saved the rows; it says the read ended, and nothing else is clicked.
    rows.push(...Array.from({ length: 3 }, (_, i) => makeRow(i)));
    Object.assign(holder.bg.company, { state: 'connected', readState: 'read' });
    holder.bg.emit({ type: 'reading', companyId: '42', origin: holder.bg.company.origin, reading: false, error: null });
    await settle();
    expect(rowsOf(w)).toHaveLength(3);
    expect(w.find('[data-testid="reading"]').exists()).toBe(false);
    expect(w.text()).toContain('Rows 1–3 of 3');
    expect(w.get('[data-testid="synchronize"]').attributes('disabled')).toBeUndefined();
  });

  it('a read that ends before Connect’s answer arrives is not shown as still going', async () => {
    const rows: PanelRow[] = [makeRow(1)];
    const w = await open(rows, { state: 'notConnected', realmId: null, readState: 'notRead' });
    const reading = { ...holder.bg.company, state: 'connected' as const, readState: 'reading' as const };
    holder.bg.handlers.connect = () => {
      Object.assign(holder.bg.company, { state: 'connected', readState: 'read' });
      holder.bg.emit({ type: 'reading', companyId: '42', origin: reading.origin, reading: false, error: null });
      return { ok: true, summary: reading };
    };
    await buttonByText(w, 'Connect to QBO')!.trigger('click');
    await settle();
    expect(w.find('[data-testid="reading"]').exists()).toBe(false);
    expect(w.get('[data-testid="synchronize"]').attributes('disabled')).toBeUndefined();
  });

  it('a read that fails says why, and the table says nothing was read yet', async () => {
    const w = await open([], { readState: 'reading' });
    Object.assign(holder.bg.company, { readState: 'notRead' });
    holder.bg.emit({
      type: 'reading',
      companyId: '42',
      origin: holder.bg.company.origin,
      reading: false,
      error: 'You are signed out of CStoreOffice.',
    });
    await settle();
    expect(w.get('[data-testid="notices"]').text()).toContain('You are signed out of CStoreOffice.');
    expect(emptyWords(w)).toBe('Nothing was read yet. Preview reads both companies and lists every entity.');
  });

  it('companies read and empty are said to be empty', async () => {
    const w = await open([], { readState: 'read' });
    expect(emptyWords(w)).toBe('Neither company holds an entity of the types synchronized.');
  });

  it('“No entities match the filters” only once a search is set', async () => {
    const w = await open([makeRow(1)], { readState: 'read' });
    await w.get('input[type="search"]').setValue('no such name');
    await new Promise((r) => setTimeout(r, 350));
    await settle();
    expect(emptyWords(w)).toBe('No entities match the filters.');
  });
});
