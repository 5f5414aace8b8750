import { expect, test } from './fixtures';
import { connectFromManager, control, firstRealm, qboApi, synchronizeAll } from './manager';

type CsoCustomer = { id: string; name: string; active: boolean };

test('a manual run that would remove many customers shows Review deletions, nothing is removed until it is confirmed, and Undo puts them back', async ({
  context,
  openAudit,
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

  const { realmId } = await firstRealm(qbo.qbo.url);
  const api = qboApi(qbo.qbo.url, realmId, qbo.qbo.mintToken(realmId).access_token);
  const activeInQbo = async () =>
    ((await api.query('SELECT * FROM Customer')).Customer ?? []).map((c) => (c as { DisplayName: string }).DisplayName);
  const dump = await control<{ companies: { records: { customers: CsoCustomer[] } }[] }>(cso.url, 'dump?company=1');
  const qboNames = new Set(await activeInQbo());
  const linked = dump.companies[0]!.records.customers.filter((c) => c.active && qboNames.has(c.name));
  // More than max(3, 10 %) of the linked customers: the breaker's ground.
  const removed = linked.slice(0, Math.max(4, Math.floor(linked.length / 10) + 1));
  expect(removed.length).toBeGreaterThan(3);
  for (const c of removed) await control(cso.url, `companies/1/customers/${c.id}`, undefined, 'DELETE');

  await synchronizeAll(dialog);
  const review = dialog.getByTestId('review-deletions');
  await expect(review).toBeVisible();
  await expect(review).toContainText('Review deletions');
  await expect(review).toContainText(`Customer: ${removed.length} of`);
  for (const c of removed) await expect(review).toContainText(c.name);
  await snap(audit, 'panel-review-deletions');
  // None of them was written: QuickBooks still has every one active.
  const stillActive = new Set(await activeInQbo());
  for (const c of removed) expect(stillActive.has(c.name), c.name).toBe(true);

  await review.getByTestId('confirm-deletions').click();
  await expect(dialog.getByTestId('run-summary')).toBeVisible({ timeout: 90_000 });
  await expect(review).toBeHidden();
  const after = new Set(await activeInQbo());
  for (const c of removed) expect(after.has(c.name), c.name).toBe(false);

  // History → Undo this run: asks first, then the deactivated customers are active in QuickBooks again.
  await dialog.getByRole('tab', { name: 'History' }).click();
  const undo = dialog.getByTestId('undo-run');
  await undo.scrollIntoViewIfNeeded();
  await undo.click();
  const ask = audit.getByRole('alertdialog').or(audit.getByRole('dialog', { name: /Undo this run/ }));
  await expect(ask).toContainText('Undo this run?');
  await expect(ask).toContainText('A record changed since that run is left as it is');
  await ask.getByRole('button', { name: 'Undo this run' }).click();
  await expect(audit.getByText('Run undone')).toBeVisible({ timeout: 30_000 });
  await expect(dialog.locator('.qsm-undone').first()).toHaveText('Undone');
  const restored = new Set(await activeInQbo());
  for (const c of removed) expect(restored.has(c.name), c.name).toBe(true);
});
