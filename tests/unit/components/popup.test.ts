// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { App as VueApp } from 'vue';
import App from '@/entrypoints/popup/App.vue';
import type { CompanySummary } from '@/lib/messaging/protocol';
import type { StatusEvent } from '@/lib/messaging/status-port';
import { setupApp } from '@/lib/ui/setup-app';

const fake = vi.hoisted(() => ({
  companies: [] as CompanySummary[],
  calls: [] as { type: string; data: unknown }[],
  listener: null as ((e: StatusEvent) => void) | null,
}));
vi.mock('@/lib/messaging/protocol', () => ({
  sendMessage: async (type: string, data: unknown) => {
    fake.calls.push({ type, data });
    if (type === 'getOverview') return { environment: 'sandbox', companies: structuredClone(fake.companies) };
    if (type === 'synchronize')
      return { outcome: 'success', message: '12 written.', summary: { counts: {}, errors: 0, total: 12 } };
    if (type === 'synchronizeTransactions')
      return { outcome: 'partial', message: 'Transactions in QuickBooks: 3 created; 1 day held.', rows: [] };
    if (type === 'disconnect')
      return { ...fake.companies[0], state: 'notConnected', realmId: null, qboCompanyName: null };
    throw new Error(`unexpected ${type}`);
  },
}));
vi.mock('@/lib/messaging/status-port', () => ({
  subscribeStatus: (onEvent: (e: StatusEvent) => void) => {
    fake.listener = onEvent;
    return () => {};
  },
}));

const company: CompanySummary = {
  companyId: '42',
  companyName: 'Speedy Stop LLC',
  origin: 'https://03.cstoreoffice.com',
  state: 'connected',
  realmId: '9130',
  qboCompanyName: 'Speedy Books',
  environment: 'sandbox',
  lastSync: { at: '2026-05-01T10:00:00Z', outcome: 'partial', message: '2 errors.' },
  counts: {
    synchronized: 10,
    waitingForCreation: 2,
    waitingForUpdate: 1,
    waitingForDeletion: 0,
    error: 2,
    notSynced: 0,
  },
  running: null,
  readState: 'read',
  lostReason: null,
  qboNotices: [],
};

async function settle() {
  for (let i = 0; i < 4; i++) await flushPromises();
}
/** Clicks the popup's button of that label, as a user would. */
const press = (wrapper: ReturnType<typeof mount>, label: string) =>
  wrapper
    .findAll('button')
    .find((b) => b.text().trim() === label)!
    .trigger('click');

const mountPopup = () =>
  mount(App, { attachTo: document.body, global: { plugins: [{ install: (app: VueApp) => void setupApp(app) }] } });

beforeEach(() => {
  fake.companies = [company];
  fake.calls = [];
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('the popup', () => {
  it('shows each company: QBO company and realm, environment, last sync, counts by status', async () => {
    const wrapper = mountPopup();
    await settle();
    const card = wrapper.get('[data-testid="company-card"]');
    expect(card.text()).toContain('Speedy Stop LLC');
    expect(card.text()).toContain('Speedy Books (realm 9130)');
    expect(card.text()).toContain('Intuit developer sandbox');
    expect(card.get('[data-testid="last-sync"]').text()).toContain('Finished; rows need attention. 2 errors.');
    expect(card.get('[data-testid="counts"]').text()).toContain('Synchronization Error2');
    expect(card.findAll('button').map((b) => b.text().trim())).toEqual(['Sync now', 'Open Audit page', 'Disconnect']);
    wrapper.unmount();
  });

  it("adds a line of the company's transaction counts once they were read", async () => {
    fake.companies = [{ ...company, transactions: { synchronized: 30, waiting: 2, errors: 1 } }];
    const wrapper = mountPopup();
    await settle();
    expect(wrapper.get('[data-testid="txn-counts"]').text().replace(/\s+/g, ' ')).toBe(
      'Transactions: 30 synchronized, 2 waiting, 1 error',
    );
    wrapper.unmount();
  });

  it('shows no transaction line before the documents were read', async () => {
    const wrapper = mountPopup();
    await settle();
    expect(wrapper.find('[data-testid="txn-counts"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('Sync now synchronizes that company and shows progress from the status port', async () => {
    const wrapper = mountPopup();
    await settle();
    fake.listener?.({
      type: 'run',
      status: {
        runId: 'r',
        companyId: '42',
        origin: company.origin,
        phase: 'writing',
        done: 4,
        total: 8,
        errors: 0,
        startedAt: '',
        trigger: 'user',
        message: null,
      },
    });
    await settle();
    expect(wrapper.get('[data-testid="run-progress"]').text()).toContain('4 of 8 done');
    fake.listener?.({
      type: 'run',
      status: {
        runId: 'r',
        companyId: '42',
        origin: company.origin,
        phase: 'done',
        done: 8,
        total: 8,
        errors: 0,
        startedAt: '',
        trigger: 'user',
        message: null,
      },
    });
    await settle();
    await press(wrapper, 'Sync now');
    await settle();
    expect(fake.calls.find((c) => c.type === 'synchronize')?.data).toEqual({ companyId: '42', origin: company.origin });
    expect(wrapper.text()).toContain('12 written.');
    wrapper.unmount();
  });

  it('Sync now on a company with store days posts them too, after its entities, in one run', async () => {
    fake.companies = [{ ...company, transactions: { synchronized: 30, waiting: 2, errors: 1 } }];
    const wrapper = mountPopup();
    await settle();
    await press(wrapper, 'Sync now');
    await settle();
    expect(fake.calls.map((c) => c.type)).toContain('synchronizeTransactions');
    expect(fake.calls.map((c) => c.type)).not.toContain('synchronize');
    expect(wrapper.text()).toContain('Transactions in QuickBooks: 3 created; 1 day held.');
    wrapper.unmount();
  });

  it('Open Audit page opens the CStoreOffice Audit page for that company', async () => {
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    const wrapper = mountPopup();
    await settle();
    await press(wrapper, 'Open Audit page');
    expect(create).toHaveBeenCalledWith({ url: 'https://03.cstoreoffice.com/app.php/accounting/audit?company=42' });
    wrapper.unmount();
  });
});
