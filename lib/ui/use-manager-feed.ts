/**
 * Connects the open manager to the background's status port: run progress goes to the run store,
 * "rows changed" re-asks for the current page (at most twice a second, so a busy run does not
 * flood the background), and company changes refresh the connection state.
 *
 * This is the one place that re-reads the table after a run, whoever started it (the manager, the
 * popup, the alarm): a run saves its rows and says so just before it ends, and its end asks for the
 * page at once instead of waiting for the pause, so a finished run costs one getRows. A run that
 * saved no rows (it failed) leaves the table as it is.
 */
import { onBeforeUnmount, watch } from 'vue';
import { type StatusEvent, subscribeStatus } from '@/lib/messaging/status-port';
import { useCompanyStore } from './stores/company-store';
import { useHistoryStore } from './stores/history-store';
import { useRowsStore } from './stores/rows-store';
import { useRunStore } from './stores/run-store';

const ROWS_REFRESH_MS = 500;

/** `active`: the feed runs from the moment it turns true until the component unmounts. */
export function useManagerFeed(active: () => boolean, subscribe: typeof subscribeStatus = subscribeStatus): void {
  const company = useCompanyStore();
  const rows = useRowsStore();
  const run = useRunStore();
  const history = useHistoryStore();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stop: (() => void) | undefined;

  const loadRows = () => {
    clearTimeout(timer);
    timer = undefined;
    void rows.load();
  };
  const refreshRows = () => {
    if (!timer) timer = setTimeout(loadRows, ROWS_REFRESH_MS);
  };

  const onEvent = (event: StatusEvent) => {
    if (event.type === 'run') {
      const wasRunning = run.status && run.status.phase !== 'done' && run.status.phase !== 'failed';
      run.onRunEvent(event.status);
      const ended = event.status.phase === 'done' || event.status.phase === 'failed';
      if (wasRunning && ended && company.concerns(event.status.companyId, event.status.origin)) {
        if (timer) loadRows();
        void history.load(0);
      }
    } else if (event.type === 'rowsChanged') {
      if (company.concerns(event.companyId, event.origin)) refreshRows();
    } else if (event.type === 'waiting') {
      if (company.concerns(event.companyId, event.origin)) company.waiting = event.waiting;
    } else if (event.type === 'reading') {
      if (!company.concerns(event.companyId, event.origin)) return;
      void company.readingChanged(event.reading, event.error);
      // The read saved its rows just before it ended: list them now rather than after the pause.
      if (!event.reading) loadRows();
    } else {
      company.accept(event.summary);
      if (company.concerns(event.summary.companyId, event.summary.origin) && event.summary.running)
        run.onRunEvent(event.summary.running);
    }
  };

  watch(active, (on) => void (on && !stop && (stop = subscribe(onEvent))), { immediate: true });
  onBeforeUnmount(() => {
    stop?.();
    clearTimeout(timer);
  });
}
