/**
 * The manager with ~20k rows in Chromium: a generated CStoreOffice company (20k records) is
 * connected to an empty QBO realm and previewed, which stores a row per record in the background's
 * IndexedDB. Then open, page, sort and filter are timed in the page, from the click to the moment
 * the table shows the new rows and is no longer busy (a MutationObserver in the shadow root), and
 * the first open after a page load. Measure the production build through productionOnSandboxes.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startBroker } from '../server/index';
import { startCsoSandbox } from '../sandbox/cso';
import { EXTENSION_ID, extensionWorker, launchDemoBrowser, pointAtSandboxes } from '../sandbox/demo/browser';
import { startQboSandbox } from '../sandbox/qbo/index';

const SEARCH_PAUSE_MS = 300;
const FIRST_OPEN_PAUSE_MS = 2500;
const REOPEN_PAUSE_MS = 300;
const SANDBOX_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

/**
 * A copy of the production build that may run on the local sandboxes: its manifest gains the
 * sandbox origins that wxt.config.ts adds to development and test builds, and nothing else changes.
 * Those builds are not what users run: WXT defines process.env.NODE_ENV as the build's mode, so in
 * `--mode development` and `--mode test` Vue and PrimeVue run their development code (warnings,
 * prop checks, devtools hooks), which made each manager open some tens of milliseconds slower.
 */
export function productionOnSandboxes(productionDir: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'qsm-bench-ext-'));
  cpSync(productionDir, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
    host_permissions?: string[];
    content_scripts?: { matches?: string[] }[];
    web_accessible_resources?: ({ matches?: string[] } | string)[];
  };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...SANDBOX_HOSTS];
  for (const script of manifest.content_scripts ?? []) script.matches = [...(script.matches ?? []), ...SANDBOX_HOSTS];
  for (const resource of manifest.web_accessible_resources ?? []) {
    if (typeof resource === 'object') resource.matches = [...(resource.matches ?? []), ...SANDBOX_HOSTS];
  }
  // The manager's shadow roots are closed in production, which would hide it from the timing code
  // too. A bench-only content script, first in the extension's isolated world, opens them: the
  // product's own code runs unchanged, its roots merely readable.
  writeFileSync(join(dir, 'content-scripts', 'bench-open-roots.js'), OPEN_ROOTS);
  manifest.content_scripts = [
    { matches: SANDBOX_HOSTS, js: ['content-scripts/bench-open-roots.js'], run_at: 'document_start' } as never,
    ...(manifest.content_scripts ?? []),
  ];
  writeFileSync(path, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const OPEN_ROOTS = `const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: 'open' }); };
`;

export interface PanelResult {
  rows: number;
  setupSeconds: number;
  /** open: opening again on the same page; firstOpen: the first opening after the page loaded. */
  samples: Record<'open' | 'firstOpen' | 'page' | 'sort' | 'filter', number[]>;
}

async function control(base: string, path: string, body: unknown, method = 'POST'): Promise<unknown> {
  const res = await fetch(`${base}/__sandbox/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * Runs in the page: clicks the element `pick` finds in the manager's shadow root and resolves with
 * the milliseconds until the table is idle with something changed (rows, range, sort), or -1.
 */
function timeClick(arg: { pick?: string; text?: string; open?: boolean; startOn?: 'input' }): Promise<number> {
  const managerRoot = () => document.querySelector('qbo-sync-manager-dialog')?.shadowRoot ?? null;
  const state = () => {
    const root = managerRoot();
    const table = root?.querySelector('table.qsm-table');
    return {
      busy: table?.getAttribute('aria-busy') === 'true',
      rows: root?.querySelectorAll('tbody tr[data-row-key]').length ?? 0,
      sig: [
        root?.querySelector('tbody tr[data-row-key]')?.getAttribute('data-row-key'),
        root?.querySelector('.qsm-paginator [role="status"]')?.textContent,
        [...(root?.querySelectorAll('th[aria-sort]') ?? [])].map((th) => th.getAttribute('aria-sort')).join(','),
      ].join('|'),
    };
  };
  const scope = arg.open ? document.querySelector('qbo-sync-manager')?.shadowRoot : managerRoot();
  // Without `pick`, the clock starts at the next `startOn` event (a real one, from Playwright).
  const target = arg.pick
    ? [...(scope?.querySelectorAll<HTMLElement>(arg.pick) ?? [])].find(
        (el) => arg.text === undefined || el.textContent?.trim() === arg.text,
      )
    : null;
  if (arg.pick && !target) return Promise.reject(new Error(`Nothing matches ${arg.pick} ${arg.text ?? ''}`));
  const before = state();
  return new Promise((resolve) => {
    let sawBusy = false;
    let started = performance.now();
    const check = () => {
      const now = state();
      sawBusy ||= now.busy;
      const changed = arg.open
        ? now.rows > 0
        : now.sig !== before.sig && (sawBusy || now.sig.split('|')[0] !== before.sig.split('|')[0]);
      if (!now.busy && changed) {
        const ms = performance.now() - started;
        observer.disconnect();
        clearInterval(poll);
        // The rows are in the DOM; wait for the frame that shows them.
        requestAnimationFrame(() => resolve(ms));
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true });
    const root = managerRoot();
    if (root) observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    // The manager's shadow root appears after the click when opening: poll as well.
    const poll = setInterval(() => {
      const r = managerRoot();
      if (r && r !== root)
        observer.observe(r, { subtree: true, childList: true, attributes: true, characterData: true });
      check();
    }, 4);
    setTimeout(() => {
      observer.disconnect();
      clearInterval(poll);
      resolve(-1);
    }, 10_000);
    if (target) target.click();
    else
      document.addEventListener(arg.startOn ?? 'input', () => (started = performance.now()), {
        capture: true,
        once: true,
      });
  });
}

export async function benchPanel(o: {
  extensionDir: string;
  rows: number;
  runs: number;
  log: (line: string) => void;
}): Promise<PanelResult> {
  const setup = performance.now();
  const perType = Math.ceil(o.rows / 7);
  const qbo = await startQboSandbox({ port: 0, realms: [] });
  const cso = await startCsoSandbox({ port: 0, seed: { name: 'large', perType } });
  const broker = await startBroker({
    port: 0,
    clientId: 'qbo-sandbox-client',
    clientSecret: 'qbo-sandbox-secret',
    environment: 'custom',
    customBaseUrl: qbo.url,
    allowedOrigins: [`chrome-extension://${EXTENSION_ID}`],
    log: () => {},
  });
  const profileDir = mkdtempSync(join(tmpdir(), 'qsm-bench-'));
  const context = await launchDemoBrowser({ extensionDir: o.extensionDir, profileDir, headless: true });
  try {
    const { realmId } = (await control(qbo.url, 'realms', { seed: 'empty' })) as { realmId: string };
    await control(qbo.url, 'auto-approve', { enabled: true, realmId }, 'PUT');
    await pointAtSandboxes(await extensionWorker(context), { broker: broker.url, qbo: qbo.url });

    const page = await context.newPage();
    await page.goto(`${cso.url}/app.php/accounting/audit`);
    await page.locator('#username').fill('auditor@demo.test');
    await page.locator('#password').fill('demo');
    await page.locator('#kc-login').click();
    const open = page.locator('qbo-sync-manager').getByRole('button', { name: 'QB Sync Manager (extension)' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'QB Synchronization Manager' });
    await dialog.getByRole('button', { name: 'Connect to QBO' }).click();
    await dialog.getByRole('button', { name: 'Reconnect to QBO' }).waitFor({ timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Preview', exact: true }).click();
    await dialog.getByTestId('preview').waitFor({ timeout: 300_000 });
    const range = dialog.getByRole('navigation', { name: 'Entities pages' }).getByRole('status');
    await page.waitForFunction(
      () =>
        !/of 0 /.test(
          document.querySelector('qbo-sync-manager-dialog')?.shadowRoot?.querySelector('.qsm-paginator [role="status"]')
            ?.textContent ?? 'of 0 ',
        ),
    );
    const total = Number(/of (\d+)/.exec(await range.innerText())?.[1] ?? 0);
    const setupSeconds = (performance.now() - setup) / 1000;
    o.log(`    ${total} rows stored (setup ${setupSeconds.toFixed(0)} s)`);

    const samples: PanelResult['samples'] = { open: [], firstOpen: [], page: [], sort: [], filter: [] };
    // tsx keeps function names with a `__name` helper that the page does not have.
    await page.evaluate('globalThis.__name ??= (fn) => fn');
    const time = async (p: Page, arg: Parameters<typeof timeClick>[0]) => {
      const ms = await p.evaluate(timeClick, arg);
      if (ms < 0)
        throw new Error(
          `The table did not update within 10 s after ${arg.pick ? `clicking ${arg.pick} ${arg.text ?? ''}` : 'typing'}`,
        );
      return ms;
    };
    for (let r = 0; r < o.runs; r++) {
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      // Nobody opens it again within a fraction of a second; the manager builds the next opening's
      // dialog when the page is next idle, not while closing.
      await page.waitForTimeout(REOPEN_PAUSE_MS);
      samples.open.push(await time(page, { pick: 'button', text: 'QB Sync Manager (extension)', open: true }));
      samples.page.push(await time(page, { pick: 'button', text: 'Next' }));
      samples.sort.push(await time(page, { pick: 'th[data-field="name"] button.qsm-sort' }));
      // Filter by the search box (the Type and Status menus close on a click or key inside them
      // before Apply, so they cannot be timed yet). The store waits for a 300 ms typing pause:
      // that pause is taken off, so the figure is the filter itself.
      const search = dialog.getByRole('searchbox', { name: 'Search entities' });
      for (const text of ['Customer 00', '']) {
        const measured = time(page, { startOn: 'input' });
        await page.waitForTimeout(20);
        await search.fill(text);
        samples.filter.push((await measured) - SEARCH_PAUSE_MS);
      }
    }
    // The first opening after the page loaded, once the page has been left alone for a moment (the
    // content script prepares the manager at idle time) as a user reading the Audit page would.
    for (let r = 0; r < o.runs; r++) {
      await page.reload();
      await page.evaluate('globalThis.__name ??= (fn) => fn');
      await open.and(page.locator(':enabled')).waitFor();
      await page.waitForTimeout(FIRST_OPEN_PAUSE_MS);
      samples.firstOpen.push(await time(page, { pick: 'button', text: 'QB Sync Manager (extension)', open: true }));
    }
    return { rows: total, setupSeconds, samples };
  } finally {
    await context.close().catch(() => {});
    rmSync(profileDir, { recursive: true, force: true });
    await Promise.all([broker.stop(), qbo.stop(), cso.stop()]);
  }
}
