import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { control, send } from './manager';

/**
 * Names carrying HTML render as text: the CStoreOffice seed's customer
 * `<img src=x onerror=alert(1)> Test Customer` in the manager's table, and a QBO company named
 * with markup in the popup. No dialog opens, the literal text shows, no such img exists.
 */
const HOSTILE = '<img src=x onerror=alert(1)>';

const hostileImages = (page: Page) =>
  page.evaluate(() => {
    const all: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      all.push(...root.querySelectorAll('img[src="x"]'));
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return all.length;
  });

test('a name with HTML renders as text in the manager table and the popup', async ({
  context,
  extensionId,
  cso,
  qbo,
  openAudit,
  useSandboxSettings,
}) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  context.on('page', (p) => p.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss())));
  const { realmId } = await control<{ realmId: string }>(qbo.qbo.url, 'realms', {
    seed: 'empty',
    companyName: `${HOSTILE} Books`,
  });
  await control(qbo.qbo.url, 'auto-approve', { enabled: true, realmId }, 'PUT');
  await useSandboxSettings();

  const audit = await openAudit();
  audit.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
  const companyId = await audit.locator('input[type="hidden"][name="companyId"]').inputValue();
  const target = { companyId, origin: cso.url };
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/popup.html`);
  expect(await send<{ ok: boolean }>(ext, 'connect', target)).toMatchObject({ ok: true });
  await send(ext, 'synchronize', target);

  // The manager's table, searched down to the hostile customer.
  await audit.reload();
  await audit.locator('qbo-sync-manager').getByRole('button', { name: 'QB Sync Manager (extension)' }).click();
  const dialog = audit.getByRole('dialog', { name: 'QB Synchronization Manager' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Search entities').fill('onerror');
  const cell = dialog.locator('tbody td').filter({ hasText: `${HOSTILE} Test Customer` });
  await expect(cell.first()).toBeVisible();
  expect(await hostileImages(audit)).toBe(0);

  // The popup shows the QBO company's name as text.
  await ext.reload();
  await expect(ext.getByText(`${HOSTILE} Books`).first()).toBeVisible();
  expect(await hostileImages(ext)).toBe(0);
  expect(dialogs).toEqual([]);
});
