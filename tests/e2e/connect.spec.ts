import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { firstRealm } from './manager';

/** The Audit page reports its company; the popup then lists it. */
async function popupWithCompany(
  context: BrowserContext,
  openAudit: () => Promise<Page>,
  openPopup: () => Promise<Page>,
) {
  const audit = await openAudit();
  const companyName = await audit.locator('input[name="company"]').inputValue();
  const popup = await openPopup();
  const card = popup.getByTestId('company-card').filter({ hasText: companyName });
  await expect(card).toBeVisible();
  return { popup, card, companyName, audit };
}

test('Connect to QBO from the popup: Intuit sign-in, pick a company, the popup shows it; then Disconnect', async ({
  context,
  openAudit,
  openPopup,
  useSandboxSettings,
  qbo,
  snap,
}) => {
  await useSandboxSettings();
  const { popup, card } = await popupWithCompany(context, openAudit, openPopup);
  await expect(card.getByTestId('connection-state')).toHaveText('Not connected');

  const signIn = context.waitForEvent('page');
  await card.getByRole('button', { name: 'Connect' }).click();
  const intuit = await signIn;
  await expect(intuit.getByRole('heading', { level: 1 })).toContainText('wants to connect to your QuickBooks company');
  const realm = await firstRealm(qbo.qbo.url);
  await intuit.getByLabel('Company').selectOption(realm.realmId);
  await snap(intuit, 'qbo-authorize');
  await intuit.getByRole('button', { name: 'Connect' }).click();

  await expect(card.getByTestId('connection-state')).toHaveText('Connected');
  await expect(card).toContainText(realm.companyName);
  await expect(card).toContainText(realm.realmId);
  await snap(popup, 'popup-connected');

  // Tokens never reach the popup or the page: the popup's storage holds no token.
  const stored = await popup.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
  expect(stored).not.toMatch(/access_token|refresh_token|accessToken|refreshToken/);

  await card.getByRole('button', { name: 'Disconnect' }).click();
  await expect(card.getByTestId('connection-state')).toHaveText('Not connected');
});

test('Cancel on the Intuit page leaves the company unconnected and says so in words', async ({
  context,
  openAudit,
  openPopup,
  useSandboxSettings,
}) => {
  await useSandboxSettings();
  const { card } = await popupWithCompany(context, openAudit, openPopup);
  const signIn = context.waitForEvent('page');
  await card.getByRole('button', { name: 'Connect' }).click();
  const intuit = await signIn;
  await intuit.getByRole('button', { name: 'Cancel' }).click();
  await expect(
    card.getByRole('alert').filter({ hasText: 'QuickBooks access was not granted, so nothing was connected.' }),
  ).toBeVisible();
  await expect(card.getByTestId('connection-state')).toHaveText('Not connected');
});
