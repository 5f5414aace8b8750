/**
 * The one fixture every end-to-end spec uses: Debian's Chromium with the built test extension
 * loaded, the extension's id and service worker, and helpers to open its pages.
 */
import { type BrowserContext, type Page, type Worker, test as base, chromium, expect } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type StartedBroker, startBroker } from '../../server/index';
import { type CsoSandbox, startCsoSandbox } from '../../sandbox/cso/index';
import { type QboSandbox, startQboSandbox } from '../../sandbox/qbo/index';
import { DEFAULT_SETTINGS } from '../../lib/storage/settings';
import { startStaticServer } from './static-server';

export const ROOT = resolve(import.meta.dirname, '../..');
const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3-test');
const ARTIFACTS = join(ROOT, 'tests/artifacts');
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

function launchArgs(extensionDir = EXTENSION_DIR): string[] {
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

async function launchExtensionContext(profileDir: string): Promise<BrowserContext> {
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

async function workerOf(context: BrowserContext): Promise<Worker> {
  return (
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    context.waitForEvent('serviceworker')
  );
}

/** Points a profile's extension at the local QBO sandbox and broker. */
async function sandboxSettingsIn(worker: Worker, qbo: { qbo: QboSandbox; broker: StartedBroker }): Promise<void> {
  const settings = { ...DEFAULT_SETTINGS, brokerUrl: qbo.broker.url, environment: 'custom', customQboUrl: qbo.qbo.url };
  await worker.evaluate(async (value) => chrome.storage.local.set({ settings: value }), settings);
}

/** Signs in to the CStoreOffice sandbox in a profile and opens its Audit page. */
async function auditPageIn(context: BrowserContext, csoUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${csoUrl}/app.php/accounting/audit`);
  await page.locator('#username').fill('auditor@demo.test');
  await page.locator('#password').fill('demo');
  await page.locator('#kc-login').click();
  await expect(page.locator('qbo-sync-manager').first()).toBeAttached();
  return page;
}

export interface WorkerFixtures {
  fixturePagesServer: { url: string; stop: () => Promise<void> };
  /** The CStoreOffice sandbox, one per Playwright worker, reset before each test that uses it. */
  csoServer: CsoSandbox;
  /** The QBO sandbox and a token broker wired to it, one per worker. */
  qboServer: { qbo: QboSandbox; broker: StartedBroker };
}

const FIXED_EXTENSION_ID = 'lfnpgbccfgpgpbbmpgdombjkfnlekmcc';

export interface SandboxFixtures {
  cso: CsoSandbox;
  qbo: { qbo: QboSandbox; broker: StartedBroker };
  /** Points the extension's settings at the local QBO sandbox and broker. */
  useSandboxSettings: () => Promise<void>;
  /** Signs in to the CStoreOffice sandbox and opens its Audit page. */
  openAudit: () => Promise<Page>;
  /** Another browser profile with the extension and the sandbox settings: a second bookkeeper. */
  otherBrowser: () => Promise<{ context: BrowserContext; openAudit: () => Promise<Page> }>;
}

export const test = base.extend<ExtensionFixtures & SandboxFixtures, WorkerFixtures>({
  qboServer: [
    async ({}, use) => {
      const qbo = await startQboSandbox({ port: 0 });
      const broker = await startBroker({
        port: 0,
        clientId: 'qbo-sandbox-client',
        clientSecret: 'qbo-sandbox-secret',
        environment: 'custom',
        customBaseUrl: qbo.url,
        allowedOrigins: [`chrome-extension://${FIXED_EXTENSION_ID}`],
        log: () => {},
      });
      await use({ qbo, broker });
      await broker.stop();
      await qbo.stop();
    },
    { scope: 'worker' },
  ],
  qbo: async ({ qboServer }, use) => {
    await fetch(`${qboServer.qbo.url}/__sandbox/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seed: 'convenience-store' }),
    });
    await use(qboServer);
  },
  useSandboxSettings: async ({ serviceWorker, qbo }, use) => {
    await use(() => sandboxSettingsIn(serviceWorker, qbo));
  },
  openAudit: async ({ context, cso }, use) => {
    await use(() => auditPageIn(context, cso.url));
  },
  otherBrowser: async ({ qbo, cso }, use) => {
    const opened: { context: BrowserContext; profile: string }[] = [];
    await use(async () => {
      const profile = mkdtempSync(join(tmpdir(), 'qsm-profile-'));
      const context = await launchExtensionContext(profile);
      opened.push({ context, profile });
      await sandboxSettingsIn(await workerOf(context), qbo);
      return { context, openAudit: () => auditPageIn(context, cso.url) };
    });
    for (const { context, profile } of opened) {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  },
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
