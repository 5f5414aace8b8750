import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = fileURLToPath(new URL('../..', import.meta.url));

// The chaos suite on its own (`npm run chaos`): bigger scenarios than the small one in tests/integration.
export default defineConfig({
  root,
  plugins: [WxtVitest(), vue()],
  test: {
    include: ['tests/chaos/**/*.test.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 30_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
