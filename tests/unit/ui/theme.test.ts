import Aura from '@primeuix/themes/aura';
import { describe, expect, it } from 'vitest';
import { Themed } from '@/lib/ui/theme';

type Tokens = Record<string, unknown>;
const palette = Aura.primitive as unknown as Record<string, Record<string, string>>;
// Surfaces are semantic: the light scheme maps them onto a primitive palette.
const surface = (Aura.semantic as unknown as { colorScheme: { light: { surface: Record<string, string> } } })
  .colorScheme.light.surface;

/** '{green.800}' → '#166534'; colour-mixes are read as their first colour (a 95 % tint). */
function resolve(token: string): string {
  const ref = /\{(\w+)\.(\d+)\}/.exec(token);
  if (!ref) return token;
  return ref[1] === 'surface' ? resolve(surface[ref[2]!]!) : palette[ref[1]!]![ref[2]!]!;
}
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
function scheme(component: string): Record<string, Tokens> {
  const preset = Themed as unknown as {
    components: Record<string, { colorScheme: { light: Record<string, Tokens> } }>;
  };
  const base = (Aura.components as unknown as Record<string, { colorScheme: { light: Record<string, Tokens> } }>)[
    component
  ]!.colorScheme.light;
  const ours = preset.components[component]?.colorScheme.light ?? {};
  return Object.fromEntries(Object.keys(base).map((k) => [k, { ...base[k], ...ours[k] }]));
}

describe('theme contrast (WCAG AA, 4.5:1 for text)', () => {
  it.each(['info', 'success', 'warn', 'error'])(
    'a %s message is readable on its tint and, outlined or simple, on white',
    (severity) => {
      const tokens = scheme('message')[severity]!;
      const text = resolve(tokens.color as string);
      expect(contrast(text, resolve(tokens.background as string))).toBeGreaterThanOrEqual(4.5);
      expect(contrast(resolve((tokens.simple as Tokens).color as string), '#ffffff')).toBeGreaterThanOrEqual(4.5);
      expect(contrast(resolve((tokens.outlined as Tokens).color as string), '#ffffff')).toBeGreaterThanOrEqual(4.5);
    },
  );

  it.each(['success', 'info', 'warn', 'danger', 'secondary'])(
    'a %s tag (statuses, connection state) is readable',
    (severity) => {
      const tokens = scheme('tag')[severity]!;
      expect(contrast(resolve(tokens.color as string), resolve(tokens.background as string))).toBeGreaterThanOrEqual(
        4.5,
      );
    },
  );

  it('reads a failing pair as failing (the check can fail)', () => {
    expect(contrast(palette.yellow!['600']!, palette.yellow!['50']!)).toBeLessThan(4.5);
  });
});
