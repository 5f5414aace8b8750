// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import type { TieOutRow, TxnPanelRow } from '@/lib/messaging/transactions';
import { createFakeBackground } from './fake-background';
import { mountManager, settle } from './mount-manager';

const holder = vi.hoisted(() => ({ bg: null as unknown as ReturnType<typeof createFakeBackground> }));
vi.mock('@/lib/messaging/protocol', () => ({
  sendMessage: (type: never, data: never) => holder.bg.sendMessage(type, data),
}));
vi.mock('@/lib/messaging/status-port', () => ({
  subscribeStatus: (onEvent: never) => holder.bg.subscribeStatus(onEvent),
}));

function txn(i: number, over: Partial<TxnPanelRow> = {}): TxnPanelRow {
  return {
    key: `day:${i}`,
    kind: 'day',
    date: `2026-11-${String(i).padStart(2, '0')}`,
    station: 'Main St',
    document: `MAIN-2026110${i}`,
    totalCents: 123_456 + i,
    qboId: String(500 + i),
    qboUrl: `https://app.sandbox.qbo.intuit.com/app/journal?txnId=${500 + i}`,
    status: 'synchronized',
    statusText: 'Synchronized',
    issue: null,
    ignored: false,
    ...over,
  };
}

const ROWS: TxnPanelRow[] = [
  txn(1),
  txn(2, {
    status: 'error',
    statusText: 'Synchronization Error',
    issue: { code: 'unbalanced', title: 'Does not balance', detail: 'The day is off by $0.01.' },
  }),
  txn(3, {
    key: 'invoice:9',
    kind: 'invoice',
    document: 'INV-77',
    totalCents: -4_250,
    qboId: null,
    qboUrl: null,
    status: 'waitingForCreation',
    statusText: 'Waiting for Creation in QuickBooks',
  }),
];

const line = (over: Partial<TieOutRow>): TieOutRow => ({
  account: 'Fuel Sales',
  className: 'Main St',
  location: 'Main St',
  csoCents: 10_000,
  qboCents: 10_000,
  differenceCents: 0,
  ...over,
});

let wrapper: VueWrapper | undefined;
const rowsOf = (w: VueWrapper) => w.findAll('.qsm-transactions tbody tr[data-row-key]');
const rowOf = (w: VueWrapper, key: string) => w.get(`tr[data-row-key="${key}"]`);

async function openSection() {
  ({ wrapper } = await mountManager());
  await wrapper.get('[data-testid="section-transactions"]').trigger('click');
  await settle();
  return wrapper;
}

beforeEach(() => {
  holder.bg = createFakeBackground([]);
  Object.assign(holder.bg.handlers, {
    getTransactions: () => ({ rows: ROWS, read: true }),
    synchronizeTransactions: () => ({
      outcome: 'success',
      message: 'Transactions in QuickBooks: 1 created.',
      rows: ROWS,
    }),
    ignoreTransactionIssues: (data: { rowKeys: string[] }) => ({
      ok: true,
      changed: data.rowKeys.length,
      message: `${data.rowKeys.length} ignored`,
    }),
    tieOutTransactions: () => ({ from: '2026-11-01', to: '2026-11-30', lines: [line({})], held: [] }),
  });
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
});

describe('the Transactions section', () => {
  it('shows each row with its total, its QuickBooks link and its status', async () => {
    const w = await openSection();
    expect(w.get('h2#qsm-transactions-heading').text()).toBe('Transactions');
    const headers = w
      .get('.qsm-transactions table')
      .findAll('thead th')
      .map((th) => th.text().trim());
    expect(headers.slice(1)).toEqual([
      'Date',
      'Station',
      'Document',
      'Total',
      'QBO Id',
      'Synchronization status',
      'Issue detail',
    ]);
    expect(rowsOf(w)).toHaveLength(3);
    const first = rowOf(w, 'day:1');
    expect(first.get('[data-testid="txn-total"]').text()).toBe('$1,234.57');
    expect(first.get('a').attributes()).toMatchObject({
      href: 'https://app.sandbox.qbo.intuit.com/app/journal?txnId=501',
      target: '_blank',
    });
    expect(first.text()).toContain('Synchronized');
    expect(rowOf(w, 'invoice:9').get('[data-testid="txn-total"]').text()).toBe('-$42.50');
    expect(rowOf(w, 'invoice:9').text()).toContain('Waiting for Creation in QuickBooks');
    expect(rowOf(w, 'day:2').text()).toContain('Does not balance');
  });

  it('sends the selected rows with Synchronize, and tells the outcome', async () => {
    const w = await openSection();
    await rowOf(w, 'invoice:9').get('input[type="checkbox"]').setValue(true);
    await settle();
    const button = w.get('[data-testid="txn-synchronize"]');
    expect(button.text()).toBe('Synchronize 1 selected');
    await button.trigger('click');
    await settle();
    expect(holder.bg.callsOf('synchronizeTransactions')).toEqual([
      { companyId: '42', selection: ['invoice:9'], user: 'Pat Lee (pat@speedy.example)' },
    ]);
    expect(w.text()).toContain('Transactions in QuickBooks: 1 created.');
  });

  it('synchronizes every row when none is selected', async () => {
    const w = await openSection();
    await w.get('[data-testid="txn-synchronize"]').trigger('click');
    await settle();
    expect(holder.bg.callsOf('synchronizeTransactions')).toEqual([
      { companyId: '42', user: 'Pat Lee (pat@speedy.example)' },
    ]);
  });

  it('offers Ignore Issues only for selected error rows, and sends only those', async () => {
    const w = await openSection();
    const ignore = () => w.get('[data-testid="txn-ignore"]');
    expect(ignore().attributes('disabled')).toBeDefined();
    await rowOf(w, 'day:1').get('input[type="checkbox"]').setValue(true);
    await settle();
    expect(ignore().attributes('disabled')).toBeDefined();
    expect(w.get('[data-testid="txn-reasons"]').text()).toContain(
      'none of the selected rows has a Synchronization Error',
    );
    await rowOf(w, 'day:2').get('input[type="checkbox"]').setValue(true);
    await settle();
    expect(ignore().attributes('disabled')).toBeUndefined();
    await ignore().trigger('click');
    await settle();
    expect(holder.bg.callsOf('ignoreTransactionIssues')).toEqual([{ companyId: '42', rowKeys: ['day:2'] }]);
  });

  it('filters by search and sorts by a column', async () => {
    const w = await openSection();
    await w.get('th[data-field="total"] button').trigger('click');
    await settle();
    expect(rowsOf(w)[0]!.attributes('data-row-key')).toBe('invoice:9');
    await w.get('.qsm-transactions input[type="search"]').setValue('INV-77');
    await new Promise((r) => setTimeout(r, 250));
    await settle();
    expect(rowsOf(w).map((r) => r.attributes('data-row-key'))).toEqual(['invoice:9']);
  });

  it('ties out the month of the newest document, and says so when every line ties', async () => {
    const w = await openSection();
    expect(holder.bg.callsOf('tieOutTransactions')).toEqual([
      { companyId: '42', from: '2026-11-01', to: '2026-11-30' },
    ]);
    expect(w.get('[data-testid="tie-out-verdict"]').text()).toBe('Tied out to the cent.');
    expect(w.findAll('[data-testid="tie-out-difference"]')).toHaveLength(0);
  });

  it('marks a line that differs, and does not say it tied out', async () => {
    holder.bg.handlers.tieOutTransactions = () => ({
      from: '2026-11-01',
      to: '2026-11-30',
      lines: [line({ account: 'Store Sales', qboCents: 9_999, differenceCents: -1 }), line({})],
      held: [],
    });
    const w = await openSection();
    const verdict = w.get('[data-testid="tie-out-verdict"]').text();
    expect(verdict).not.toContain('Tied out to the cent');
    expect(verdict).toContain('1 line differs');
    const marked = w.findAll('[data-testid="tie-out-line"]')[0]!;
    expect(marked.classes()).toContain('qsm-differs');
    expect(marked.get('[data-testid="tie-out-difference"]').text()).toContain('-$0.01');
    expect(marked.text()).toContain('Store Sales');
  });

  it('does not say it tied out while audited documents of the period are held out of QuickBooks', async () => {
    holder.bg.handlers.tieOutTransactions = () => ({
      from: '2026-11-01',
      to: '2026-11-30',
      lines: [line({})],
      held: ['The day 2026-11-03 ($1,204.17): Account not in QuickBooks.'],
    });
    const w = await openSection();
    const verdict = w.get('[data-testid="tie-out-verdict"]').text();
    expect(verdict).not.toBe('Tied out to the cent.');
    expect(verdict).toContain('1 audited document is');
    expect(w.get('[data-testid="tie-out-held"]').text()).toContain(
      'The day 2026-11-03 ($1,204.17): Account not in QuickBooks.',
    );
  });

  it('asks for another period when the dates change', async () => {
    const w = await openSection();
    await w.get('[data-testid="tie-out-from"]').setValue('2026-10-01');
    await w.get('[data-testid="tie-out-to"]').setValue('2026-10-31');
    await w.get('[data-testid="tie-out"] form').trigger('submit');
    await settle();
    expect(holder.bg.callsOf('tieOutTransactions').at(-1)).toEqual({
      companyId: '42',
      from: '2026-10-01',
      to: '2026-10-31',
    });
  });
});
