import { expect, test } from './fixtures';
import { control } from './manager';

test('History lists a run made in another browser, read from CStoreOffice, marked as from another browser', async ({
  openAudit,
  cso,
  useSandboxSettings,
}) => {
  await useSandboxSettings();
  const audit = await openAudit();
  const companyId = await audit.locator('input[type="hidden"][name="companyId"]').inputValue();
  // Another browser's run, as its extension appends it (contract v1.3): this profile has no History.
  const { cookie } = await control<{ cookie: string }>(cso.url, 'sessions', {});
  const appended = await fetch(`${cso.url}/api/qbo-sync/v1/companies/${companyId}/qbo-sync/runs`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'idempotency-key': 'other-browser-run-1' },
    body: JSON.stringify({
      startedAt: '2025-06-02T13:00:00.000Z',
      finishedAt: '2025-06-02T13:01:00.000Z',
      outcome: 'partial',
      message: 'Created 3 in QuickBooks; 1 row failed.',
      counts: { createInQbo: 3, errors: 1 },
      by: 'Sam Roe (sam@demo.test)',
    }),
  });
  expect(appended.status).toBe(201);

  await audit.locator('qbo-sync-manager').getByRole('button', { name: 'QB Sync Manager (extension)' }).click();
  const dialog = audit.getByRole('dialog', { name: 'QB Synchronization Manager' });
  await dialog.getByRole('tab', { name: 'History' }).click();
  const history = dialog.getByRole('region', { name: 'History table' });
  await expect(history.locator('tbody tr')).toHaveCount(1);
  const cells = history.locator('tbody tr td');
  await expect(cells.nth(1)).toHaveText('Sam Roe (sam@demo.test) (another browser)');
  await expect(cells.nth(2)).toContainText('Created 3 in QuickBooks; 1 row failed.');
  await expect(cells.nth(3)).toContainText('3');
  await expect(cells.nth(4)).toContainText('1 row failed; the details are in the browser that ran it.');
  await expect(dialog.getByTestId('history-shared')).toHaveCount(0);
});
