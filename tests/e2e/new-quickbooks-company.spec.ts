import { expect, test } from './fixtures';
import { connectFromManager, control } from './manager';

/**
 * Connecting to a QuickBooks company as Intuit creates it: the manager says once that class and
 * location tracking and account numbers are off there, and QuickBooks' own records are listed as
 * not imported, counted apart from errors in the preview.
 */
test('a new QuickBooks company: its settings told once, its own records not imported', async ({
  context,
  cso,
  qbo,
  openAudit,
  useSandboxSettings,
}) => {
  test.setTimeout(120_000);
  await useSandboxSettings();
  const { realmId } = await control<{ realmId: string }>(qbo.qbo.url, 'realms', { seed: 'new-company' });
  const audit = await openAudit();
  await audit.goto(`${cso.url}/app.php/accounting/audit?company=1`);
  const dialog = await connectFromManager(context, audit, qbo.qbo.url, realmId);

  const notices = dialog.getByTestId('qbo-notice');
  await expect(notices).toHaveCount(3);
  await expect(notices.nth(0)).toContainText(
    'Class tracking is off in QuickBooks, so classes are not sent there. Turn on class tracking in QuickBooks: Settings → Account and settings → Advanced → Categories.',
  );
  await expect(notices.nth(1)).toContainText('Location tracking is off in QuickBooks');
  await expect(notices.nth(2)).toContainText('Account numbers are off in QuickBooks');

  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = dialog.getByTestId('preview');
  await expect(preview.locator('[data-action="keptOut"]')).not.toHaveText('0', { timeout: 60_000 });
  await dialog.getByPlaceholder('Search name, ids, issue…').fill('Undeposited Funds');
  const row = dialog.locator('tbody tr[data-row-key]').filter({ hasText: 'Undeposited Funds' });
  await expect(row).toContainText('QuickBooks only (not imported)', { timeout: 30_000 });
  await expect(row).toContainText('QuickBooks keeps received payments here until they are deposited.');
});
