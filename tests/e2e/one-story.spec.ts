import { expect, test } from './fixtures';
import {
  connectFromManager,
  findRow,
  qboApi,
  reconnectFromManager,
  renameCustomerInQuickBooks,
  synchronizeAll,
} from './manager';

/**
 * The manager tells one story: a record renamed in QuickBooks is found by either name, a vendor that
 * exists only in QuickBooks says what it is and what it will become, and one run's words are the same
 * in the notice, the last-run box, History and the popup.
 */
test('one story: both names, a QuickBooks vendor named as such, one run told the same everywhere', async ({
  context,
  openAudit,
  openPopup,
  useSandboxSettings,
  qbo,
}) => {
  test.setTimeout(150_000);
  await useSandboxSettings();
  const audit = await openAudit();
  const dialog = await connectFromManager(context, audit, qbo.qbo.url);
  await synchronizeAll(dialog);

  // In QuickBooks: a customer renamed, and a vendor nobody has in CStoreOffice.
  const { qboId } = await findRow(dialog, 'City of Springfield');
  const realmId = await renameCustomerInQuickBooks(dialog, qbo, qboId, 'Springfield Municipal Fleet');
  const api = qboApi(qbo.qbo.url, realmId, qbo.qbo.mintToken(realmId).access_token);
  expect((await api.post('vendor', { DisplayName: 'Prairie Ice Supply' })).status).toBe(200);
  await reconnectFromManager(context, dialog, realmId);

  // Found by its new QuickBooks name, with both names on the row.
  const search = dialog.getByPlaceholder('Search name, ids, issue…');
  await search.fill('Springfield Municipal Fleet');
  const row = dialog.locator('tbody tr[data-row-key]').filter({ hasText: 'City of Springfield' });
  await expect(row).toContainText('Springfield Municipal Fleet', { timeout: 30_000 });
  await expect(row).toContainText('Waiting for Update in CStoreOffice');

  // The QuickBooks-only vendor is a QuickBooks vendor, becoming an accounting vendor in CStoreOffice.
  await search.fill('Prairie Ice Supply');
  const vendor = dialog.locator('tbody tr[data-row-key]').filter({ hasText: 'Prairie Ice Supply' });
  await expect(vendor).toContainText('Vendor (QuickBooks) → accounting vendor', { timeout: 30_000 });
  await expect(vendor).toContainText('Waiting for Creation in CStoreOffice');

  // One run, its words said the same way in every place.
  await dialog.getByTestId('synchronize').click();
  const summary = dialog.getByTestId('run-summary');
  await expect(summary).toBeVisible({ timeout: 90_000 });
  const title = (await summary.getByRole('heading').innerText()).trim();
  const words = title.replace(/^Last run: [^.]+\. /, '');
  expect(words.length).toBeGreaterThan(10);
  await expect(dialog.getByTestId('notices')).toContainText(words);
  await dialog.getByTestId('section-history').click();
  await expect(dialog.getByRole('region', { name: 'History table' }).locator('tbody tr').first()).toContainText(words);
  // Back to Entities: the section kept its search while the manager stayed open.
  await dialog.getByTestId('section-entities').click();
  await expect(search).toHaveValue('Prairie Ice Supply');
  await expect(vendor).toBeVisible();
  const popup = await openPopup();
  await expect(popup.getByTestId('company-card').first().getByTestId('last-sync')).toContainText(words);
});
