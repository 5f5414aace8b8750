// Lint rules for the whole repository; kept under tests/ so the project root holds only what the
// product owner asked for. With -c, ESLint resolves every pattern from the working directory (the root).
import js from '@eslint/js';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import eslintConfigPrettier from 'eslint-config-prettier/flat';
import noImportCycle from './lint/no-import-cycle.js';

const engineForbidden = [
  { group: ['wxt', 'wxt/*', '#imports', '@wxt-dev/*'], message: 'lib/sync is pure: no WXT.' },
  { group: ['dexie', 'dexie/*'], message: 'lib/sync is pure: no Dexie (use the LinkStore port).' },
  { group: ['vue', 'pinia', 'primevue', 'primevue/*'], message: 'lib/sync is pure: no UI.' },
  { group: ['**/sandbox/**', '@/sandbox/*'], message: 'The product never imports the sandboxes.' },
  {
    group: ['@/lib/db/*', '@/lib/qbo/*', '@/lib/cso/*', '@/lib/auth/*', '../db/*', '../qbo/*', '../cso/*', '../auth/*'],
    message: 'lib/sync reaches the outside only through its ports.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/.output/**',
      '**/.wxt/**',
      '**/node_modules/**',
      '**/tests/artifacts/**',
      '**/test-results/**',
      '**/bench/results/**',
    ],
  },
  {
    files: ['**/*.{ts,js,vue}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended, ...pluginVue.configs['flat/recommended']],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-undef': 'off',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/no-v-html': 'error',
      'local/no-import-cycle': 'error',
    },
    plugins: { local: { rules: { 'no-import-cycle': noImportCycle } } },
  },
  {
    files: ['lib/sync/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: engineForbidden }],
      'no-restricted-globals': [
        'error',
        'fetch',
        'chrome',
        'browser',
        'indexedDB',
        'window',
        'document',
        'localStorage',
      ],
    },
  },
  {
    files: ['lib/**/*.ts', 'entrypoints/**/*.ts', 'components/**/*.{ts,vue}'],
    ignores: ['lib/sync/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/sandbox/**', '@/sandbox/*'], message: 'The product never imports the sandboxes.' }],
        },
      ],
    },
  },
  {
    files: ['sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/lib/**', '@/lib/*', '@/*'],
              message: 'The sandboxes follow the real services, not our code: never import lib/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright reads a fixture's dependencies from its destructuring pattern, empty included.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  // Layout is Prettier's (checked in npm run lint): the style rules that would argue with it are off.
  eslintConfigPrettier,
);
