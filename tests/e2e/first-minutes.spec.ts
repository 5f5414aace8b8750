import { expect, test } from './fixtures';
import { connectFromManager } from './manager';

test('after Connect the manager reads both companies by itself and lists every row with its status', async ({
  context,
  openAudit,
  useSandboxSettings,
  qbo,
}) => {
  await useSandboxSettings();
  const audit = await openAudit();
  const dialog = await connectFromManager(context, audit, qbo.qbo.url);
  // No Preview, no Synchronize: the rows come by themselves.
  const rows = dialog.locator('tbody tr[data-row-key]');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByTestId('reading')).toBeHidden();
  await expect(dialog).not.toContainText('No entities match the filters');
  await expect(dialog.getByRole('status').filter({ hasText: /^Rows 1–25 of \d+/ })).toBeVisible();
  await expect(dialog.locator('tbody tr[data-status="waitingForCreation"]').first()).toBeVisible();
});

test('the first-sync setup appears after Connect; its choices are saved for the company and the run does what it said', async ({
  context,
  openAudit,
  useSandboxSettings,
  qbo,
}) => {
  test.setTimeout(120_000);
  await useSandboxSettings();
  const audit = await openAudit();
  const dialog = await connectFromManager(context, audit, qbo.qbo.url);
  const setup = dialog.getByTestId('first-sync-setup');
  await expect(setup).toBeVisible({ timeout: 30_000 });
  const summary = setup.getByTestId('setup-summary');
  await expect(summary.locator('tr[data-type="customer"]')).toBeVisible();

  // Customers off: the summary is planned again and no longer creates any.
  // Chosen with the keyboard (Off is the last choice): the list's opening animation is no target for a click.
  const customers = setup.getByTestId('direction-customer');
  await customers.click();
  await expect(setup.getByRole('option', { name: 'Off', exact: true })).toBeVisible();
  await audit.keyboard.press('End');
  await audit.keyboard.press('Enter');
  await expect(customers).toContainText('Off');
  await expect(summary.locator('tr[data-type="customer"]')).toHaveCount(0, { timeout: 30_000 });
  const confirm = setup.getByTestId('confirm-setup');
  await expect(confirm).toBeEnabled({ timeout: 30_000 });
  const said = Number((await confirm.innerText()).match(/\((\d+) to create\)/)![1]);

  await confirm.click();
  const run = dialog.getByTestId('run-summary');
  await expect(run).toBeVisible({ timeout: 90_000 });
  await expect(setup).toBeHidden();
  const created =
    Number(await run.locator('[data-action="createInQbo"]').innerText()) +
    Number(await run.locator('[data-action="createInCso"]').innerText());
  expect(created).toBe(said);

  // Saved for this company: its Settings show the choice, and the setup is confirmed.
  await dialog.getByTestId('section-settings').click();
  await expect(dialog.getByTestId('direction-customer')).toContainText('Off');
  await expect(dialog.getByTestId('setup-unconfirmed')).toHaveCount(0);
});
