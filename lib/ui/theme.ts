/**
 * Our PrimeVue theme: Aura with QuickBooks green and every text colour at WCAG AA contrast. Shared
 * by the popup, the options page and the Audit-page panel through setupApp.
 */
import Aura from '@primeuix/themes/aura';
import { definePreset } from '@primeuix/themes';

// QuickBooks green as the primary colour: the accountant sees at a glance which buttons talk to QBO.
const Preset = definePreset(Aura, {
  semantic: {
    primary: {
      50: '{emerald.50}',
      100: '{emerald.100}',
      200: '{emerald.200}',
      300: '{emerald.300}',
      400: '{emerald.400}',
      500: '{emerald.500}',
      600: '{emerald.600}',
      700: '{emerald.700}',
      800: '{emerald.800}',
      900: '{emerald.900}',
      950: '{emerald.950}',
    },
    // Emerald 500 under white text is 2.5:1; 700 reaches 5.5:1 (WCAG AA needs 4.5:1).
    colorScheme: {
      light: {
        primary: {
          color: '{primary.700}',
          contrastColor: '#ffffff',
          hoverColor: '{primary.800}',
          activeColor: '{primary.900}',
        },
      },
    },
  },
});

// Aura's danger red (500) fails contrast on white and under white text; 700 passes.
const SEVERITIES = { info: 'blue', success: 'green', warn: 'yellow', error: 'red' } as const;

/**
 * Aura's messages write their text in the 600 shade on the 50 tint: 2.9:1 for warn, 3.1:1 for
 * success, 4.4:1 for error. The 800 shade reaches AA (4.5:1) for every severity, on the tint and
 * on white (the outlined and simple variants).
 */
const readableMessages = Object.fromEntries(
  Object.entries(SEVERITIES).map(([severity, hue]) => {
    const color = `{${hue}.800}`;
    return [
      severity,
      { color, closeButton: { focusRing: { color } }, outlined: { color, borderColor: color }, simple: { color } },
    ];
  }),
);

export const Themed = definePreset(Preset, {
  components: {
    message: { colorScheme: { light: readableMessages } },
    button: {
      colorScheme: {
        light: {
          root: {
            danger: {
              background: '{red.700}',
              hoverBackground: '{red.800}',
              activeBackground: '{red.900}',
              borderColor: '{red.700}',
              hoverBorderColor: '{red.800}',
              activeBorderColor: '{red.900}',
            },
          },
          outlined: {
            danger: {
              color: '{red.700}',
              borderColor: '{red.700}',
              hoverBackground: '{red.50}',
              activeBackground: '{red.100}',
            },
          },
          text: { danger: { color: '{red.700}', hoverBackground: '{red.50}', activeBackground: '{red.100}' } },
        },
      },
    },
  },
});
