/**
 * Installs what every surface's Vue app needs: Pinia, PrimeVue with our theme, toasts and
 * confirmations. Shared by the popup, the options page and the Audit-page panel.
 */
import { createPinia } from 'pinia';
import PrimeVue from 'primevue/config';
import ConfirmationService from 'primevue/confirmationservice';
import ToastService from 'primevue/toastservice';
import type { App } from 'vue';
import { Themed } from './theme';

export function setupApp(app: App): App {
  app.use(createPinia());
  app.use(PrimeVue, {
    theme: { preset: Themed, options: { darkModeSelector: false, cssLayer: false } },
  });
  app.use(ToastService);
  app.use(ConfirmationService);
  return app;
}
