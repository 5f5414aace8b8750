import './style.css';
import { createApp, reactive } from 'vue';
import AuditPanel from '@/components/panel/AuditPanel.vue';
import type { CompanyRef } from '@/lib/messaging/protocol';
import { mirrorPrimeVueStyles } from '@/lib/ui/mirror-primevue-styles';
import { setupApp } from '@/lib/ui/setup-app';
import { type AuditPage, findAuditPage } from './audit-page';

export default defineContentScript({
  // Development and test builds add the local sandbox origins (see wxt.config.ts).
  matches: ['*://*.cstoreoffice.com/*'],
  cssInjectionMode: 'ui',
  main(ctx) {
    let mounted: { page: AuditPage; remove: () => void } | null = null;
    const state = reactive<{ company: CompanyRef | null }>({ company: null });

    // ExtJS builds and replaces its views long after load, and sets field values without input
    // events, so the page is re-examined on DOM changes and on a slow timer.
    const check = async () => {
      const page = findAuditPage(document);
      if (mounted && mounted.page.companyField !== page?.companyField) {
        mounted.remove();
        mounted = null;
      }
      if (page && !mounted) {
        mounted = { page, remove: () => {} };
        const ui = await createShadowRootUi(ctx, {
          name: 'qbo-sync-manager',
          position: 'inline',
          anchor: page.companyField,
          append: 'after',
          onMount(container, shadow) {
            const stopMirror = mirrorPrimeVueStyles(shadow);
            const app = setupApp(createApp(AuditPanel, { state }));
            app.mount(container);
            return { app, stopMirror };
          },
          onRemove(handles) {
            handles?.app.unmount();
            handles?.stopMirror();
          },
        });
        ui.mount();
        mounted.remove = () => ui.remove();
      }
      const company = page?.readCompany() ?? null;
      if (company?.companyId !== state.company?.companyId || company?.companyName !== state.company?.companyName) {
        state.company = company;
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
