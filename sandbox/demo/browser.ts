/**
 * Chromium for the demo: a fresh profile with the development build loaded, and the extension's
 * settings pointed at the local broker and QBO sandbox before anyone opens a page.
 */
import { type BrowserContext, type Worker, chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const EXTENSION_ID = 'lfnpgbccfgpgpbbmpgdombjkfnlekmcc';

export interface DemoBrowserOptions {
  extensionDir: string;
  profileDir: string;
  /** No display: Chromium's new headless mode (extensions and chrome.identity still work). */
  headless: boolean;
  executablePath?: string;
}

export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export async function launchDemoBrowser(o: DemoBrowserOptions): Promise<BrowserContext> {
  if (!existsSync(join(o.extensionDir, 'manifest.json'))) throw new Error(`No extension build in ${o.extensionDir}.`);
  const executablePath = o.executablePath ?? chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium was not found at ${executablePath}. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  const args = [
    `--disable-extensions-except=${o.extensionDir}`,
    `--load-extension=${o.extensionDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-sync',
    '--disable-component-update',
    '--disable-background-networking',
    '--disable-quic',
  ];
  // Chromium refuses to start its sandbox as root.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  if (o.headless) args.push('--headless=new', '--disable-gpu', '--disable-dev-shm-usage');
  return chromium.launchPersistentContext(o.profileDir, {
    executablePath,
    // Playwright's own headless mode would drop the extension; `--headless=new` above keeps it.
    headless: false,
    args,
    viewport: o.headless ? { width: 1360, height: 860 } : null,
  });
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const ours = (w: Worker) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`);
  return (
    context.serviceWorkers().find(ours) ??
    (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 15_000 }))
  );
}

/** Writes the settings the options page would save: the local broker and the QBO sandbox. */
export async function pointAtSandboxes(worker: Worker, urls: { broker: string; qbo: string }): Promise<void> {
  await worker.evaluate(
    async ({ brokerUrl, qboUrl }) => {
      const { settings } = await chrome.storage.local.get('settings');
      const current = (settings ?? {}) as Record<string, unknown>;
      await chrome.storage.local.set({
        settings: {
          autoSyncMinutes: 15,
          conflictPolicy: 'report',
          defaultIncomeAccount: 'Sales',
          enabledTypes: ['account', 'class', 'customer', 'priceBookVendor', 'accountingVendor', 'dataType', 'location'],
          ...current,
          brokerUrl,
          environment: 'custom',
          customQboUrl: qboUrl,
        },
      });
    },
    { brokerUrl: urls.broker, qboUrl: urls.qbo },
  );
}
