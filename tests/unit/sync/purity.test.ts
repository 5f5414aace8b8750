import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(__dirname, '../../../lib/sync');
const FORBIDDEN = [
  /^wxt/,
  /^#imports/,
  /^@wxt-dev\//,
  /^dexie/,
  /^vue$/,
  /^pinia/,
  /^primevue/,
  /sandbox/,
  /\/(db|qbo|cso|auth)\//,
  /^node:/,
];

describe('lib/sync stays pure', () => {
  // Its folders too (the planner lives in lib/sync/plan/).
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  it.each(files)('%s imports only lib/entities and its own files, and calls no fetch/chrome/browser', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const specifiers = [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    for (const spec of specifiers) {
      expect(
        FORBIDDEN.some((re) => re.test(spec)),
        `${file} imports ${spec}`,
      ).toBe(false);
      const target = resolve(dirname(join(dir, file)), spec);
      expect(
        spec.startsWith('.') && (target.startsWith(dir + sep) || target === resolve(dir, '../entities')),
        `${file} imports ${spec}`,
      ).toBe(true);
    }
    expect(text).not.toMatch(/\b(fetch|chrome|browser|indexedDB|localStorage)\s*[.(]/);
  });
});
