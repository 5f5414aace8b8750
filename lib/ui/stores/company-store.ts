/**
 * The company the manager is about: the one chosen in the Audit page's Company dropdown, and what
 * the background knows of it (connection, realm, counts).
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { type CompanyRef, type CompanySummary, type CompanyTarget, sendMessage } from '@/lib/messaging/protocol';
import { errorText } from '@/lib/ui/labels';
import type { Wait } from '@/lib/ui/use-wait-words';
import { useNoticeStore } from './notice-store';

export const useCompanyStore = defineStore('company', () => {
  const company = ref<CompanyRef | null>(null);
  const summary = ref<CompanySummary | null>(null);
  const error = ref<string | null>(null);
  const connecting = ref(false);
  /** Outside a run (Reconnect, Preview, an action): a wait before QuickBooks is asked again. */
  const waiting = ref<Wait | null>(null);
  /** The signed-in CStoreOffice user the Audit page shows; History names them for runs started here. */
  const user = ref<string | null>(null);

  // From a content script the background takes the page's own origin; we never claim another.
  const target = computed<CompanyTarget | null>(() => (company.value ? { companyId: company.value.companyId } : null));
  const connected = computed(() => summary.value?.state === 'connected');

  let seq = 0;
  async function load(next: CompanyRef | null) {
    const mine = ++seq;
    company.value = next;
    summary.value = null;
    error.value = null;
    if (!next) return;
    try {
      const found = await sendMessage('getCompany', { companyId: next.companyId, companyName: next.companyName });
      if (mine === seq) summary.value = found;
    } catch (e) {
      if (mine === seq) error.value = errorText(e);
    }
  }

  /** Whether a status event about (companyId, origin) concerns this company. */
  function concerns(companyId: string, origin: string): boolean {
    if (!company.value || company.value.companyId !== companyId) return false;
    return !summary.value || summary.value.origin === origin;
  }

  function accept(next: CompanySummary) {
    if (concerns(next.companyId, next.origin)) summary.value = next;
  }

  /** Both sides are being read after Connect or Reconnect: the table fills when it ends. */
  const reading = computed(() => summary.value?.readState === 'reading');

  /** The read after Connect or Reconnect began or ended: said at once, then the summary is asked again. */
  /** The read's end was told while Connect's answer was still on its way (the answer says "reading"). */
  let readEndedEarly = false;

  async function readingChanged(on: boolean, readError: string | null) {
    if (!on && connecting.value) readEndedEarly = true;
    if (summary.value) summary.value = { ...summary.value, readState: on ? 'reading' : 'read' };
    if (readError) useNoticeStore().push('error', 'The entities could not be read', readError);
    if (on || !company.value) return;
    const mine = seq;
    try {
      const found = await sendMessage('getCompany', company.value);
      if (mine === seq) summary.value = found;
    } catch {
      // The summary said above stands until the next status event.
    }
  }

  async function connect() {
    if (!target.value) return;
    const notices = useNoticeStore();
    connecting.value = true;
    readEndedEarly = false;
    try {
      const reply = await sendMessage('connect', target.value);
      if (reply.ok) {
        const over = readEndedEarly && reply.summary.readState === 'reading';
        summary.value = over ? { ...reply.summary, readState: 'read' } : reply.summary;
        notices.push('success', `Connected to ${reply.summary.qboCompanyName ?? 'QuickBooks Online'}`);
      } else {
        notices.push('error', 'Could not connect to QBO', reply.message);
      }
    } catch (e) {
      notices.push('error', 'Could not connect to QBO', errorText(e));
    } finally {
      connecting.value = false;
    }
  }

  async function disconnect() {
    if (!target.value) return;
    try {
      summary.value = await sendMessage('disconnect', target.value);
    } catch (e) {
      useNoticeStore().push('error', 'Could not disconnect', errorText(e));
    }
  }

  return {
    company,
    summary,
    error,
    connecting,
    waiting,
    user,
    target,
    connected,
    reading,
    load,
    concerns,
    accept,
    readingChanged,
    connect,
    disconnect,
  };
});
