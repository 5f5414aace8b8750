/**
 * The stores behind the manager on the Audit page. Closing the manager throws them away, so the
 * next opening starts from the same state as the first: no filters, page or selection kept, no
 * notices, and nothing a request still on its way can write into.
 */
import type { Pinia } from 'pinia';
import { useCompanySettingsStore } from './company-settings-store';
import { useCompanyStore } from './company-store';
import { useHistoryStore } from './history-store';
import { useNoticeStore } from './notice-store';
import { useRowsStore } from './rows-store';
import { useRunStore } from './run-store';
import { useSetupStore } from './setup-store';
import { useTieOutStore } from './tie-out-store';
import { useTransactionsStore } from './transactions-store';

const MANAGER_STORES = [
  useCompanyStore,
  useRowsStore,
  useRunStore,
  useHistoryStore,
  useCompanySettingsStore,
  useSetupStore,
  useTransactionsStore,
  useTieOutStore,
  useNoticeStore,
];

/** The next `useXxxStore()` creates each store afresh (Pinia reuses left-over state unless deleted). */
export function disposeManagerStores(pinia: Pinia): void {
  for (const useStore of MANAGER_STORES) {
    const store = useStore(pinia);
    store.$dispose();
    delete pinia.state.value[store.$id];
  }
}
