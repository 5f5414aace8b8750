import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = fileURLToPath(new URL('../..', import.meta.url));

// `npm run fuzz` (FUZZ_MINUTES=30 npm run fuzz for longer): the properties with fresh seeds, one
// file per property so the two cores each take one. Not part of `npm test`, which draws a fixed seed.
export default defineConfig({
  root,
  plugins: [WxtVitest(), vue()],
  test: {
    include: ['tests/fuzz/**/*.fuzz.ts'],
    environment: 'node',
    // One worker per property file, side by side: vitest's default on 2 cores is one, which ran the
    // second property only after the first one's whole budget.
    maxWorkers: 2,
    testTimeout: 0,
    reporters: ['default'],
  },
});
