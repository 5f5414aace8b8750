import type { Locator, Page } from '@playwright/test';
import { seriousViolations } from './a11y';
import { expect, test } from './fixtures';

/**
 * The manager on the Audit page: a full-screen modal shadow-root UI opened by the inline button.
 * These checks need only the background's getCompany (the rows, sync and action handlers are
 * exercised by the component tests until the background serves them).
 */
async function openManager(page: Page) {
  await page.getByRole('button', { name: 'QB Sync Manager (extension)' }).click();
  const dialog = page.getByRole('dialog', { name: 'QB Synchronization Manager' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('connection-state')).toBeVisible();
  return dialog;
}

test('the manager opens above the page with the seed labels, in its own shadow root', async ({
  context,
  fixturePages,
  snap,
}) => {
  const page = await context.newPage();
  await page.goto(`${fixturePages}/audit.html`);
  const dialog = await openManager(page);

  // Mounted at the end of <body>, covering the whole viewport: nothing of the page sits above it.
  const host = page.locator('qbo-sync-manager-dialog');
  expect(await host.evaluate((el) => el.parentElement === document.body && !!el.shadowRoot)).toBe(true);
  expect(await page.evaluate(() => document.elementFromPoint(5, 5)?.tagName.toLowerCase())).toBe(
    'qbo-sync-manager-dialog',
  );

  await expect(dialog.getByText('Company: Speedy Stop LLC')).toBeVisible();
  await expect(dialog.getByTestId('connection-state')).toHaveText('Not connected');
  await expect(dialog.getByRole('button', { name: 'Connect to QBO' })).toBeVisible();
  // Not connected: Synchronize stays in its place, disabled, and the panel says why.
  await expect(dialog.getByTestId('synchronize')).toBeDisabled();
  await expect(dialog.getByText('so Synchronize is not available')).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Entities' })).toBeVisible();
  // Sections as the seed names them, as tabs: Entities first, Transactions beside it, then History.
  await expect(dialog.getByRole('tab', { name: 'Entities' })).toHaveAttribute('aria-selected', 'true');
  expect(await dialog.getByRole('tab').allInnerTexts()).toEqual(['Entities', 'Transactions', 'History', 'Settings']);
  await dialog.getByRole('tab', { name: 'History' }).click();
  await expect(dialog.getByRole('heading', { name: 'History' })).toBeVisible();
  await dialog.getByRole('tab', { name: 'Entities' }).click();
  // And by keyboard: an arrow key moves along the tabs, Enter opens one.
  await dialog.getByRole('tab', { name: 'Entities' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('tab', { name: 'Transactions' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('tab', { name: 'Entities' })).toHaveAttribute('aria-selected', 'true');
  for (const label of ['Preview', 'Remove Links', 'Ignore Issues', 'Clear Sync History', 'Export CSV']) {
    await expect(dialog.getByRole('button', { name: label, exact: true })).toBeVisible();
  }
  const headers = await dialog.locator('thead th').allInnerTexts();
  expect(headers.map((h) => h.trim()).slice(1)).toEqual([
    'Type',
    'CSO Id',
    'Name',
    'QBO Id',
    'Issue detail',
    'Synchronization status',
    'Actions',
  ]);
  await snap(page, 'panel-manager');

  // The page's styles are untouched by ours, and PrimeVue's copies in the page's head are off.
  await page.mouse.move(0, 0);
  expect(await page.locator('#page-own-button').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
    'rgb(200, 0, 0)',
  );
  const leaked = await page.evaluate(
    () =>
      [...document.head.querySelectorAll('style[data-primevue-style-id]')].filter(
        (s) => (s as HTMLStyleElement).media !== 'not all',
      ).length,
  );
  expect(leaked).toBe(0);
  // And the page's `button { background: red }` does not reach ours.
  const preview = dialog.getByRole('button', { name: 'Preview' });
  expect(await preview.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgb(200, 0, 0)');
});

/**
 * Tells every element that scrolls `target` (across shadow roots) that it scrolled, as a wheel turn
 * would, then waits out an overlay's closing animation (an overlay that is closing still looks visible).
 */
async function scrollAround(target: Locator) {
  await target.evaluate((el) => {
    let node: Node | null = el.parentNode;
    while (node) {
      if (node instanceof Element) {
        const style = getComputedStyle(node);
        if (/(auto|scroll)/.test(style.overflow + style.overflowX + style.overflowY))
          node.dispatchEvent(new Event('scroll'));
        node = node.parentNode;
      } else node = node instanceof ShadowRoot ? node.host : node.parentNode;
    }
    window.dispatchEvent(new Event('scroll'));
  });
  await target.page().waitForTimeout(600);
}

test('overlays stay inside the shadow root; keyboard: Enter sorts, Escape closes overlay then manager', async ({
  context,
  fixturePages,
  snap,
}) => {
  const page = await context.newPage();
  await page.goto(`${fixturePages}/audit.html`);
  const dialog = await openManager(page);
  const shadowHas = (selector: string) =>
    page.locator('qbo-sync-manager-dialog').evaluate((el, s) => !!el.shadowRoot?.querySelector(s), selector);

  // The Type filter menu: opened from the keyboard, rendered in our shadow root, not the page's body.
  const filter = dialog.getByRole('button', { name: 'Filter Type' });
  await filter.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('group', { name: 'Show Type values' });
  await expect(menu).toBeVisible();
  expect(await shadowHas('.p-popover .qsm-filter-menu')).toBe(true);
  expect(
    await page.evaluate(() => document.body.querySelectorAll(':scope > .p-popover, :scope > .p-select-overlay').length),
  ).toBe(0);
  // Placed right under its button.
  const [b, m] = [await filter.boundingBox(), await menu.boundingBox()];
  expect(Math.abs(m!.y - (b!.y + b!.height))).toBeLessThan(40);
  await expect(menu.getByLabel('Customer')).toBeVisible();
  // Something scrolls beneath it (the table, the dialog): the menu stays open, under its button.
  await scrollAround(filter);
  await expect(menu).toBeVisible();
  await expect(menu.getByLabel('Customer')).toBeVisible();
  await snap(page, 'panel-filter-menu');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(dialog).toBeVisible();

  // Sorting from the keyboard.
  const nameHeader = dialog.locator('th[data-field="name"]');
  await nameHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await page.keyboard.press('Space');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');

  // The page-size list opens inside the shadow root too.
  await dialog.getByRole('combobox', { name: 'Rows per page' }).click();
  await expect(page.getByRole('option', { name: '50' })).toBeVisible();
  expect(await shadowHas('.p-select-overlay')).toBe(true);
  await scrollAround(dialog.getByRole('combobox', { name: 'Rows per page' }));
  await expect(page.getByRole('option', { name: '50' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('option', { name: '50' })).toBeHidden();

  // Clear Sync History asks first, in a confirmation inside the shadow root.
  await dialog.getByRole('button', { name: 'Clear Sync History' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Clear Sync History?' });
  await expect(confirm).toContainText('Nothing is deleted in CStoreOffice or in QuickBooks');
  expect(await shadowHas('.p-confirmdialog')).toBe(true);
  await snap(page, 'panel-clear-history-confirm');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();

  // Escape closes the manager and gives focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator('qbo-sync-manager-dialog')).toHaveCount(0);
  const focused = await page
    .locator('qbo-sync-manager')
    .evaluate((el) => el.shadowRoot?.activeElement?.textContent?.trim());
  expect(focused).toBe('QB Sync Manager (extension)');
});

test('no serious or critical axe violations in the button and the manager', async ({ context, fixturePages }) => {
  const page = await context.newPage();
  await page.goto(`${fixturePages}/audit.html`);
  await expect(page.getByRole('button', { name: 'QB Sync Manager (extension)' })).toBeVisible();
  expect(await seriousViolations(page, 'qbo-sync-manager')).toEqual([]);
  await openManager(page);
  expect(await seriousViolations(page, 'qbo-sync-manager-dialog')).toEqual([]);
});

test('readable at 200 % zoom and in a narrow window: the toolbar wraps, the table scrolls sideways', async ({
  context,
  fixturePages,
  snap,
}) => {
  const page = await context.newPage();
  // 640 CSS px at device scale 2 is what a 1280 px window shows at 200 % zoom.
  await page.setViewportSize({ width: 640, height: 800 });
  await page.goto(`${fixturePages}/audit.html`);
  const dialog = await openManager(page);
  const toolbar = dialog.getByRole('toolbar', { name: 'Entities actions' });
  const box = await toolbar.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(640);
  expect(box!.height).toBeGreaterThan(60); // wrapped onto more than one line
  const region = dialog.getByRole('region', { name: /Entities table/ });
  const sizes = await region.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
  expect(sizes.scroll).toBeGreaterThan(sizes.client);
  // The manager itself never scrolls sideways.
  const dialogBox = await dialog.boundingBox();
  expect(dialogBox!.width).toBeLessThanOrEqual(640);
  await snap(page, 'panel-manager-narrow');
});

test('Options in the manager and Settings in the popup open the options page', async ({
  context,
  fixturePages,
  openPopup,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(`${fixturePages}/audit.html`);
  const dialog = await openManager(page);
  const fromManager = context.waitForEvent('page');
  await dialog.getByRole('button', { name: 'Options' }).click();
  const options = await fromManager;
  await expect(options).toHaveURL(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByLabel('Token broker URL')).toBeVisible();
  await options.close();

  const popup = await openPopup();
  const fromPopup = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Settings' }).click();
  await expect(await fromPopup).toHaveURL(`chrome-extension://${extensionId}/options.html`);
});
