import { sendMessage } from '@/lib/messaging/protocol';
import './style.css';
import { createApp, reactive, watch } from 'vue';
import { type ShadowRootContentScriptUi, createShadowRootUi, defineContentScript } from '#imports';
import OpenManagerButton from '@/components/panel/OpenManagerButton.vue';
import type { PanelState } from '@/lib/ui/panel-state';
import { findAuditPage, readSignedInUser } from './audit-page';
import { createManagerUi } from './manager-ui';
import { mountShadowApp } from './shadow-app';
import { shadowMode } from './shadow-mode';

export default defineContentScript({
  // Development and test builds add the local sandbox origins (see wxt.config.ts).
  matches: ['https://*.cstoreoffice.com/*'],
  cssInjectionMode: 'ui',
  main(ctx) {
    const state = reactive<PanelState>({ company: null, user: null, open: false });
    let button: { field: HTMLElement; ui: ShadowRootContentScriptUi<() => void> } | null = null;
    let creating = false;

    // Two shadow-root UIs share `state`: a small inline one with the button beside the Company
    // field, and the manager, on the page only while open at the end of <body> (see manager-ui.ts).
    const manager = createManagerUi(ctx, state, () => {
      state.open = false;
      button?.ui.shadow.querySelector('button')?.focus();
    });
    watch(() => state.open, manager.sync);

    // ExtJS builds and replaces its views long after load, and sets field values without input
    // events, so the page is re-examined on DOM changes and on a slow timer.
    const check = async () => {
      const page = findAuditPage(document);
      if (button && button.field !== page?.companyField) {
        button.ui.remove();
        button = null;
      }
      if (!page) state.open = false;
      if (page && !button && !creating) {
        creating = true;
        try {
          const ui = await createShadowRootUi(ctx, {
            name: 'qbo-sync-manager',
            mode: await shadowMode(),
            position: 'inline',
            anchor: page.companyField,
            append: 'after',
            onMount: (container, shadow) =>
              mountShadowApp(
                container,
                shadow,
                createApp(OpenManagerButton, { state, onOpen: () => (state.open = true) }),
              ),
            onRemove: (unmount) => unmount?.(),
          });
          ui.mount();
          button = { field: page.companyField, ui };
          // Get the manager ready while the user looks at the page, so the first open is quick too.
          ctx.requestIdleCallback(() => void manager.prepare(), { timeout: 2000 });
        } finally {
          creating = false;
        }
      }
      state.user = page ? readSignedInUser(document) : null;
      const company = page?.readCompany() ?? null;
      if (company?.companyId !== state.company?.companyId || company?.companyName !== state.company?.companyName) {
        state.company = company;
        // The background remembers each company seen here, so the popup can list and connect it.
        if (company) void sendMessage('getCompany', { ...company }).catch(() => {});
      }
    };

    let queued = false;
    const schedule = () => {
      if (queued) return;
      queued = true;
      ctx.setTimeout(() => {
        queued = false;
        void check();
      }, 100);
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.documentElement, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
    ctx.setInterval(schedule, 1000);
    void check();
  },
});
