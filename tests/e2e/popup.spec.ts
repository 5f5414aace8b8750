import { seriousViolations } from './a11y';
import { expect, test } from './fixtures';

test('the popup lists a company seen on the Audit page, opens its Audit page, and passes axe', async ({
  context,
  fixturePages,
  openPopup,
  openOptions,
  snap,
}) => {
  const audit = await context.newPage();
  await audit.goto(`${fixturePages}/audit.html`);
  await audit.getByRole('button', { name: 'QB Sync Manager (extension)' }).click();
  await expect(audit.getByTestId('connection-state')).toHaveText('Not connected');

  const popup = await openPopup();
  const card = popup.getByTestId('company-card').filter({ hasText: 'Speedy Stop LLC' });
  await expect(card.getByTestId('connection-state')).toHaveText('Not connected');
  await expect(card.getByTestId('last-sync')).toHaveText('Never synchronized.');
  await expect(card.getByRole('button', { name: 'Connect to QBO', exact: true })).toBeVisible();
  // Not connected: nothing to sync yet, and the popup says where the manager lives.
  await expect(card.getByRole('button', { name: 'Sync now' })).toHaveCount(0);
  await expect(popup.getByText('Transactions → Audit')).toBeVisible();
  await expect(popup.getByText(/QuickBooks environment:/)).toBeVisible();
  await snap(popup, 'popup-status');

  expect(await seriousViolations(popup)).toEqual([]);

  const opened = context.waitForEvent('page');
  await card.getByRole('button', { name: 'Open Audit page' }).click();
  const tab = await opened;
  await expect(tab).toHaveURL(`${new URL(fixturePages).origin}/app.php/accounting/audit?company=101`);

  const options = await openOptions();
  await expect(options.getByLabel('Token broker URL')).toBeVisible();
  await snap(options, 'options-page');
});

test('after a run the popup shows the last sync and counts by status', async ({
  context,
  openAudit,
  openPopup,
  useSandboxSettings,
  qbo,
  snap,
}) => {
  test.setTimeout(120_000);
  await useSandboxSettings();
  const audit = await openAudit();
  const companyName = await audit.locator('input[name="company"]').inputValue();
  const popup = await openPopup();
  const card = popup.getByTestId('company-card').filter({ hasText: companyName });
  const signIn = context.waitForEvent('page');
  await card.getByRole('button', { name: 'Connect' }).click();
  const intuit = await signIn;
  const realms = (await (await fetch(`${qbo.qbo.url}/__sandbox/realms`)).json()) as
    | { realms?: { realmId: string }[] }
    | { realmId: string }[];
  await intuit.getByLabel('Company').selectOption((Array.isArray(realms) ? realms : (realms.realms ?? []))[0]!.realmId);
  await intuit.getByRole('button', { name: 'Connect' }).click();
  await expect(card.getByTestId('connection-state')).toHaveText('Connected');

  await card.getByRole('button', { name: 'Sync now' }).click();
  await expect(card.getByTestId('last-sync')).toContainText('Last sync', { timeout: 90_000 });
  await expect(card.getByTestId('counts')).toContainText('Synchronized');
  const synced = await card.locator('[data-testid="counts"] dt:text-is("Synchronized") + dd').innerText();
  expect(Number(synced)).toBeGreaterThan(0);
  await snap(popup, 'popup-after-run');
});
