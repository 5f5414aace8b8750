/**
 * The one fixture every end-to-end spec uses: Debian's Chromium with the built test extension
 * loaded, the extension's id and service worker, and helpers to open its pages.
 */
import { type BrowserContext, type Page, type Worker, test as base, chromium, expect } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type CsoSandbox, startCsoSandbox } from '../../sandbox/cso/index';
import { startStaticServer } from './static-server';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3-test');
export const ARTIFACTS = join(ROOT, 'tests/artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  fixturePages: string;
  openPopup: () => Promise<Page>;
  openOptions: () => Promise<Page>;
  snap: (page: Page, name: string) => Promise<void>;
}

export function launchArgs(extensionDir = EXTENSION_DIR): string[] {
  return [
    '--headless=new',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ];
}

export async function launchExtensionContext(profileDir: string): Promise<BrowserContext> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No test build at ${EXTENSION_DIR}: run "npm run build:test" first.`);
  }
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: false,
    args: launchArgs(),
    viewport: { width: 1280, height: 800 },
  });
}

export async function workerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? context.waitForEvent('serviceworker');
}

export interface WorkerFixtures {
  fixturePagesServer: { url: string; stop: () => Promise<void> };
  /** The CStoreOffice sandbox, one per Playwright worker, reset before each test that uses it. */
  csoServer: CsoSandbox;
}

export const test = base.extend<ExtensionFixtures & { cso: CsoSandbox }, WorkerFixtures>({
  csoServer: [
    async ({}, use) => {
      const sandbox = await startCsoSandbox({ port: 0 });
      await use(sandbox);
      await sandbox.stop();
    },
    { scope: 'worker' },
  ],
  cso: async ({ csoServer }, use) => {
    await fetch(`${csoServer.url}/__sandbox/reset`, { method: 'POST' });
    await use(csoServer);
  },
  fixturePagesServer: [
    async ({}, use) => {
      const server = await startStaticServer(join(ROOT, 'tests/fixtures/pages'));
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  context: async ({}, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'qsm-profile-'));
    const context = await launchExtensionContext(profile);
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  serviceWorker: async ({ context }, use) => {
    await use(await workerOf(context));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  fixturePages: async ({ fixturePagesServer }, use) => {
    await use(fixturePagesServer.url);
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    });
  },
  openOptions: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      return page;
    });
  },
  snap: async ({}, use, testInfo) => {
    await use(async (page, name) => {
      mkdirSync(join(ARTIFACTS, 'screenshots'), { recursive: true });
      const path = join(ARTIFACTS, 'screenshots', `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(name, { path, contentType: 'image/png' });
    });
  },
});

export { expect };
