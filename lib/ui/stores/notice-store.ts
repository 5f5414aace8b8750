/**
 * Toast-like notices. PrimeVue's Toast always teleports to the page's <body> (no appendTo), which in
 * the content script is CStoreOffice's body, outside our shadow root; so notices live in this store
 * and `NoticeStack` renders them inside the manager.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';

export type NoticeSeverity = 'success' | 'info' | 'warn' | 'error';

export interface Notice {
  id: number;
  severity: NoticeSeverity;
  summary: string;
  detail?: string;
}

// Errors stay until dismissed: an accountant must not miss one while looking elsewhere.
const LIFETIME_MS: Record<NoticeSeverity, number | null> = { success: 6000, info: 6000, warn: 10000, error: null };

export const useNoticeStore = defineStore('notices', () => {
  const notices = ref<Notice[]>([]);
  let nextId = 1;

  function dismiss(id: number) {
    notices.value = notices.value.filter((n) => n.id !== id);
  }

  function push(severity: NoticeSeverity, summary: string, detail?: string): number {
    const id = nextId++;
    notices.value = [...notices.value.slice(-4), { id, severity, summary, ...(detail ? { detail } : {}) }];
    const life = LIFETIME_MS[severity];
    if (life) setTimeout(() => dismiss(id), life);
    return id;
  }

  return { notices, push, dismiss };
});
