// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import type { CompanySummary } from '@/lib/messaging/protocol';
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

/** A new connection, both sides read, never synchronized. */
async function open(summary: Partial<CompanySummary> = {}) {
  holder.bg = createFakeBackground([makeRow(1), makeRow(2)], { lastSync: null, readState: 'read', ...summary });
  ({ wrapper } = await mountManager());
  return wrapper;
}

const setupOf = (w: VueWrapper) => w.find('[data-testid="first-sync-setup"]');
const cell = (w: VueWrapper, type: string, side: string) =>
  w.get(`[data-testid="setup-summary"] tr[data-type="${type}"] td[data-side="${side}"]`).text();

async function choose(w: VueWrapper, testId: string, label: string) {
  const select = setupOf(w).get(`[data-testid="${testId}"]`);
  await select.trigger('click');
  await settle();
  const option = select.findAll('li[role="option"]').find((o) => o.text().trim() === label);
  if (!option) throw new Error(`No option “${label}” in ${testId}`);
  await option.trigger('mousedown');
  await settle();
}

describe('the first-sync setup', () => {
  it('after Connect and its read it asks which way each type travels and says what the first run creates', async () => {
    const w = await open();
    expect(setupOf(w).exists()).toBe(true);
    expect(setupOf(w).get('[data-testid="direction-customer"] .p-select-label').text()).toBe('Both ways');
    expect(cell(w, 'customer', 'qbo')).toBe('1: Acme');
    expect(cell(w, 'customer', 'cso')).toBe('3: Quincy, Rita, Sam');
    expect(cell(w, 'account', 'qbo')).toBe('2: Sales, Fuel');
    expect(cell(w, 'account', 'link')).toBe('1');
    expect(buttonByText(w, 'Save and synchronize (6 to create)')).toBeDefined();
  });

  it('asks for the summary again with a changed direction, so it says what the run will do', async () => {
    const w = await open();
    await choose(w, 'direction-customer', 'Off');
    expect(holder.bg.callsOf('previewSetup').at(-1)).toMatchObject({
      directions: { customer: 'off', account: 'both' },
    });
    expect(setupOf(w).find('tr[data-type="customer"]').exists()).toBe(false);
    expect(buttonByText(w, 'Save and synchronize (2 to create)')).toBeDefined();
  });

  it('saves the choices for this company with the confirmation, then runs the first sync as reviewed', async () => {
    const w = await open();
    await choose(w, 'direction-account', 'CStoreOffice → QuickBooks only');
    await buttonByText(w, 'Save and synchronize (6 to create)')!.trigger('click');
    await settle();
    expect(holder.bg.callsOf('saveCompanySettings').at(-1)).toMatchObject({
      companyId: '42',
      confirmSetup: true,
      settings: { directions: { account: 'toQbo', customer: 'both' } },
    });
    expect(holder.bg.callsOf('synchronize').at(-1)).toMatchObject({ confirmCreates: true });
    expect(setupOf(w).exists()).toBe(false);
  });

  it('Not now puts it off; the Settings tab brings it back', async () => {
    const w = await open();
    await buttonByText(w, 'Not now')!.trigger('click');
    await settle();
    expect(setupOf(w).exists()).toBe(false);
    await w.get('[data-testid="section-settings"]').trigger('click');
    await settle();
    await w.get('[data-testid="open-setup"]').trigger('click');
    await settle();
    expect(setupOf(w).exists()).toBe(true);
    expect(cell(w, 'customer', 'cso')).toBe('3: Quincy, Rita, Sam');
  });

  it('is not shown once the company synchronized, nor before both sides are read', async () => {
    expect(
      setupOf(await open({ lastSync: { at: '2026-12-01T10:00:00Z', outcome: 'success', message: 'ok' } })).exists(),
    ).toBe(false);
    wrapper?.unmount();
    expect(setupOf(await open({ readState: 'reading' })).exists()).toBe(false);
  });
});
