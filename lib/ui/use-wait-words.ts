/**
 * "Waiting: QuickBooks asked to slow down; trying again in 42 s.": the words for a wait before a
 * service is asked again, counted down each second while it lasts.
 */
import { computed, onBeforeUnmount, ref, watch, type ComputedRef } from 'vue';

export interface Wait {
  why: string;
  /** ISO time the service is asked again. */
  until: string;
}

export function useWaitWords(wait: () => Wait | null | undefined): ComputedRef<string | null> {
  const now = ref(Date.now());
  let ticker: ReturnType<typeof setInterval> | undefined;
  watch(
    wait,
    (current) => {
      clearInterval(ticker);
      now.value = Date.now();
      if (current) ticker = setInterval(() => (now.value = Date.now()), 1000);
    },
    { immediate: true },
  );
  onBeforeUnmount(() => clearInterval(ticker));
  return computed(() => {
    const current = wait();
    if (!current) return null;
    const seconds = Math.max(0, Math.ceil((Date.parse(current.until) - now.value) / 1000));
    return seconds > 0
      ? `Waiting: ${current.why}; trying again in ${seconds} s.`
      : `Waiting: ${current.why}; trying again now.`;
  });
}
