import { expect, test } from './fixtures';
import { connectFromManager, filterColumn, firstRealm, qboApi, synchronizeAll } from './manager';

test('row actions against both sandboxes: Ignore Issues, Link to a near match, Clear Sync History', async ({
  context,
  openAudit,
  useSandboxSettings,
  qbo,
  snap,
}) => {
  test.setTimeout(150_000);
  await useSandboxSettings();
  // Someone already keeps this customer in QuickBooks, spelled in lower case: a near match.
  const { realmId } = await firstRealm(qbo.qbo.url);
  const created = await qboApi(qbo.qbo.url, realmId, qbo.qbo.mintToken(realmId).access_token).post('customer', {
    DisplayName: 'city of springfield',
  });
  expect(created.status).toBe(200);
  const audit = await openAudit();
  const dialog = await connectFromManager(context, audit, qbo.qbo.url);
  await synchronizeAll(dialog);
  const notices = dialog.getByTestId('notices');

  // Only rows in error.
  await filterColumn(audit, dialog, 'Synchronization status', ['Synchronization Error']);
  const errors = dialog.locator('tbody tr[data-status="error"]');
  await expect(errors.first()).toBeVisible();

  // A near match offers to link to it, and linking clears the error.
  const nearMatch = errors.filter({ has: audit.getByRole('button', { name: /^Link to “/ }) }).first();
  await expect(nearMatch).toBeVisible();
  const nearKey = await nearMatch.getAttribute('data-row-key');
  const nearName = (await nearMatch.locator('td.qsm-name').innerText()).trim();
  await nearMatch.getByRole('button', { name: /^Link to “/ }).click();
  await expect(notices).toContainText('Linked to the near match');
  await expect(dialog.locator(`tbody tr[data-row-key="${nearKey}"][data-status="error"]`)).toHaveCount(0);

  // Ignore Issues on another error row: it leaves the error list.
  const ignored = errors.filter({ has: audit.getByRole('button', { name: 'Ignore Issues' }) }).first();
  const ignoredKey = await ignored.getAttribute('data-row-key');
  await ignored.getByRole('button', { name: 'Ignore Issues' }).click();
  await expect(notices).toContainText('Issues ignored');
  await expect(dialog.locator(`tbody tr[data-row-key="${ignoredKey}"][data-status="error"]`)).toHaveCount(0);

  // Clear Sync History asks first, says what it does, then forgets every link.
  await dialog.getByRole('button', { name: 'Clear Sync History' }).click();
  const confirm = audit.getByRole('alertdialog').or(audit.getByRole('dialog', { name: /Clear Sync History/ }));
  await expect(confirm).toContainText('nothing is deleted', { ignoreCase: true });
  await snap(audit, 'panel-clear-history');
  await confirm.getByRole('button', { name: /Clear/ }).last().click();
  await expect(notices).toContainText('Sync history cleared');
  await filterColumn(audit, dialog, 'Synchronization status', 'all');
  // Every row is recomputed at once, without another run: none reads Synchronized with its old link.
  await expect(dialog.locator('tbody tr[data-row-key]').first()).toBeVisible();
  await expect(dialog.locator('tbody tr[data-status="synchronized"]')).toHaveCount(0);
  // Links are gone: the pair linked by hand above is a near match again, offering the link.
  const relinkable = dialog.locator(`tbody tr[data-row-key="${nearKey}"]`);
  await dialog.getByPlaceholder('Search name, ids, issue…').fill(nearName);
  await expect(relinkable).toHaveAttribute('data-status', 'error', { timeout: 30_000 });
  await expect(relinkable.getByRole('button', { name: /^Link to “/ })).toBeVisible();
});
