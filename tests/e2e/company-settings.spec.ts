import type { Locator } from '@playwright/test';
import { seriousViolations } from './a11y';
import { expect, test } from './fixtures';
import { connectFromManager, control } from './manager';

/**
 * The manager's Settings tab of the company shown. Its own panel: the Entities tab, kept while
 * hidden, may hold the first-sync setup with direction choices of the same names.
 */
async function openSettings(dialog: Locator): Promise<Locator> {
  await dialog.getByTestId('section-settings').click();
  const tab = dialog.getByRole('tabpanel', { name: 'Settings' });
  await expect(tab.getByTestId('settings-source')).toBeVisible({ timeout: 30_000 });
  return tab;
}

/** Searches the Entities table of the company shown. */
async function search(dialog: Locator, name: string) {
  await dialog.getByTestId('section-entities').click();
  await dialog.getByPlaceholder('Search name, ids, issue…').fill(name);
}

/** A choice saved in one company's Settings tab belongs to that company only. */
test("a company's own settings are kept for it, and another company starts from the options' values", async ({
  context,
  cso,
  qbo,
  openAudit,
  useSandboxSettings,
}) => {
  test.setTimeout(120_000);
  await useSandboxSettings();
  // A realm is connected to one company at most: the second company gets a QuickBooks company of its own.
  const second = await control<{ realmId: string }>(qbo.qbo.url, 'realms', { seed: 'empty' });

  const audit = await openAudit();
  await audit.goto(`${cso.url}/app.php/accounting/audit?company=1`);
  let dialog = await connectFromManager(context, audit, qbo.qbo.url);
  // Preview reads both sides, so the table has rows for a change of settings to recompute.
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByTestId('preview')).toContainText('Create in QuickBooks', { timeout: 60_000 });
  let settings = await openSettings(dialog);
  await expect(settings.getByTestId('settings-source')).toContainText("follows the options page's values");
  expect(await seriousViolations(audit, 'qbo-sync-manager-dialog')).toEqual([]);
  // Chosen with the keyboard: under load the lists' opening animation is no target for a click.
  await settings.getByTestId('direction-customer').click();
  await expect(settings.getByRole('option', { name: 'Off', exact: true })).toBeVisible();
  await audit.keyboard.press('End'); // Off is the last direction
  await audit.keyboard.press('Enter');
  await expect(settings.getByTestId('direction-customer')).toHaveText('Off');
  await settings.getByTestId('settings-policy').click();
  await expect(settings.getByRole('option', { name: 'QuickBooks wins', exact: true })).toBeVisible();
  await audit.keyboard.press('End'); // The most recent change wins
  await audit.keyboard.press('ArrowUp'); // QuickBooks wins
  await audit.keyboard.press('Enter');
  await expect(settings.getByTestId('settings-policy')).toHaveText('QuickBooks wins');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Settings saved' })).toHaveText(
    'Settings saved for this company.',
  );
  await expect(settings.getByTestId('settings-source')).toContainText('has its own settings');
  // Customers are off for this company: they leave its table at once.
  await search(dialog, 'City of Springfield');
  await expect(dialog.getByText('No entities match the filters.')).toBeVisible({ timeout: 30_000 });

  // Another company, connected to another realm: the options' values, untouched by the first's choice.
  await audit.goto(`${cso.url}/app.php/accounting/audit?company=2`);
  dialog = await connectFromManager(context, audit, qbo.qbo.url, second.realmId);
  settings = await openSettings(dialog);
  await expect(settings.getByTestId('settings-source')).toContainText("follows the options page's values");
  await expect(settings.getByTestId('direction-customer')).toHaveText('Both ways');
  await expect(settings.getByTestId('settings-policy')).toHaveText('Report the conflict and let me choose');
  await dialog.getByTestId('section-entities').click();
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByTestId('preview')).toContainText('Create in QuickBooks', { timeout: 60_000 });
  await search(dialog, 'Kansas Wheat Co-op');
  await expect(dialog.locator('tbody tr[data-row-key]').filter({ hasText: 'Kansas Wheat Co-op' })).toBeVisible({
    timeout: 30_000,
  });

  // Back to the first company, on a fresh page: its choice is still there.
  await audit.goto(`${cso.url}/app.php/accounting/audit?company=1`);
  await audit.locator('qbo-sync-manager').getByRole('button', { name: 'QB Sync Manager (extension)' }).click();
  dialog = audit.getByRole('dialog', { name: 'QB Synchronization Manager' });
  await expect(dialog.getByTestId('connection-state')).toHaveText('Connected');
  settings = await openSettings(dialog);
  await expect(settings.getByTestId('settings-source')).toContainText('has its own settings');
  await expect(settings.getByTestId('direction-customer')).toHaveText('Off');
  await expect(settings.getByTestId('direction-account')).toHaveText('Both ways');
  await expect(settings.getByTestId('settings-policy')).toHaveText('QuickBooks wins');
});
