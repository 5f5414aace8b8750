// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
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
  holder.bg = createFakeBackground([makeRow(1)]);
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
});

async function openSettings(): Promise<VueWrapper> {
  ({ wrapper } = await mountManager());
  await wrapper.get('[data-testid="section-settings"]').trigger('click');
  await settle();
  return wrapper;
}

/** Opens a Select and picks the option with that text. */
async function choose(w: VueWrapper, testId: string, label: string) {
  await w.get(`[data-testid="${testId}"]`).trigger('click');
  await settle();
  const option = w.findAll(`[data-testid="${testId}"] li[role="option"]`).find((o) => o.text().trim() === label);
  if (!option) throw new Error(`No option “${label}” in ${testId}`);
  // PrimeVue's Select takes an option on mousedown.
  await option.trigger('mousedown');
  await settle();
}

/** The option a Select shows as chosen. */
const shown = (w: VueWrapper, testId: string) => w.get(`[data-testid="${testId}"] .p-select-label`).text().trim();

describe("the manager's Settings tab", () => {
  it("shows that the company follows the options page's values, with every type both ways", async () => {
    const w = await openSettings();
    expect(w.get('#qsm-settings-heading').text()).toBe('Settings for Speedy Stop LLC');
    expect(w.get('[data-testid="settings-source"]').text()).toContain("follows the options page's values");
    expect(w.get('[data-testid="setup-unconfirmed"]').text()).toContain('Automatic sync waits');
    expect(shown(w, 'direction-customer')).toBe('Both ways');
    expect(buttonByText(w, "Use the options' defaults")!.attributes('disabled')).toBeDefined();
  });

  it("saves this company's choice of direction, policy and schedule, and says it has its own now", async () => {
    const w = await openSettings();
    await choose(w, 'direction-customer', 'CStoreOffice → QuickBooks only');
    await choose(w, 'settings-policy', 'QuickBooks wins');
    await choose(w, 'settings-schedule', 'Every 1 hour');
    await w.get('form').trigger('submit');
    await settle();
    const sent = holder.bg.callsOf('saveCompanySettings').at(-1) as {
      companyId: string;
      settings: Record<string, unknown>;
    };
    expect(sent.companyId).toBe('42');
    expect(sent.settings).toMatchObject({
      directions: { customer: 'toQbo', account: 'both' },
      conflictPolicy: 'qboWins',
      autoSyncMinutes: 60,
    });
    expect(w.text()).toContain('Settings saved for this company.');
    expect(w.get('[data-testid="settings-source"]').text()).toContain('has its own settings');
  });

  it("goes back to the options' defaults", async () => {
    const w = await openSettings();
    await choose(w, 'direction-class', 'Off');
    await w.get('form').trigger('submit');
    await settle();
    await buttonByText(w, "Use the options' defaults")!.trigger('click');
    await settle();
    expect(holder.bg.callsOf('saveCompanySettings').at(-1)).toMatchObject({ settings: null });
    expect(shown(w, 'direction-class')).toBe('Both ways');
    expect(w.get('[data-testid="settings-source"]').text()).toContain("follows the options page's values");
  });

  it('shows a refused value beside its field and keeps what the user chose', async () => {
    holder.bg.handlers.saveCompanySettings = () => ({
      ok: false,
      errors: { directions: 'Choose at least one kind of entity to synchronize' },
    });
    const w = await openSettings();
    await choose(w, 'direction-account', 'Off');
    await w.get('form').trigger('submit');
    await settle();
    expect(w.text()).toContain('Choose at least one kind of entity to synchronize');
    expect(w.text()).not.toContain('Settings saved');
    expect(shown(w, 'direction-account')).toBe('Off');
  });

  it('asks a company not connected to QuickBooks to connect first, and sends nothing', async () => {
    holder.bg = createFakeBackground([], { state: 'notConnected', realmId: null, qboCompanyName: null });
    const w = await openSettings();
    expect(w.text()).toContain('Connect this company to QuickBooks Online to choose its settings.');
    expect(w.find('form').exists()).toBe(false);
    expect(holder.bg.callsOf('getCompanySettings')).toEqual([]);
  });
});
