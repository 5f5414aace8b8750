import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(__dirname, '../../../lib/sync');
const FORBIDDEN = [/^wxt/, /^#imports/, /^@wxt-dev\//, /^dexie/, /^vue$/, /^pinia/, /^primevue/, /sandbox/, /\/(db|qbo|cso|auth)\//, /^node:/];

describe('lib/sync stays pure', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  it.each(files)('%s imports only lib/entities and its own files, and calls no fetch/chrome/browser', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const specifiers = [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    for (const spec of specifiers) {
      expect(FORBIDDEN.some((re) => re.test(spec)), `${file} imports ${spec}`).toBe(false);
      expect(spec.startsWith('./') || spec === '../entities', `${file} imports ${spec}`).toBe(true);
    }
    expect(text).not.toMatch(/\b(fetch|chrome|browser|indexedDB|localStorage)\s*[.(]/);
  });
});
