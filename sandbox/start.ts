/**
 * `npm start`: builds the development extension (done by the npm script) and says how to load it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const dir = resolve(import.meta.dirname, '../.output/chrome-mv3-dev');
if (!existsSync(resolve(dir, 'manifest.json'))) {
  console.error(`The extension was not built: ${dir} has no manifest.json.`);
  process.exit(1);
}
console.log(`Built the extension into ${dir}

Load it in Chromium or Chrome:
  1. Open chrome://extensions and turn on Developer mode.
  2. Click "Load unpacked" and choose ${dir}
  3. Open CStoreOffice, go to Transactions → Audit, choose a company and click
     "Open QB Synchronization Manager".`);
