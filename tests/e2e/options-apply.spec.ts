import { expect, test } from './fixtures';
import { connectFromManager, filterColumn, findRow, firstRealm, qboApi, synchronizeAll } from './manager';

/** Options → Entities to synchronize takes effect in an open manager, without a reload, and in the next run. */
test('a type turned off in the options leaves the table and is not written; turned on, it comes back', async ({
  context,
  openAudit,
  openOptions,
  useSandboxSettings,
  qbo,
}) => {
  test.setTimeout(120_000);
  await useSandboxSettings();
  const { realmId } = await firstRealm(qbo.qbo.url);
  const api = qboApi(qbo.qbo.url, realmId, qbo.qbo.mintToken(realmId).access_token);
  const qboCustomers = async () =>
    (await api.query("select * from Customer where DisplayName = 'City of Springfield'")).Customer?.length ?? 0;

  const audit = await openAudit();
  const dialog = await connectFromManager(context, audit, qbo.qbo.url);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByTestId('preview')).toContainText('Create in QuickBooks');
  await filterColumn(audit, dialog, 'Type', ['Customer']);
  await expect(dialog.locator('tbody tr[data-row-key]').filter({ hasText: 'City of Springfield' })).toBeVisible();

  const options = await openOptions();
  await options.getByLabel('Customer', { exact: true }).uncheck();
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status')).toHaveText('Settings saved.');

  // The open manager follows at once: no customer rows are left.
  await audit.bringToFront();
  await expect(dialog.getByText('No entities match the filters.')).toBeVisible({ timeout: 30_000 });
  await filterColumn(audit, dialog, 'Type', 'all');
  await synchronizeAll(dialog);
  expect(await qboCustomers()).toBe(0);

  await options.bringToFront();
  await options.getByLabel('Customer', { exact: true }).check();
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status')).toHaveText('Settings saved.');
  await audit.bringToFront();
  await findRow(dialog, 'City of Springfield', 'waitingForCreation');
  await synchronizeAll(dialog);
  expect(await qboCustomers()).toBe(1);
});
