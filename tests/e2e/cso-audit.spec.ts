import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function signIn(page: Page, origin: string) {
  await page.goto(`${origin}/`);
  await expect(page.locator('#kc-login')).toBeVisible();
  await page.locator('#username').fill('auditor@demo.test');
  await page.locator('#password').fill('demo');
  await page.locator('#kc-login').click();
}

async function openAuditFromMenu(page: Page) {
  await page.getByRole('button', { name: 'Transactions' }).click();
  await page.getByRole('menuitem', { name: 'Audit' }).click();
  await expect(page.locator('.x-title-text', { hasText: 'Audit' }).first()).toBeVisible();
}

test('signing in to CStoreOffice and opening Transactions → Audit mounts the panel beside the Company field', async ({
  context,
  cso,
  snap,
}) => {
  const page = await context.newPage();
  await signIn(page, cso.url);
  await expect(page.getByText('Welcome to CStoreOffice')).toBeVisible();
  // Not the Audit page: nothing injected.
  await page.waitForTimeout(1200);
  await expect(page.locator('qbo-sync-manager')).toHaveCount(0);

  await openAuditFromMenu(page);
  const host = page.locator('qbo-sync-manager');
  await expect(host).toHaveCount(1);
  const ours = host.getByRole('button', { name: 'QB Sync Manager (extension)' });
  await expect(ours).toBeVisible();
  // CStoreOffice's own button keeps its name and its job; ours cannot be taken for it.
  await expect(page.getByRole('button', { name: 'Open QB Synchronization Manager', exact: true })).toHaveCount(1);
  // Found by name and classes, not by the generated ids: the host sits right after the Company field.
  expect(await host.evaluate((el) => el.previousElementSibling?.querySelector('input[name="company"]') !== null)).toBe(
    true,
  );

  const company = await page.locator('input[name="company"]').inputValue();
  await ours.click();
  const dialog = page.getByRole('dialog', { name: 'QB Synchronization Manager' });
  await expect(dialog.getByText(`Company: ${company}`)).toBeVisible();
  await expect(dialog.getByTestId('connection-state')).toHaveText('Not connected');
  await snap(page, 'cso-audit-panel');

  // Choosing another company in the dropdown: the manager follows it.
  await page.keyboard.press('Escape');
  await page.locator('input[name="company"]').click();
  const other = page.locator('.x-boundlist-item:not(.x-boundlist-selected)').first();
  const otherName = (await other.textContent())!.trim();
  await other.click();
  await expect(page).toHaveURL(/company=/);
  await ours.click();
  await expect(dialog.getByText(`Company: ${otherName}`)).toBeVisible();
});

test('other CStoreOffice pages get no panel', async ({ context, cso }) => {
  const page = await context.newPage();
  await signIn(page, cso.url);
  await page.getByRole('button', { name: 'Accounting' }).click();
  await page.getByRole('menuitem', { name: 'Chart of Accounts' }).click();
  await expect(page.locator('.x-title-text', { hasText: 'Chart of Accounts' }).first()).toBeVisible();
  await page.waitForTimeout(1200);
  await expect(page.locator('qbo-sync-manager')).toHaveCount(0);
});
