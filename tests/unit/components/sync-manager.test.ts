// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { type PanelRow } from '@/lib/messaging/protocol';
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
const rowsOf = (w: VueWrapper) => w.findAll('tbody tr[data-row-key]');
const lastQuery = () => (holder.bg.callsOf('getRows').at(-1) as { query: Record<string, unknown> }).query;

function start(rows: PanelRow[] = Array.from({ length: 30 }, (_, i) => makeRow(i))) {
  holder.bg = createFakeBackground(rows);
}

beforeEach(() => start());
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
});

describe('the Entities table', () => {
  it('shows the columns, actions and labels exactly as the seed names them', async () => {
    ({ wrapper } = await mountManager());
    expect(wrapper.get('[role="dialog"]').attributes('aria-labelledby')).toBe('qsm-title');
    expect(wrapper.get('#qsm-title').text()).toBe('QB Synchronization Manager');
    expect(wrapper.text()).toContain('Company: Speedy Stop LLC');
    expect(wrapper.get('h2#qsm-entities-heading').text()).toBe('Entities');
    const headers = wrapper.findAll('thead th').map((th) => th.text().trim());
    expect(headers.slice(1)).toEqual([
      'Type',
      'CSO Id',
      'Name',
      'QBO Id',
      'Issue detail',
      'Synchronization status',
      'Actions',
    ]);
    for (const label of [
      'Synchronize',
      'Preview',
      'Remove Links',
      'Ignore Issues',
      'Clear Sync History',
      'Export CSV',
      'Reconnect to QBO',
    ]) {
      expect(buttonByText(wrapper, label), label).toBeDefined();
    }
    expect(rowsOf(wrapper)).toHaveLength(25);
    const first = rowsOf(wrapper)[0]!;
    const cso = first.findAll('td')[2]!.get('a');
    expect(cso.attributes()).toMatchObject({ href: 'https://03.cstoreoffice.com/entity/1000', target: '_blank' });
    expect(first.text()).toContain('Synchronized');
  });

  it('sorts by a column on click, and reverses on a second click', async () => {
    ({ wrapper } = await mountManager());
    const th = () => wrapper!.get('th[data-field="name"]');
    await th().get('button').trigger('click');
    await settle();
    expect(lastQuery().sort).toEqual({ field: 'name', dir: 'asc' });
    expect(th().attributes('aria-sort')).toBe('ascending');
    expect(rowsOf(wrapper)[0]!.text()).toContain('Entity 000');
    await th().get('button').trigger('click');
    await settle();
    expect(lastQuery().sort).toEqual({ field: 'name', dir: 'desc' });
    expect(th().attributes('aria-sort')).toBe('descending');
    expect(rowsOf(wrapper)[0]!.text()).toContain('Entity 029');
  });

  it('a header filter menu includes and excludes values', async () => {
    ({ wrapper } = await mountManager());
    await wrapper.get('button[aria-label="Filter Type"]').trigger('click');
    await settle();
    const menu = document.querySelector('.qsm-filter-menu')!;
    expect(menu).not.toBeNull();
    // Inside the manager, not in the page's body.
    expect(wrapper.element.contains(menu)).toBe(true);
    const customer = [...menu.querySelectorAll('label')].find((l) => l.textContent === 'Customer')!;
    (document.getElementById(customer.htmlFor) as HTMLInputElement).click();
    await settle();
    [...menu.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Apply')!.click();
    await settle();
    expect((lastQuery().filters as { types: string[] }).types).toEqual([
      'account',
      'class',
      'priceBookVendor',
      'accountingVendor',
      'dataType',
      'location',
    ]);
    expect(rowsOf(wrapper).map((r) => r.findAll('td')[1]!.text())).not.toContain('Customer');
    expect(wrapper.find('button[aria-label="Filter Type (6 of 7 values)"]').exists()).toBe(true);
  });

  it('the header checkbox selects the current page only, and Synchronize says so', async () => {
    ({ wrapper } = await mountManager());
    expect(wrapper.get('[data-testid="synchronize"]').text()).toBe('Synchronize');
    expect(wrapper.get('[data-testid="sync-scope"]').text()).toContain('every row');
    await wrapper.get('[data-testid="select-page"] input').trigger('change');
    await settle();
    expect(wrapper.get('[data-testid="synchronize"]').text()).toBe('Synchronize 25 selected');
    await buttonByText(wrapper, 'Next')!.trigger('click');
    await settle();
    expect(rowsOf(wrapper)).toHaveLength(5);
    expect(rowsOf(wrapper).every((r) => !(r.get('input[type="checkbox"]').element as HTMLInputElement).checked)).toBe(
      true,
    );
    await wrapper.get('[data-testid="synchronize"]').trigger('click');
    await settle();
    const sync = holder.bg.callsOf('synchronize').at(-1) as { selection: string[]; user: string };
    expect(sync.selection).toHaveLength(25);
    // The signed-in user the Audit page shows goes along, for History.
    expect(sync.user).toBe('Pat Lee (pat@speedy.example)');
  });

  it('offers Remove Link only on synchronized rows and Ignore Issues only on error rows', async () => {
    ({ wrapper } = await mountManager());
    for (const row of rowsOf(wrapper)) {
      const labels = row.findAll('button').map((b) => b.text().trim());
      const status = row.attributes('data-status');
      expect(labels.includes('Remove Link'), status).toBe(status === 'synchronized');
      expect(labels.includes('Ignore Issues'), status).toBe(status === 'error');
      if (status === 'error') expect(labels).toEqual(expect.arrayContaining(['Keep CStoreOffice', 'Keep QuickBooks']));
    }
    const linked = rowsOf(wrapper).find((r) => r.attributes('data-status') === 'synchronized')!;
    const key = linked.attributes('data-row-key');
    await buttonByText(linked as unknown as VueWrapper, 'Remove Link')!.trigger('click');
    await settle();
    expect(holder.bg.callsOf('runAction').at(-1)).toMatchObject({ action: 'removeLink', rowKeys: [key] });
  });

  it('bulk buttons are disabled with a reason until the selection has eligible rows', async () => {
    ({ wrapper } = await mountManager());
    expect(buttonByText(wrapper, 'Remove Links')!.attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="bulk-reasons"]').text()).toContain('select synchronized rows first');
    const errorRow = rowsOf(wrapper).find((r) => r.attributes('data-status') === 'error')!;
    await errorRow.get('input[type="checkbox"]').trigger('change');
    await settle();
    expect(buttonByText(wrapper, 'Remove Links')!.attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="bulk-reasons"]').text()).toContain('none of the selected rows is synchronized');
    expect(buttonByText(wrapper, 'Ignore Issues')!.attributes('disabled')).toBeUndefined();
  });

  it('Clear Sync History asks first and says what it does', async () => {
    ({ wrapper } = await mountManager());
    await buttonByText(wrapper, 'Clear Sync History')!.trigger('click');
    await settle();
    const dialog = document.querySelector('[role="alertdialog"]')!;
    expect(dialog.textContent).toContain('Clear Sync History?');
    expect(dialog.textContent).toContain(
      'forgets every link between Speedy Stop LLC and QuickBooks company “Speedy Stop Books”',
    );
    expect(dialog.textContent).toContain('Nothing is deleted in CStoreOffice or in QuickBooks');
    expect(dialog.textContent).toContain('The next Synchronize matches records by name again');
    expect(wrapper.element.contains(dialog)).toBe(true);
    expect(holder.bg.callsOf('runAction')).toHaveLength(0);
    [...dialog.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Clear Sync History')!.click();
    await settle();
    expect(holder.bg.callsOf('runAction')).toEqual([expect.objectContaining({ action: 'clearSyncHistory' })]);
  });

  it('a row renamed in QuickBooks shows QuickBooks’ name under its own', async () => {
    start([makeRow(0, { name: 'Acme', qboName: 'Acme Fuel Co', status: 'waitingForUpdate' })]);
    ({ wrapper } = await mountManager());
    expect(rowsOf(wrapper)[0]!.get('.qsm-name span').text()).toBe('Acme');
    expect(rowsOf(wrapper)[0]!.get('[data-testid="qbo-name"]').text()).toBe('QuickBooks: Acme Fuel Co');
  });

  it('renders a hostile name as text', async () => {
    start([
      makeRow(0, {
        name: '<img src=x onerror=alert(1)>',
        status: 'error',
        issue: {
          code: 'x',
          title: '<b>t</b>',
          detail: '<script>d</script>',
          remedies: ['linkNearMatch'],
          otherName: '<i>n</i>',
        },
      }),
    ]);
    ({ wrapper } = await mountManager());
    const row = rowsOf(wrapper)[0]!;
    expect(row.find('img').exists()).toBe(false);
    expect(row.find('i').exists()).toBe(false);
    expect(row.text()).toContain('<img src=x onerror=alert(1)>');
    expect(row.text()).toContain('Link to “<i>n</i>”');
  });

  it('shows run progress from status events and re-reads the page when rows change', async () => {
    ({ wrapper } = await mountManager());
    const base = {
      runId: 'r1',
      companyId: '42',
      origin: 'https://03.cstoreoffice.com',
      startedAt: new Date().toISOString(),
      trigger: 'user' as const,
      message: null,
    };
    holder.bg.emit({ type: 'run', status: { ...base, phase: 'writing', done: 3, total: 10, errors: 1 } });
    await settle();
    expect(wrapper.get('[data-testid="run-progress"]').text()).toContain('Writing changes: 3 of 10 done, 1 error');
    expect(wrapper.get('[role="progressbar"]').attributes('aria-valuenow')).toBe('30');
    holder.bg.emit({ type: 'run', status: { ...base, phase: 'writing', done: 8, total: 10, errors: 1 } });
    await settle();
    expect(wrapper.get('[data-testid="run-progress"]').text()).toContain('8 of 10 done');
    // Another company's run does not show here.
    holder.bg.emit({
      type: 'run',
      status: { ...base, companyId: '7', phase: 'writing', done: 1, total: 99, errors: 0 },
    });
    await settle();
    expect(wrapper.get('[data-testid="run-progress"]').text()).toContain('8 of 10 done');

    vi.useFakeTimers();
    const before = holder.bg.callsOf('getRows').length;
    holder.bg.emit({ type: 'rowsChanged', companyId: '42', origin: 'https://03.cstoreoffice.com' });
    holder.bg.emit({ type: 'rowsChanged', companyId: '42', origin: 'https://03.cstoreoffice.com' });
    await vi.advanceTimersByTimeAsync(600);
    vi.useRealTimers();
    await settle();
    expect(holder.bg.callsOf('getRows').length).toBe(before + 1);
  });

  describe('a finished run re-reads the table once, and shows its rows', () => {
    const base = {
      runId: 'r2',
      companyId: '42',
      origin: 'https://03.cstoreoffice.com',
      done: 0,
      total: 1,
      errors: 0,
      startedAt: new Date().toISOString(),
      message: null,
    };
    // What the background sends during a run, in its order: rows are saved (and announced) before the run is done.
    const runEvents = (trigger: 'user' | 'alarm') => {
      holder.bg.emit({ type: 'run', status: { ...base, trigger, phase: 'reading' } });
      holder.bg.emit({ type: 'run', status: { ...base, trigger, phase: 'saving' } });
      rows[0] = makeRow(0, { status: 'error' });
      holder.bg.emit({ type: 'rowsChanged', companyId: '42', origin: 'https://03.cstoreoffice.com' });
      holder.bg.emit({ type: 'run', status: { ...base, trigger, phase: 'done', done: 1 } });
    };
    let rows: PanelRow[];
    beforeEach(() => {
      rows = Array.from({ length: 30 }, (_, i) => makeRow(i));
      start(rows);
    });

    it.each([
      ['started here with Synchronize', 'user'],
      ['started elsewhere (the alarm)', 'alarm'],
    ] as const)('%s', async (_, trigger) => {
      ({ wrapper } = await mountManager());
      expect(rowsOf(wrapper)[0]!.attributes('data-status')).toBe('synchronized');
      const send = holder.bg.sendMessage;
      // The run's events reach the manager before the background answers Synchronize.
      holder.bg.sendMessage = async (type, data) => {
        if (type === 'synchronize') runEvents(trigger);
        return send(type, data);
      };
      vi.useFakeTimers();
      const before = holder.bg.callsOf('getRows').length;
      if (trigger === 'user') await wrapper.get('[data-testid="synchronize"]').trigger('click');
      else runEvents(trigger);
      await vi.advanceTimersByTimeAsync(2000);
      vi.useRealTimers();
      await settle();
      expect(holder.bg.callsOf('getRows').length - before).toBe(1);
      expect(rowsOf(wrapper)[0]!.attributes('data-status')).toBe('error');
    });
  });

  it('when not connected, Synchronize stays in its place, disabled, and the panel says why', async () => {
    holder.bg = createFakeBackground([makeRow(1)], { state: 'notConnected', realmId: null, qboCompanyName: null });
    ({ wrapper } = await mountManager());
    expect(wrapper.get('[data-testid="synchronize"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="sync-scope"]').text()).toContain(
      'Synchronize is not available until this company is connected',
    );
    expect(buttonByText(wrapper, 'Connect to QBO')).toBeDefined();
    expect(wrapper.text()).toContain('not connected to QuickBooks Online yet, so Synchronize is not available');
  });

  it('when the connection was lost, it offers Connect to QBO (not Reconnect) and says why it was lost', async () => {
    holder.bg = createFakeBackground([makeRow(1)], {
      state: 'reconnectNeeded',
      lostReason:
        'QuickBooks refused the saved sign-in: the app was disconnected in QuickBooks, or the sign-in was replaced by a newer one.',
    });
    ({ wrapper } = await mountManager());
    expect(buttonByText(wrapper, 'Connect to QBO')).toBeDefined();
    expect(buttonByText(wrapper, 'Reconnect to QBO')).toBeUndefined();
    expect(wrapper.get('[data-testid="connection-state"]').text()).toBe('Connection lost');
    expect(wrapper.get('[data-testid="connection-lost"]').text()).toContain('the app was disconnected in QuickBooks');
    expect(wrapper.get('[data-testid="synchronize"]').attributes('disabled')).toBeDefined();
  });

  it('the progress line says what the run waits for, counting down, and no "0 of 0" before there is a count', async () => {
    ({ wrapper } = await mountManager());
    const base = {
      runId: 'r3',
      companyId: '42',
      origin: 'https://03.cstoreoffice.com',
      startedAt: new Date().toISOString(),
      trigger: 'alarm' as const,
      message: null,
      done: 0,
      total: 0,
      errors: 0,
    };
    holder.bg.emit({ type: 'run', status: { ...base, phase: 'reading' } });
    await settle();
    expect(wrapper.get('[data-testid="run-progress"]').text()).not.toContain('0 of 0');
    const until = new Date(Date.now() + 42_000).toISOString();
    holder.bg.emit({
      type: 'run',
      status: {
        ...base,
        phase: 'writing',
        done: 3,
        total: 10,
        waiting: { why: 'QuickBooks asked to slow down (too many requests)', until },
      },
    });
    await settle();
    expect(wrapper.get('[data-testid="run-waiting"]').text()).toMatch(
      /^Waiting: QuickBooks asked to slow down \(too many requests\); trying again in 4[12] s\.$/,
    );
    holder.bg.emit({ type: 'run', status: { ...base, phase: 'writing', done: 4, total: 10, waiting: null } });
    await settle();
    expect(wrapper.find('[data-testid="run-waiting"]').exists()).toBe(false);
  });

  it('a wait on QuickBooks outside a run (Reconnect) is said under the connection, counting down, until it ends', async () => {
    ({ wrapper } = await mountManager());
    const until = new Date(Date.now() + 60_000).toISOString();
    holder.bg.emit({
      type: 'waiting',
      companyId: '42',
      origin: 'https://03.cstoreoffice.com',
      waiting: { why: 'QuickBooks asked to slow down (too many requests)', until },
    });
    await settle();
    expect(wrapper.get('[data-testid="connection-waiting"]').text()).toMatch(
      /^Waiting: QuickBooks asked to slow down \(too many requests\); trying again in (59|60) s\.$/,
    );
    holder.bg.emit({ type: 'waiting', companyId: '7', origin: 'https://03.cstoreoffice.com', waiting: null });
    await settle();
    expect(wrapper.find('[data-testid="connection-waiting"]').exists()).toBe(true);
    holder.bg.emit({ type: 'waiting', companyId: '42', origin: 'https://03.cstoreoffice.com', waiting: null });
    await settle();
    expect(wrapper.find('[data-testid="connection-waiting"]').exists()).toBe(false);
  });

  it('a run that stops is told once, in one title, whether this manager or the toolbar started it', async () => {
    const message =
      'The connection to QuickBooks Online was lost. Connect to QBO to sign in again, then synchronize; nothing was lost.';
    const failed = {
      runId: 'r9',
      companyId: '42',
      origin: 'https://03.cstoreoffice.com',
      done: 0,
      total: 0,
      errors: 0,
      startedAt: new Date().toISOString(),
      trigger: 'user' as const,
      phase: 'failed' as const,
      message,
    };
    holder.bg.handlers.synchronize = (() => {
      holder.bg.emit({ type: 'run', status: { ...failed, phase: 'reading', message: null } });
      holder.bg.emit({ type: 'run', status: failed });
      return { outcome: 'failed', message, summary: { counts: {}, errors: 0, total: 0 } };
    }) as never;
    ({ wrapper } = await mountManager());
    await wrapper.get('[data-testid="synchronize"]').trigger('click');
    await settle();
    const titles = () => [...document.querySelectorAll('[data-testid="notices"] strong')].map((n) => n.textContent);
    expect(titles()).toEqual(['Synchronization stopped']);
    // Started from the toolbar: the status feed tells it, once.
    holder.bg.emit({ type: 'run', status: { ...failed, runId: 'r10', phase: 'reading', message: null } });
    holder.bg.emit({ type: 'run', status: { ...failed, runId: 'r10' } });
    await settle();
    expect(titles()).toEqual(['Synchronization stopped', 'Synchronization stopped']);
  });

  it('Preview shows what Synchronize would do, per action', async () => {
    ({ wrapper } = await mountManager());
    await buttonByText(wrapper, 'Preview')!.trigger('click');
    await settle();
    const preview = wrapper.get('[data-testid="preview"]');
    expect(preview.get('[data-action="createInQbo"]').text()).toBe('2');
    expect(preview.get('[data-action="link"]').text()).toBe('3');
    expect(preview.text()).toContain('Create in QuickBooks');
    // QuickBooks' own records and one-way rows are counted apart from errors.
    expect(preview.get('[data-action="keptOut"]').text()).toBe('2');
    expect(preview.text()).toContain("Not synchronized on purpose (QuickBooks' own records, one-way types)");
  });

  it('Escape closes the manager', async () => {
    ({ wrapper } = await mountManager());
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(wrapper.emitted('close')).toHaveLength(1);
  });
});
