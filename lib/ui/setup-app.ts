/**
 * Installs what every surface's Vue app needs: Pinia, PrimeVue with our theme, toasts and
 * confirmations. Shared by the popup, the options page and the Audit-page panel.
 */
import Aura from '@primeuix/themes/aura';
import { definePreset } from '@primeuix/themes';
import { createPinia } from 'pinia';
import PrimeVue from 'primevue/config';
import ConfirmationService from 'primevue/confirmationservice';
import ToastService from 'primevue/toastservice';
import type { App } from 'vue';

// QuickBooks green as the primary colour: the accountant sees at a glance which buttons talk to QBO.
const Preset = definePreset(Aura, {
  semantic: {
    primary: {
      50: '{emerald.50}', 100: '{emerald.100}', 200: '{emerald.200}', 300: '{emerald.300}', 400: '{emerald.400}',
      500: '{emerald.500}', 600: '{emerald.600}', 700: '{emerald.700}', 800: '{emerald.800}', 900: '{emerald.900}', 950: '{emerald.950}',
    },
  },
});

export function setupApp(app: App): App {
  app.use(createPinia());
  app.use(PrimeVue, {
    theme: { preset: Preset, options: { darkModeSelector: false, cssLayer: false } },
  });
  app.use(ToastService);
  app.use(ConfirmationService);
  return app;
}
