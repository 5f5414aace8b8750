import { expect, test } from './fixtures';
import { connectFromManager, control, firstRealm, send, synchronizeAll } from './manager';

test('a page script’s synthetic clicks on Synchronize, Remove Link and Clear Sync History change nothing', async ({
  context,
  openAudit,
  useSandboxSettings,
  qbo,
  cso,
}) => {
  test.setTimeout(150_000);
  await useSandboxSettings();
  const audit = await openAudit();
  const dialog = await connectFromManager(context, audit, qbo.qbo.url);
  await synchronizeAll(dialog);
  const { realmId } = await firstRealm(qbo.qbo.url);
  const counters = async () => {
    const q = await control<{ total: number }>(qbo.qbo.url, `counters?realm=${realmId}`);
    const c = await control<{ counters: { byTag: Record<string, number> } }>(cso.url, 'counters?company=1');
    return { qbo: q.total, csoWrites: c.counters.byTag.write ?? 0 };
  };
  const synchronized = dialog.locator('tbody tr[data-status="synchronized"]');
  await expect(synchronized.first()).toBeVisible();
  const before = {
    counters: await counters(),
    synchronized: await dialog
      .locator('tbody tr[data-status]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status'))),
  };

  // A script of the CStoreOffice page (its main world) finds the manager's buttons and clicks them.
  const clicked = await audit.evaluate(() => {
    const host = document.querySelector('qbo-sync-manager');
    const roots: ShadowRoot[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (!el.shadowRoot) continue;
        roots.push(el.shadowRoot);
        walk(el.shadowRoot);
      }
    };
    walk(document);
    const buttons = roots.flatMap((r) => [...r.querySelectorAll('button')]);
    const press = (label: string) =>
      buttons
        .filter((b) => b.textContent?.trim() === label)
        .map((b) => {
          b.click();
          return label;
        });
    return {
      host: !!host,
      pressed: [...press('Synchronize'), ...press('Remove Link'), ...press('Clear Sync History')],
    };
  });
  expect(clicked.pressed).toContain('Synchronize');
  expect(clicked.pressed).toContain('Remove Link');
  await audit.waitForTimeout(2000);
  // No run started, no confirmation opened, no link removed, nothing sent to either side.
  await expect(dialog.getByRole('alertdialog')).toHaveCount(0);
  await expect(dialog.getByTestId('notices')).not.toContainText('Links removed');
  expect(await counters()).toEqual(before.counters);
  expect(
    await dialog.locator('tbody tr[data-status]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status'))),
  ).toEqual(before.synchronized);
});

test('the manager lives in closed shadow roots: a page script finds nothing to read or click', async ({
  openAudit,
  serviceWorker,
  cso,
}) => {
  // Test builds open the roots for Playwright unless told otherwise (see shadow-mode.ts); production always closes them.
  await serviceWorker.evaluate(async () => chrome.storage.local.set({ 'e2e:shadowMode': 'closed' }));
  const audit = await openAudit();
  const host = audit.locator('qbo-sync-manager');
  await expect(host).toBeAttached();
  // A person's click on the button opens the manager, as ever.
  await host.click();
  await expect(audit.locator('qbo-sync-manager-dialog')).toBeAttached();
  const writesBefore =
    (await control<{ counters: { byTag: Record<string, number> } }>(cso.url, 'counters?company=1')).counters.byTag
      .write ?? 0;

  const seen = await audit.evaluate(() => {
    const hosts = ['qbo-sync-manager', 'qbo-sync-manager-dialog'].map((name) => document.querySelector(name));
    const readable = [...document.querySelectorAll('*')]
      .filter((el) => el.shadowRoot)
      .map((el) => el.tagName.toLowerCase());
    const buttons = [...document.querySelectorAll('button')].filter((b) =>
      /Synchronize|Clear Sync History|Remove Link/.test(b.textContent ?? ''),
    );
    return {
      hosts: hosts.map((h) => !!h),
      roots: hosts.map((h) => h?.shadowRoot ?? null),
      readable,
      buttons: buttons.length,
    };
  });
  expect(seen).toEqual({ hosts: [true, true], roots: [null, null], readable: [], buttons: 0 });
  await audit.waitForTimeout(500);
  expect(
    (await control<{ counters: { byTag: Record<string, number> } }>(cso.url, 'counters?company=1')).counters.byTag
      .write ?? 0,
  ).toBe(writesBefore);
});

test('a page script that makes the Audit page name a company the user may not audit gets nothing: the manager says why', async ({
  openAudit,
  openPopup,
  cso,
}) => {
  const audit = await openAudit();
  const writesBefore =
    (await control<{ counters: { byTag: Record<string, number> } }>(cso.url, 'counters?company=1')).counters.byTag
      .write ?? 0;
  // The company id the content script reads comes from the page's DOM, which the page can change.
  await audit.evaluate(() => {
    const shown = document.querySelector<HTMLInputElement>('input[name="company"]')!;
    const hidden = document.querySelector<HTMLInputElement>('input[name="companyId"]')!;
    shown.value = 'Somebody Else Fuel LLC';
    hidden.value = '777';
    shown.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await audit.locator('qbo-sync-manager').getByRole('button', { name: 'QB Sync Manager (extension)' }).click();
  const dialog = audit.getByRole('dialog', { name: 'QB Synchronization Manager' });
  await expect(dialog.getByText('does not list company 777 among the companies your user may audit')).toBeVisible({
    timeout: 20_000,
  });
  // Nothing was written, and the toolbar does not list the company.
  expect(
    (await control<{ counters: { byTag: Record<string, number> } }>(cso.url, 'counters?company=1')).counters.byTag
      .write ?? 0,
  ).toBe(writesBefore);
  const popup = await openPopup();
  const overview = await send<{ companies: { companyId: string }[] }>(popup, 'getOverview', undefined);
  expect(overview.companies.map((c) => c.companyId)).not.toContain('777');
});
