import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: [
    // Started by path, not imported: the sandboxes' standalone starts (their READMEs) and the
    // planner benchmark's worker, which bench/main.ts runs in a process of its own.
    'sandbox/cso/main.ts',
    'sandbox/qbo/main.ts',
    'bench/plan-worker.ts',
  ],
  // A type that an exported signature uses stays exported, so that a caller can name it.
  ignoreExportsUsedInFile: { interface: true, type: true },
  // The planner as it was, frozen for the equivalence property: its spare exports stay as they were.
  ignore: ['tests/properties/previous-planner/**'],
  // WXT's auto-import module, resolved by its Vite plugin rather than by a path.
  ignoreUnresolved: ['#imports'],
};

export default config;
