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
