// Prints one closing line for the whole test run from the unit and end-to-end reports.
import { existsSync, readFileSync } from 'node:fs';

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
const unit = read('tests/artifacts/vitest.json');
const e2e = read('tests/artifacts/playwright.json');

let passed = 0;
let failed = 0;
let skipped = 0;
let flaky = 0;
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
}
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
  flaky = e2e.stats.flaky;
}
console.log(`unit ${unit ? 'ran' : 'missing'}, e2e ${e2e ? 'ran' : 'missing'}`);
if (flaky > 0) console.log(`${flaky} end-to-end test(s) passed only on retry: see tests/artifacts/playwright-report`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || !unit || !e2e ? 1 : 0);
