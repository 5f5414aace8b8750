/**
 * The Transactions section's rows and what the user does with them: Preview, Synchronize (the
 * selection or all), Ignore Issues, and the table's filter, sort, page and selection. The outcome
 * of each is told in the notices, in the background's words.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { SyncStatusId } from '@/lib/entities';
import { sendMessage } from '@/lib/messaging/protocol';
import type { TxnPanelRow } from '@/lib/messaging/transactions';
import { errorText } from '@/lib/ui/labels';
import { type TxnSortField, type TxnView, viewTxnRows } from '@/lib/ui/txn-query';
import { useCompanyStore } from './company-store';
import { useNoticeStore } from './notice-store';

const TITLES = {
  success: 'Transactions synchronized',
  partial: 'Transactions synchronized; rows need attention',
  failed: 'Transactions not synchronized',
} as const;

export const useTransactionsStore = defineStore('transactions', () => {
  const all = ref<TxnPanelRow[]>([]);
  const read = ref(false);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const running = ref(false);
  const previewing = ref(false);
  const ignoring = ref(false);
  const selected = ref(new Set<string>());
  const view = ref<TxnView>({ sort: null, statuses: null, search: '' });
  const page = ref(0);
  const pageSize = ref(25);

  const matching = computed(() => viewTxnRows(all.value, view.value));
  const total = computed(() => matching.value.length);
  const pageCount = computed(() => Math.max(1, Math.ceil(total.value / pageSize.value)));
  const rows = computed(() => matching.value.slice(page.value * pageSize.value, (page.value + 1) * pageSize.value));
  const selectedRows = computed(() => all.value.filter((r) => selected.value.has(r.key)));

  function take(next: TxnPanelRow[]) {
    all.value = next;
    read.value = true;
    const keys = new Set(next.map((r) => r.key));
    selected.value = new Set([...selected.value].filter((k) => keys.has(k)));
    page.value = Math.min(page.value, pageCount.value - 1);
  }

  async function ask<T>(work: (target: { companyId: string }) => Promise<T>, failed: string): Promise<T | null> {
    const target = useCompanyStore().target;
    if (!target) return null;
    try {
      return await work(target);
    } catch (e) {
      useNoticeStore().push('error', failed, errorText(e));
      return null;
    }
  }

  async function load() {
    loading.value = true;
    error.value = null;
    const target = useCompanyStore().target;
    try {
      if (!target) return;
      const reply = await sendMessage('getTransactions', target);
      if (reply.read) take(reply.rows);
    } catch (e) {
      error.value = errorText(e);
    } finally {
      loading.value = false;
    }
  }

  async function preview() {
    previewing.value = true;
    const reply = await ask((t) => sendMessage('previewTransactions', t), 'Preview failed');
    previewing.value = false;
    if (!reply) return;
    take(reply.rows);
    useNoticeStore().push('info', 'Transactions preview', reply.message);
  }

  async function synchronize(selection?: string[]) {
    const notices = useNoticeStore();
    running.value = true;
    const started = notices.push(
      'info',
      'Synchronizing',
      'Synchronizing entities, then posting transactions to QuickBooks…',
    );
    const user = useCompanyStore().user;
    const reply = await ask(
      (t) =>
        sendMessage('synchronizeTransactions', {
          ...t,
          ...(selection?.length ? { selection } : {}),
          ...(user ? { user } : {}),
        }),
      'Synchronization failed',
    );
    running.value = false;
    // The run has ended: its "Synchronizing…" notice no longer says what is happening.
    notices.dismiss(started);
    if (!reply) return;
    take(reply.rows);
    const severity = reply.outcome === 'success' ? 'success' : reply.outcome === 'partial' ? 'warn' : 'error';
    notices.push(severity, TITLES[reply.outcome], reply.message);
    if (reply.outcome !== 'failed') for (const key of selection ?? []) selected.value.delete(key);
  }

  async function ignore(rowKeys: string[]) {
    ignoring.value = true;
    const reply = await ask((t) => sendMessage('ignoreTransactionIssues', { ...t, rowKeys }), 'The action failed');
    ignoring.value = false;
    if (!reply) return;
    if (reply.ok) {
      useNoticeStore().push('success', 'Issues ignored', reply.message);
      for (const key of rowKeys) selected.value.delete(key);
    } else useNoticeStore().push('error', 'Issues ignored: not done', reply.message);
    await load();
  }

  function setView(next: Partial<TxnView>) {
    view.value = { ...view.value, ...next };
    page.value = 0;
  }
  function toggleSort(field: TxnSortField) {
    const sort = view.value.sort;
    setView({ sort: { field, dir: sort?.field === field && sort.dir === 'asc' ? 'desc' : 'asc' } });
  }
  const setStatuses = (statuses: SyncStatusId[] | null) => setView({ statuses });
  const setSearch = (search: string) => setView({ search });
  const setPage = (next: number) => (page.value = Math.min(Math.max(0, next), pageCount.value - 1));
  function setPageSize(size: number) {
    page.value = Math.floor((page.value * pageSize.value) / size);
    pageSize.value = size;
  }
  function toggleRow(key: string, on: boolean) {
    if (on) selected.value.add(key);
    else selected.value.delete(key);
  }
  function togglePage(on: boolean) {
    for (const row of rows.value) toggleRow(row.key, on);
  }

  function reset() {
    all.value = [];
    read.value = false;
    error.value = null;
    selected.value = new Set();
    view.value = { sort: null, statuses: null, search: '' };
    page.value = 0;
  }

  return {
    all,
    rows,
    read,
    loading,
    error,
    running,
    previewing,
    ignoring,
    selected,
    selectedRows,
    view,
    page,
    pageSize,
    total,
    pageCount,
    load,
    preview,
    synchronize,
    ignore,
    toggleSort,
    setStatuses,
    setSearch,
    setPage,
    setPageSize,
    toggleRow,
    togglePage,
    reset,
  };
});
