// The engine's properties (tests/properties/sync-worlds.ts) with the fixed seed every `npm test` run
// draws (tests/fixed-seed.ts); `npm run fuzz` looks further with fresh seeds.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { convergesProperty, resumeProperty } from '../../properties/sync-worlds';

describe('sync properties', () => {
  it('converges, duplicates nothing, and a second sync plans nothing', async () => {
    await fc.assert(convergesProperty(), { numRuns: 150 });
  });

  it('a run interrupted after any write and resumed ends like an uninterrupted one', async () => {
    await fc.assert(resumeProperty(), { numRuns: 120 });
  });
});
