import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';
import { afterEach, describe, expect, it } from 'vitest';
import noImportCycle from '../../lint/no-import-cycle.js';

const TSCONFIG = JSON.stringify({ compilerOptions: { moduleResolution: 'Bundler', paths: { '@/*': ['./*'] } } });
const dirs: string[] = [];

async function cyclesIn(files: Record<string, string>): Promise<string[]> {
  const cwd = mkdtempSync(join(tmpdir(), 'no-import-cycle-'));
  dirs.push(cwd);
  for (const [name, text] of Object.entries({ 'tsconfig.json': TSCONFIG, ...files })) {
    mkdirSync(dirname(join(cwd, name)), { recursive: true });
    writeFileSync(join(cwd, name), text);
  }
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
      { files: ['**/*.vue'], languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser } } },
      {
        files: ['**/*.{ts,vue}'],
        plugins: { local: { rules: { 'no-import-cycle': noImportCycle } } },
        rules: { 'local/no-import-cycle': 'error' },
      },
    ],
  });
  const results = await eslint.lintFiles(['**/*.{ts,vue}']);
  return results.flatMap((result) => result.messages.map((message) => message.message)).sort();
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('no-import-cycle', () => {
  it('reports a cycle made only of type imports, on each file in it', async () => {
    const found = await cyclesIn({
      'lib/a.ts': "import type { B } from './b';\nexport type A = B[];\n",
      'lib/b.ts': "import { type A } from './a.ts';\nexport type B = A | string;\n",
    });
    expect(found).toEqual([
      'Import cycle: lib/a.ts → lib/b.ts → lib/a.ts',
      'Import cycle: lib/b.ts → lib/a.ts → lib/b.ts',
    ]);
  });

  it('follows tsconfig aliases and Vue components', async () => {
    const found = await cyclesIn({
      'components/Panel.vue':
        '<script setup lang="ts">\nimport { title } from \'@/lib/title\';\n</script>\n<template><p>{{ title }}</p></template>\n',
      'lib/title.ts':
        "import type Panel from '@/components/Panel.vue';\nexport const title = 'x';\nexport type P = typeof Panel;\n",
    });
    expect(found).toEqual([
      'Import cycle: components/Panel.vue → lib/title.ts → components/Panel.vue',
      'Import cycle: lib/title.ts → components/Panel.vue → lib/title.ts',
    ]);
  });

  it('accepts imports that only go one way', async () => {
    const found = await cyclesIn({
      'lib/types.ts': 'export type Id = string;\n',
      'lib/a.ts': "import type { Id } from './types';\nexport const a = (id: Id) => id;\n",
      'lib/b.ts': "import { a } from './a';\nimport type { Id } from './types';\nexport const b = (id: Id) => a(id);\n",
    });
    expect(found).toEqual([]);
  });
});
