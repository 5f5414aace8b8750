/**
 * Installs what every surface's Vue app needs: Pinia, PrimeVue with our theme, toasts and
 * confirmations. Shared by the popup, the options page and the Audit-page panel.
 */
import { createPinia } from 'pinia';
import PrimeVue from 'primevue/config';
import ConfirmationService from 'primevue/confirmationservice';
import ToastService from 'primevue/toastservice';
import { type App, markRaw } from 'vue';
import { Themed } from './theme';

export function setupApp(app: App): App {
  app.use(createPinia());
  app.use(PrimeVue, {
    // PrimeVue keeps its options in a reactive object that it watches deeply: left reactive, the
    // preset's thousands of tokens were proxied and walked on every mount (about 20 ms each time
    // the manager opens). It is never changed at run time, so it stays a plain object.
    theme: { preset: markRaw(Themed), options: { darkModeSelector: false, cssLayer: false } },
  });
  app.use(ToastService);
  app.use(ConfirmationService);
  return app;
}
