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
    // Emerald 500 under white text is 2.5:1; 700 reaches 5.5:1 (WCAG AA needs 4.5:1).
    colorScheme: {
      light: {
        primary: { color: '{primary.700}', contrastColor: '#ffffff', hoverColor: '{primary.800}', activeColor: '{primary.900}' },
      },
    },
  },
});

// Aura's danger red (500) fails contrast on white and under white text; 700 passes.
const Themed = definePreset(Preset, {
  components: {
    button: {
      colorScheme: {
        light: {
          root: { danger: { background: '{red.700}', hoverBackground: '{red.800}', activeBackground: '{red.900}', borderColor: '{red.700}', hoverBorderColor: '{red.800}', activeBorderColor: '{red.900}' } },
          outlined: { danger: { color: '{red.700}', borderColor: '{red.700}', hoverBackground: '{red.50}', activeBackground: '{red.100}' } },
          text: { danger: { color: '{red.700}', hoverBackground: '{red.50}', activeBackground: '{red.100}' } },
        },
      },
    },
  },
});

export function setupApp(app: App): App {
  app.use(createPinia());
  app.use(PrimeVue, {
    theme: { preset: Themed, options: { darkModeSelector: false, cssLayer: false } },
  });
  app.use(ToastService);
  app.use(ConfirmationService);
  return app;
}
