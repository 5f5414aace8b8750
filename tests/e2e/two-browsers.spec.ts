import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { connectFromManager, filterColumn, firstRealm, synchronizeAll } from './manager';

/** What a bookkeeper sees of the table: its size and the first page's rows with their statuses. */
async function tableOf(dialog: Locator): Promise<string[]> {
  const pages = (await dialog.getByRole('navigation', { name: 'Entities pages' }).innerText()).split('·')[0]!.trim();
  const rows = await dialog
    .locator('tbody tr[data-row-key]')
    .evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-row-key')} ${tr.getAttribute('data-status')}`));
  return [pages, ...rows];
}

/**
 * Two bookkeepers, two browser profiles, one company: the links and decisions live in CStoreOffice,
 * so the second profile, with nothing stored, shows the table the first one left, and an issue
 * ignored in the second is ignored in the first.
 */
test("a second browser profile shows the first one's table after its sync, and shares its Ignore Issues", async ({
  context,
  openAudit,
  useSandboxSettings,
  otherBrowser,
  extensionId,
  qbo,
}) => {
  test.setTimeout(180_000);
  await useSandboxSettings();
  const { realmId } = await firstRealm(qbo.qbo.url);
  const audit = await openAudit();
  const dialog = await connectFromManager(context, audit, qbo.qbo.url, realmId);
  await synchronizeAll(dialog);
  const first = await tableOf(dialog);
  expect(first.length).toBeGreaterThan(5);

  const second = await otherBrowser();
  const audit2 = await second.openAudit();
  const dialog2 = await connectFromManager(second.context, audit2, qbo.qbo.url, realmId);
  // Read by itself after Connect, from CStoreOffice's links: the same rows, the same statuses.
  await expect.poll(() => tableOf(dialog2), { timeout: 60_000 }).toEqual(first);

  // Its popup's last sync is the first profile's run, saying who ran it.
  const popup = await second.context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByText(/Last sync .* Run by .*\(another browser\)\./)).toBeVisible({ timeout: 30_000 });
  await popup.close();

  // An error ignored in the second profile…
  await filterColumn(audit2, dialog2, 'Synchronization status', ['Synchronization Error']);
  const errors = dialog2.locator('tbody tr[data-status="error"]');
  const ignored = errors.filter({ has: audit2.getByRole('button', { name: 'Ignore Issues' }) }).first();
  const key = await ignored.getAttribute('data-row-key');
  await ignored.getByRole('button', { name: 'Ignore Issues' }).click();
  await expect(dialog2.getByTestId('notices')).toContainText('Issues ignored');

  // …is ignored in the first once it reads again.
  const row = dialog.locator(`tbody tr[data-row-key="${key}"]`);
  await expect(row).toHaveAttribute('data-status', 'error');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(row).toHaveAttribute('data-status', 'synchronized', { timeout: 60_000 });
});
