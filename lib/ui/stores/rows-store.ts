/**
 * The Entities table's state: the query the background answers (page, size, sort, filters, search),
 * the page it sent back, and the selection. Sorting, filtering and paging happen in the background
 * so a company with 20,000 entities stays quick; this store only describes what to ask for.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { EntityTypeId, SyncStatusId } from '@/lib/entities';
import { type PanelRow, type PanelRowQuery, type PanelSortField, sendMessage } from '@/lib/messaging/protocol';
import { errorText } from '@/lib/ui/labels';
import { useCompanyStore } from './company-store';

export const PAGE_SIZES = [10, 25, 50, 100] as const;

export const useRowsStore = defineStore('rows', () => {
  const page = ref(0);
  const pageSize = ref<number>(25);
  const sort = ref<PanelRowQuery['sort']>(undefined);
  /** null: every value is included (no filter sent). */
  const types = ref<EntityTypeId[] | null>(null);
  const statuses = ref<SyncStatusId[] | null>(null);
  const search = ref('');

  const rows = ref<PanelRow[]>([]);
  const total = ref(0);
  const counts = ref<Record<SyncStatusId, number> | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  /** Selected rows by key, across pages; the header checkbox only adds or removes the current page. */
  const selected = ref(new Map<string, PanelRow>());

  const filters = computed(() => {
    const f: NonNullable<PanelRowQuery['filters']> = {};
    if (types.value) f.types = types.value;
    if (statuses.value) f.statuses = statuses.value;
    if (search.value.trim()) f.search = search.value.trim();
    return f;
  });
  const query = computed<PanelRowQuery>(() => ({
    page: page.value,
    pageSize: pageSize.value,
    ...(sort.value ? { sort: sort.value } : {}),
    filters: filters.value,
  }));
  /** A filter or search narrows the table (an empty table then says so, not that nothing exists). */
  const filtered = computed(() => Object.keys(filters.value).length > 0);
  const pageCount = computed(() => Math.max(1, Math.ceil(total.value / pageSize.value)));

  // Answers can overtake each other (typing in the search box, live updates): keep the newest.
  let seq = 0;
  async function load() {
    const target = useCompanyStore().target;
    if (!target) return;
    const mine = ++seq;
    loading.value = true;
    try {
      const reply = await sendMessage('getRows', { ...target, query: query.value });
      if (mine !== seq) return;
      rows.value = reply.rows;
      total.value = reply.total;
      counts.value = reply.counts;
      error.value = null;
      // Keep what the selection knows of each row current, so bulk actions judge fresh statuses.
      for (const row of reply.rows) if (selected.value.has(row.key)) selected.value.set(row.key, row);
      // A filter or a live update may have shrunk the result below the current page.
      if (page.value > 0 && page.value >= Math.ceil(reply.total / pageSize.value)) {
        page.value = Math.max(0, Math.ceil(reply.total / pageSize.value) - 1);
        void load();
      }
    } catch (e) {
      if (mine === seq) error.value = errorText(e);
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  function toggleSort(field: PanelSortField) {
    sort.value =
      sort.value?.field === field ? { field, dir: sort.value.dir === 'asc' ? 'desc' : 'asc' } : { field, dir: 'asc' };
    page.value = 0;
    void load();
  }
  function setTypes(values: EntityTypeId[] | null) {
    types.value = values;
    page.value = 0;
    void load();
  }
  function setStatuses(values: SyncStatusId[] | null) {
    statuses.value = values;
    page.value = 0;
    void load();
  }
  function setSearch(text: string) {
    search.value = text;
    page.value = 0;
    void load();
  }
  function setPage(next: number) {
    page.value = Math.min(Math.max(0, next), pageCount.value - 1);
    void load();
  }
  function setPageSize(size: number) {
    // Keep the first visible row on screen when the page size changes.
    page.value = Math.floor((page.value * pageSize.value) / size);
    pageSize.value = size;
    void load();
  }

  const pageSelected = computed(() => rows.value.filter((r) => selected.value.has(r.key)).length);
  function toggleRow(row: PanelRow, on: boolean) {
    if (on) selected.value.set(row.key, row);
    else selected.value.delete(row.key);
  }
  function togglePage(on: boolean) {
    for (const row of rows.value) toggleRow(row, on);
  }
  function clearSelection() {
    selected.value.clear();
  }
  const selectedRows = computed(() => [...selected.value.values()]);

  async function exportCsv(): Promise<string> {
    const target = useCompanyStore().target;
    if (!target) throw new Error('Choose a company first.');
    return sendMessage('exportRows', {
      ...target,
      query: { ...(sort.value ? { sort: sort.value } : {}), filters: filters.value },
    });
  }

  function reset() {
    page.value = 0;
    sort.value = undefined;
    types.value = null;
    statuses.value = null;
    search.value = '';
    rows.value = [];
    total.value = 0;
    counts.value = null;
    error.value = null;
    selected.value.clear();
  }

  return {
    page,
    pageSize,
    sort,
    types,
    statuses,
    search,
    rows,
    total,
    counts,
    loading,
    error,
    selected,
    query,
    filtered,
    pageCount,
    pageSelected,
    selectedRows,
    load,
    toggleSort,
    setTypes,
    setStatuses,
    setSearch,
    setPage,
    setPageSize,
    toggleRow,
    togglePage,
    clearSelection,
    exportCsv,
    reset,
  };
});
