import { expect, test } from './fixtures';
import {
  confirmFirstSync,
  connectFromManager,
  filterColumn,
  reconnectFromManager,
  renameCustomerInQuickBooks,
  synchronizeAll,
} from './manager';

test('manager journey: connect, preview, synchronize, then page, sort, filter and select', async ({
  context,
  openAudit,
  useSandboxSettings,
  qbo,
  snap,
}) => {
  test.setTimeout(120_000);
  await useSandboxSettings();
  const audit = await openAudit();
  const dialog = await connectFromManager(context, audit, qbo.qbo.url);

  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = dialog.getByTestId('preview');
  await expect(preview).toContainText('Create in QuickBooks');
  await snap(audit, 'panel-preview');

  const sync = dialog.getByTestId('synchronize');
  await expect(sync).toHaveText('Synchronize');
  await sync.click();
  await expect(dialog.getByTestId('run-summary')).toBeVisible({ timeout: 90_000 });
  // The first sync asks before it fills CStoreOffice with QuickBooks' records, and says what they are.
  const review = dialog.getByTestId('review-first-sync');
  await expect(review).toContainText('Review first sync');
  await expect(review).toContainText('Account:');
  await snap(audit, 'panel-review-first-sync');
  await confirmFirstSync(dialog);
  const rows = dialog.locator('tbody tr[data-row-key]');
  await expect(rows.first()).toBeVisible();
  await expect(dialog.locator('tbody tr[data-status="synchronized"]').first()).toBeVisible();
  await snap(audit, 'panel-after-sync');

  // Sorting by name, then reversed.
  const name = dialog.locator('th[data-field="name"]');
  await name.getByRole('button').click();
  await expect(name).toHaveAttribute('aria-sort', 'ascending');
  const firstAsc = await rows.first().locator('td').nth(3).innerText();
  await name.getByRole('button').click();
  await expect(name).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first().locator('td').nth(3)).not.toHaveText(firstAsc);

  // Filter on one type: only that type is left.
  await filterColumn(audit, dialog, 'Type', ['Customer']);
  await expect(rows.first()).toContainText('Customer');
  const types = await rows.locator('td:nth-child(2)').allInnerTexts();
  expect(new Set(types)).toEqual(new Set(['Customer']));

  // The header checkbox selects this page only, and Synchronize says so.
  await dialog.getByTestId('select-page').click();
  const onPage = await rows.count();
  await expect(sync).toHaveText(`Synchronize ${onPage} selected`);

  // Remove Link on a synchronized row: the background accepts it and the page is read again.
  // (The row's status after removal is the background's to decide; see the report.)
  const linked = dialog.locator('tbody tr[data-status="synchronized"]').first();
  const key = await linked.getAttribute('data-row-key');
  await linked.getByRole('button', { name: 'Remove Link' }).click();
  await expect(dialog.getByTestId('notices')).toContainText('Links removed');
  await expect(dialog.locator(`tbody tr[data-row-key="${key}"]`)).toHaveCount(1);
  await snap(audit, 'panel-journey-end');
});

test('an edit in QuickBooks: Reconnect to QBO shows Waiting for Update, Synchronize carries it to CStoreOffice', async ({
  context,
  openAudit,
  openPopup,
  useSandboxSettings,
  qbo,
  cso,
  snap,
}) => {
  test.setTimeout(150_000);
  await useSandboxSettings();
  const audit = await openAudit();
  const dialog = await connectFromManager(context, audit, qbo.qbo.url);
  await synchronizeAll(dialog);

  // A synchronized customer, found with the search box.
  await dialog.getByPlaceholder('Search name, ids, issue…').fill('City of Springfield');
  const row = dialog.locator('tbody tr[data-status="synchronized"]').filter({ hasText: 'City of Springfield' }).first();
  await expect(row).toBeVisible();
  const csoId = (await row.getAttribute('data-row-key'))!.split(':')[2]!;
  const qboId = (await row.locator('td').nth(4).innerText()).trim();

  // Someone renames it in QuickBooks.
  const realmId = await renameCustomerInQuickBooks(dialog, qbo, qboId, 'City of Springfield Fleet');

  // Reconnect to QBO re-reads QuickBooks: the row now waits for an update in CStoreOffice.
  await reconnectFromManager(context, dialog, realmId);
  await dialog.getByPlaceholder('Search name, ids, issue…').fill('City of Springfield');
  const waiting = dialog.locator(`tbody tr[data-row-key="cso:customer:${csoId}"]`);
  await expect(waiting).toHaveAttribute('data-status', 'waitingForUpdate', { timeout: 30_000 });
  await expect(waiting).toContainText('Waiting for Update in CStoreOffice');
  await snap(audit, 'panel-waiting-for-update');

  await dialog.getByTestId('synchronize').click();
  await expect(waiting).toHaveAttribute('data-status', 'synchronized', { timeout: 60_000 });
  const dump = (await (await fetch(`${cso.url}/__sandbox/dump?company=1`)).json()) as unknown;
  expect(JSON.stringify(dump)).toContain('City of Springfield Fleet');

  // The popup tells the same story.
  const popup = await openPopup();
  await expect(popup.getByTestId('company-card').first().getByTestId('last-sync')).toContainText('Last sync');
});
