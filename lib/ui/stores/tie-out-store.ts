/** The tie-out's period and its lines, as the background computes them for that period. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { sendMessage } from '@/lib/messaging/protocol';
import type { TieOutRow } from '@/lib/messaging/transactions';
import { errorText } from '@/lib/ui/labels';
import { useCompanyStore } from './company-store';

export const useTieOutStore = defineStore('tieOut', () => {
  const from = ref('');
  const to = ref('');
  const lines = ref<TieOutRow[] | null>(null);
  /** Audited documents of the period QuickBooks lacks (held with an error), in words. */
  const held = ref<string[]>([]);
  const loading = ref(false);
  const error = ref<string | null>(null);

  async function load() {
    const target = useCompanyStore().target;
    if (!target || !from.value || !to.value) return;
    loading.value = true;
    error.value = null;
    try {
      const reply = await sendMessage('tieOutTransactions', { ...target, from: from.value, to: to.value });
      lines.value = reply.lines;
      held.value = reply.held;
    } catch (e) {
      lines.value = null;
      held.value = [];
      error.value = errorText(e);
    } finally {
      loading.value = false;
    }
  }

  function reset() {
    from.value = '';
    to.value = '';
    lines.value = null;
    held.value = [];
    error.value = null;
  }

  return { from, to, lines, held, loading, error, load, reset };
});
