/**
 * `npm start`: the one-command demo. The npm script builds the development extension first; this
 * starts both sandboxes and the token broker, opens Chromium with the extension loaded at the
 * CStoreOffice sign-in page, and keeps everything running until Ctrl-C.
 *
 * Without a display (no DISPLAY / WAYLAND_DISPLAY) it says so and takes the journey itself,
 * headless, printing each step and saving screenshots.
 *
 *   --headless          take the headless journey even when a display is present
 *   --once              stop after the journey (a smoke test for CI)
 *   --screenshots DIR   where the journey's screenshots go (default .output/demo)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { startSandboxes, type StartedSandboxes } from '../cli';
import { extensionWorker, hasDisplay, launchDemoBrowser, pointAtSandboxes } from './browser';
import { runJourney } from './journey';

const ROOT = resolve(import.meta.dirname, '../..');
const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3-dev');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

async function main(): Promise<number> {
  const headless = flag('headless') || !hasDisplay();
  const once = flag('once');
  const screenshotDir = resolve(option('screenshots') ?? join(ROOT, '.output/demo'));

  let sandboxes: StartedSandboxes | undefined;
  let context: BrowserContext | undefined;
  const profileDir = mkdtempSync(join(tmpdir(), 'qsm-demo-'));
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await context?.close().catch(() => {});
      await sandboxes?.stop().catch(() => {});
      rmSync(profileDir, { recursive: true, force: true });
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log('\nStopping the browser, the sandboxes and the broker…');
      void stop().then(() => process.exit(0));
    });
  }

  try {
    try {
      sandboxes = await startSandboxes();
    } catch (error) {
      const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      throw new Error(
        busy
          ? 'Ports 8710, 8720 or 8730 are taken (is `npm run sandbox` or another demo running?). Stop it and try again.'
          : String(error),
        { cause: error },
      );
    }
    const { qbo, cso, broker } = sandboxes.urls as Required<StartedSandboxes['urls']>;
    console.log(`QuickBooks Online sandbox  ${qbo}`);
    console.log(`CStoreOffice sandbox       ${cso}   (sign in as auditor@demo.test / demo)`);
    console.log(`Token broker               ${broker}`);

    if (headless && !flag('headless'))
      console.log(
        '\nNo display found (DISPLAY and WAYLAND_DISPLAY are unset): taking the demo journey in headless Chromium.',
      );
    context = await launchDemoBrowser({ extensionDir: EXTENSION_DIR, profileDir, headless });
    await pointAtSandboxes(await extensionWorker(context), { broker, qbo });
    console.log(`Chromium is running with the extension from ${EXTENSION_DIR}; its settings point at the sandboxes.`);

    if (headless) {
      console.log('\nThe journey:');
      await runJourney({ context, csoUrl: cso, qboUrl: qbo, screenshotDir, log: (line) => console.log(line) });
      if (once) {
        await stop();
        return 0;
      }
      console.log('\nThe sandboxes and the broker keep running (the browser is headless). Press Ctrl-C to stop.');
    } else {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${cso}/`);
      console.log(`
In the Chromium window:
  1. Sign in as auditor@demo.test with the password demo.
  2. Open Transactions → Audit and click "QB Sync Manager (extension)" beside the Company field.
  3. Click "Connect to QBO", choose the QuickBooks company and press Connect.
  4. The first-sync setup lists what the first run would do; choose which way each type travels, then Save and synchronize.
Close the browser or press Ctrl-C here to stop everything.`);
      context.on('close', () => {
        console.log('The browser was closed; stopping the sandboxes and the broker.');
        context = undefined;
        void stop().then(() => process.exit(0));
      });
    }
    await new Promise<never>(() => {});
    return 0;
  } catch (error) {
    console.error(`\nThe demo stopped: ${error instanceof Error ? error.message : String(error)}`);
    await stop();
    return 1;
  }
}

process.exitCode = await main();
