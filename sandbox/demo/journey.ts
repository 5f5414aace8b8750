/**
 * The demo's journey without a display, as a person would take it: sign in to CStoreOffice, open
 * Transactions → Audit, open the manager, connect to QuickBooks on the sandbox's authorization
 * page, preview, synchronize and read the results; then post Prairie Express's month of store days
 * and tie it out (journey-transactions.ts). Each step is printed and photographed.
 */
import { type BrowserContext, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_ID } from './browser';
import { postPrairieMonth } from './journey-transactions';

export interface JourneyOptions {
  context: BrowserContext;
  csoUrl: string;
  qboUrl: string;
  screenshotDir: string;
  log: (line: string) => void;
}

const TIMEOUT = 60_000;

async function waitVisible(locator: Locator, timeout = TIMEOUT): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}

export async function runJourney(o: JourneyOptions): Promise<void> {
  mkdirSync(o.screenshotDir, { recursive: true });
  let n = 0;
  const started = Date.now();
  const step = async <T>(title: string, fn: () => Promise<T>): Promise<T> => {
    n += 1;
    const t = Date.now();
    const result = await fn();
    o.log(`  ${String(n).padStart(2)}. ${title} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    return result;
  };
  const shot = async (page: Page, name: string) => {
    const path = join(o.screenshotDir, `${name}.png`);
    await page.mouse.move(0, 0);
    await page.screenshot({ path });
    o.log(`      screenshot ${path}`);
  };

  const page = await o.context.newPage();
  // The page has a native button of the same name; ours is the one in the extension's element.
  const openButton = page.locator('qbo-sync-manager').getByRole('button', { name: 'QB Sync Manager (extension)' });
  await step('open the CStoreOffice sign-in page', async () => {
    await page.goto(`${o.csoUrl}/`);
    await waitVisible(page.locator('#kc-login'));
  });
  await step('sign in as auditor@demo.test', async () => {
    await page.locator('#username').fill('auditor@demo.test');
    await page.locator('#password').fill('demo');
    await page.locator('#kc-login').click();
    await waitVisible(page.getByRole('button', { name: 'Transactions' }));
  });
  await step('open Transactions → Audit', async () => {
    await page.getByRole('button', { name: 'Transactions' }).click();
    await page.getByRole('menuitem', { name: 'Audit' }).click();
    await waitVisible(openButton);
  });
  await shot(page, 'audit-page');

  const dialog = page.getByRole('dialog', { name: 'QB Synchronization Manager' });
  await step('open the QB Synchronization Manager', async () => {
    await openButton.click();
    await waitVisible(dialog.getByRole('button', { name: 'Connect to QBO' }));
  });
  await shot(page, 'panel-not-connected');

  await step('Connect to QBO: choose the QuickBooks company and press Connect', async () => {
    const authorize = o.context.waitForEvent('page', {
      predicate: (p) => p.url().startsWith(o.qboUrl),
      timeout: TIMEOUT,
    });
    await dialog.getByRole('button', { name: 'Connect to QBO' }).click();
    const consent = await authorize;
    await waitVisible(consent.getByRole('button', { name: 'Connect' }));
    const company = consent.locator('select#realmId');
    if (await company.count()) await company.selectOption({ index: 0 });
    await shot(consent, 'qbo-authorize');
    await consent.getByRole('button', { name: 'Connect', exact: true }).click();
    await waitVisible(dialog.getByRole('button', { name: 'Reconnect to QBO' }));
  });
  o.log(`      ${await dialog.getByTestId('connection-state').first().innerText()}`);

  // A company's first sync starts with its setup: which way each type travels, and what would happen.
  const setup = dialog.getByTestId('first-sync-setup');
  await step('First sync setup: which way each type travels, and what the first run would do', async () => {
    await waitVisible(setup.getByTestId('setup-summary'), 5 * TIMEOUT);
  });
  o.log(await describeSetup(setup.getByTestId('setup-summary')));
  await shot(page, 'panel-first-sync-setup');

  await step('Preview what Synchronize would do', async () => {
    await dialog.getByRole('button', { name: 'Preview', exact: true }).click();
    await waitVisible(dialog.getByTestId('preview'));
  });
  o.log(await describeList(dialog.getByTestId('preview').first()));
  await shot(page, 'panel-preview');

  await step('Save the setup (every type both ways) and synchronize', async () => {
    await setup.getByTestId('confirm-setup').click();
    await waitVisible(dialog.getByRole('region', { name: /^Last run:/ }), 5 * TIMEOUT);
  });
  // A first sync that would fill CStoreOffice with QuickBooks' records asks first.
  const review = dialog.getByTestId('review-first-sync');
  if (await review.isVisible()) {
    o.log(`      ${(await review.locator('p').first().innerText()).replace(/\s+/g, ' ').trim()}`);
    await shot(page, 'panel-review-first-sync');
    await step('Review first sync: create them in CStoreOffice', async () => {
      await review.getByTestId('confirm-creates').click();
      await review.waitFor({ state: 'hidden', timeout: 5 * TIMEOUT });
      await waitVisible(dialog.getByRole('region', { name: /^Last run:/ }), 5 * TIMEOUT);
    });
  }
  const summary = dialog.getByRole('region', { name: /^Last run:/ }).first();
  o.log(`      ${(await summary.getAttribute('aria-label')) ?? ''}`);
  o.log(`      ${await dialog.getByRole('navigation', { name: 'Entities pages' }).getByRole('status').innerText()}`);
  await shot(page, 'panel-synchronized');

  const popup = await o.context.newPage();
  await step('open the toolbar popup', async () => {
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    await waitVisible(popup.getByTestId('company-card'));
  });
  await shot(popup, 'popup');
  await popup.close();
  await postPrairieMonth({ context: o.context, page, csoUrl: o.csoUrl, qboUrl: o.qboUrl, step, shot, log: o.log });
  o.log(`  The journey took ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/** The setup's summary, one type per line: what the first run creates on each side and links. */
async function describeSetup(table: Locator): Promise<string> {
  const lines: string[] = [];
  for (const row of await table.locator('tbody tr').all()) {
    const cells = (await row.locator('th, td').allInnerTexts()).map((c) => c.trim());
    const count = (cell: string | undefined) => (cell ?? '').split(':')[0]!.replace(/^none$/, '0');
    lines.push(
      `      ${(cells[0] ?? '').padEnd(22)} ${count(cells[1]).padStart(4)} to QuickBooks ${count(cells[2]).padStart(4)} to CStoreOffice ${count(cells[3]).padStart(4)} linked`,
    );
  }
  return lines.join('\n');
}

/** A preview's terms and counts, one per line. */
async function describeList(section: Locator): Promise<string> {
  const terms = await section.locator('dt').allInnerTexts();
  const counts = await section.locator('dd').allInnerTexts();
  if (terms.length === 0) return `      ${(await section.innerText()).replace(/\s+/g, ' ').trim()}`;
  return terms.map((t, i) => `      ${(counts[i] ?? '').trim().padStart(5)}  ${t.trim()}`).join('\n');
}
