import { seriousViolations } from './a11y';
import { expect, test } from './fixtures';

// Fixed by manifest.key, so Intuit can be given one redirect URI for every install.
const FIXED_EXTENSION_ID = 'lfnpgbccfgpgpbbmpgdombjkfnlekmcc';

test('the service worker starts with the fixed extension id', async ({ serviceWorker, extensionId }) => {
  expect(serviceWorker.url()).toBe(`chrome-extension://${FIXED_EXTENSION_ID}/background.js`);
  expect(extensionId).toBe(FIXED_EXTENSION_ID);
  // The worker registered its message handlers: it is wired, not merely loaded.
  expect(await serviceWorker.evaluate(() => chrome.runtime.onMessage.hasListeners())).toBe(true);
});

test('the popup shows the real state, before and after a company is seen', async ({
  openPopup,
  context,
  fixturePages,
  snap,
}) => {
  const popup = await openPopup();
  await expect(popup.getByTestId('no-company')).toHaveText('No company connected yet.');
  await expect(popup.getByText('Transactions → Audit')).toBeVisible();
  await snap(popup, 'popup-empty');

  const audit = await context.newPage();
  await audit.goto(`${fixturePages}/audit.html`);
  await audit.getByRole('button', { name: 'QB Sync Manager (extension)' }).click();
  await expect(audit.getByTestId('connection-state')).toHaveText('Not connected');

  await popup.reload();
  const card = popup.getByTestId('company-card');
  await expect(card).toContainText('Speedy Stop LLC');
  await expect(card.getByTestId('connection-state')).toHaveText('Not connected');
  await snap(popup, 'popup-company-seen');
});

test('the options page validates, saves and reloads settings', async ({ openOptions, snap }) => {
  const options = await openOptions();
  const broker = options.getByLabel('Token broker URL');
  await expect(broker).toHaveValue('http://127.0.0.1:8730');
  expect(await seriousViolations(options)).toEqual([]);

  await broker.fill('not a url');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByText('Enter a full URL')).toBeVisible();
  // The error is readable too (contrast of the error message).
  expect(await seriousViolations(options)).toEqual([]);
  await options.reload();
  await expect(options.getByLabel('Token broker URL')).toHaveValue('http://127.0.0.1:8730');

  await options.getByLabel('Token broker URL').fill('https://broker.example.com/');
  await options.getByLabel('QuickBooks wins').check();
  await options.getByLabel('Location (station)', { exact: true }).uncheck();
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status')).toHaveText('Settings saved.');
  await snap(options, 'options-saved');

  await options.reload();
  await expect(options.getByLabel('Token broker URL')).toHaveValue('https://broker.example.com');
  await expect(options.getByLabel('QuickBooks wins')).toBeChecked();
  await expect(options.getByLabel('Location (station)', { exact: true })).not.toBeChecked();
  await expect(options.getByLabel('Data type', { exact: true })).toBeChecked();
});

test('on the Audit page the panel mounts in a shadow root, styled, without touching the page', async ({
  context,
  fixturePages,
  snap,
}) => {
  const page = await context.newPage();
  await page.goto(`${fixturePages}/audit.html`);
  const open = page.getByRole('button', { name: 'QB Sync Manager (extension)' });
  await expect(open).toBeVisible();

  const host = page.locator('qbo-sync-manager');
  await expect(host).toHaveCount(1);
  expect(await host.evaluate((el) => el.shadowRoot?.mode)).toBe('open');
  // Right after the Company field, as the accountant expects.
  expect(await host.evaluate((el) => el.previousElementSibling?.id)).toBe('combobox-1047');

  await page.mouse.move(0, 0);
  const style = await open.evaluate((el) => {
    const s = getComputedStyle(el);
    return { background: s.backgroundColor, color: s.color, radius: s.borderTopLeftRadius };
  });
  expect(style.background).toBe('rgb(4, 120, 87)'); // the theme's primary colour (emerald 700), not the page's red
  expect(style.color).toBe('rgb(255, 255, 255)');
  expect(style.radius).not.toBe('0px');

  // The page's own styles are untouched, and PrimeVue's tags in the page's head are switched off.
  const pageButton = await page.locator('#page-own-button').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(pageButton).toBe('rgb(200, 0, 0)');
  const leaked = await page.evaluate(
    () =>
      [...document.head.querySelectorAll('style[data-primevue-style-id]')].filter(
        (s) => (s as HTMLStyleElement).media !== 'not all',
      ).length,
  );
  expect(leaked).toBe(0);

  // An overlay (the manager dialog) renders inside the shadow root and is styled there too.
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'QB Synchronization Manager' });
  await expect(dialog).toBeVisible();
  // The manager mounts as its own full-screen shadow-root UI at the end of <body>.
  const managerHost = page.locator('qbo-sync-manager-dialog');
  expect(
    await managerHost.evaluate(
      (el) => el.parentElement === document.body && !!el.shadowRoot?.querySelector('[role="dialog"]'),
    ),
  ).toBe(true);
  const dialogStyle = await dialog.evaluate((el) => {
    const s = getComputedStyle(el);
    return { background: s.backgroundColor, shadow: s.boxShadow };
  });
  expect(dialogStyle.background).toBe('rgb(255, 255, 255)');
  expect(dialogStyle.shadow).not.toBe('none');
  await expect(dialog.getByText('Company: Speedy Stop LLC')).toBeVisible();
  await expect(dialog.getByTestId('connection-state')).toHaveText('Not connected');
  await snap(page, 'panel-dialog');

  // It follows the Company dropdown.
  await page.keyboard.press('Escape');
  await page.locator('#switch-company').click();
  await open.click();
  await expect(dialog.getByText('Company: Corner Fuel Inc.')).toBeVisible();
});

test('on a page that is not the Audit page nothing is injected', async ({ context, fixturePages }) => {
  const page = await context.newPage();
  await page.goto(`${fixturePages}/not-audit.html`);
  await expect(page.getByText('Shift Reports')).toBeVisible();
  // Give the content script's observer time to look twice.
  await page.waitForTimeout(1500);
  await expect(page.locator('qbo-sync-manager')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'QB Sync Manager (extension)' })).toHaveCount(0);
});
