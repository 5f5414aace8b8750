/**
 * The demo journey's second part: Prairie Express's month of store days (ten stations) posted to
 * its own QuickBooks company from the manager's Transactions section, then tied out to the cent.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';

export interface TransactionsJourney {
  context: BrowserContext;
  page: Page;
  csoUrl: string;
  qboUrl: string;
  step: <T>(title: string, fn: () => Promise<T>) => Promise<T>;
  shot: (page: Page, name: string) => Promise<void>;
  log: (line: string) => void;
}

const TIMEOUT = 60_000;
const visible = (locator: Locator, timeout = TIMEOUT) => locator.first().waitFor({ state: 'visible', timeout });

export async function postPrairieMonth(o: TransactionsJourney): Promise<void> {
  const { page, step } = o;
  const dialog = page.getByRole('dialog', { name: 'QB Synchronization Manager' });
  await step("open Prairie Express's Audit page and its manager", async () => {
    await page.goto(`${o.csoUrl}/app.php/accounting/audit?company=2`);
    await page.locator('qbo-sync-manager').getByRole('button', { name: 'QB Sync Manager (extension)' }).click();
    await visible(dialog.getByRole('button', { name: 'Connect to QBO' }));
  });
  await step('Connect to QBO: choose Prairie Express Books', async () => {
    const authorize = o.context.waitForEvent('page', {
      predicate: (p) => p.url().startsWith(o.qboUrl),
      timeout: TIMEOUT,
    });
    await dialog.getByRole('button', { name: 'Connect to QBO' }).click();
    const consent = await authorize;
    await consent.locator('select#realmId').selectOption({ label: 'Prairie Express Books' });
    await consent.getByRole('button', { name: 'Connect', exact: true }).click();
    await visible(dialog.getByRole('button', { name: 'Reconnect to QBO' }));
  });
  await step('save the first-sync setup and synchronize the entities', async () => {
    const setup = dialog.getByTestId('first-sync-setup');
    await visible(setup.getByTestId('confirm-setup'), 5 * TIMEOUT);
    await setup.getByTestId('confirm-setup').click();
    await visible(dialog.getByRole('region', { name: /^Last run:/ }), 5 * TIMEOUT);
    const review = dialog.getByTestId('review-first-sync');
    if (await review.isVisible()) {
      await review.getByTestId('confirm-creates').click();
      await review.waitFor({ state: 'hidden', timeout: 5 * TIMEOUT });
    }
  });
  const table = dialog.getByRole('region', { name: /^Transactions table/ });
  await step('Transactions: synchronize the month (entities first, then the audited days and invoices)', async () => {
    await dialog.getByTestId('section-transactions').click();
    await dialog.getByTestId('txn-synchronize').click();
    await visible(table.locator('tbody tr[data-status="synchronized"]'), 5 * TIMEOUT);
    await dialog.getByTestId('txn-running').waitFor({ state: 'hidden', timeout: 5 * TIMEOUT });
  });
  const statuses = await table
    .locator('tbody tr[data-row-key]')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status') ?? ''));
  const tally = new Map<string, number>();
  for (const s of statuses) tally.set(s, (tally.get(s) ?? 0) + 1);
  const counted = [...tally].map(([s, n]) => `${n} ${s}`);
  o.log(`      first page: ${counted.join(', ')}`);
  o.log(
    `      ${await dialog.getByRole('navigation', { name: 'Transactions pages' }).getByRole('status').innerText()}`,
  );
  await o.shot(page, 'panel-transactions');

  const tieOut = dialog.getByTestId('tie-out');
  await step('Tie-out for October 2025', async () => {
    await tieOut.getByTestId('tie-out-from').fill('2025-10-01');
    await tieOut.getByTestId('tie-out-to').fill('2025-10-31');
    await tieOut.getByRole('button', { name: 'Tie out' }).click();
    await visible(tieOut.getByTestId('tie-out-verdict'));
  });
  o.log(
    `      ${await tieOut.getByTestId('tie-out-verdict').innerText()} (${await tieOut.getByTestId('tie-out-line').count()} account × class × location lines)`,
  );
  await o.shot(page, 'panel-tie-out');
}
