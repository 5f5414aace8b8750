/** Steps several manager specs share. */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Both sandboxes, the real background: Audit → manager → Connect to QBO → Preview → Synchronize.
 * Connects the sandbox's first realm unless `realmId` names another.
 */
export async function connectFromManager(context: BrowserContext, audit: Page, qboUrl: string, realmId?: string) {
  await audit.locator('qbo-sync-manager').getByRole('button', { name: 'QB Sync Manager (extension)' }).click();
  const dialog = audit.getByRole('dialog', { name: 'QB Synchronization Manager' });
  await expect(dialog.getByTestId('connection-state')).toHaveText('Not connected');
  const signIn = context.waitForEvent('page');
  await dialog.getByRole('button', { name: 'Connect to QBO' }).click();
  const intuit = await signIn;
  const realm = realmId ?? (await firstRealm(qboUrl)).realmId;
  await intuit.getByLabel('Company').selectOption(realm);
  await intuit.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByTestId('connection-state')).toHaveText('Connected');
  await expect(dialog).toContainText(realm);
  return dialog;
}

/**
 * Synchronize everything from the manager and wait for the run's summary. A first sync that would
 * fill CStoreOffice asks first (Review first sync): it is confirmed, as the accountant would.
 */
export async function synchronizeAll(dialog: Locator) {
  await dialog.getByTestId('synchronize').click();
  await expect(dialog.getByTestId('run-summary')).toBeVisible({ timeout: 90_000 });
  await confirmFirstSync(dialog);
}

/** Confirms Review first sync when the last run shows it, and waits for the confirmed run. */
export async function confirmFirstSync(dialog: Locator) {
  const review = dialog.getByTestId('review-first-sync');
  if (!(await review.isVisible())) return;
  await review.getByTestId('confirm-creates').click();
  await expect(review).toBeHidden({ timeout: 90_000 });
  await expect(dialog.getByTestId('run-summary')).toBeVisible({ timeout: 90_000 });
}

/** The QBO sandbox's first company (realm). */
export async function firstRealm(qboUrl: string): Promise<{ realmId: string; companyName: string }> {
  const realms = (await (await fetch(`${qboUrl}/__sandbox/realms`)).json()) as
    | { realms?: { realmId: string; companyName: string }[] }
    | { realmId: string; companyName: string }[];
  return (Array.isArray(realms) ? realms : (realms.realms ?? []))[0]!;
}

/** Calls the QBO sandbox's API as another QuickBooks user would. */
export function qboApi(qboUrl: string, realmId: string, accessToken: string) {
  const base = `${qboUrl}/v3/company/${realmId}`;
  const headers = {
    Authorization: `Bearer ${accessToken}`,
    Accept: 'application/json',
    'Content-Type': 'application/json',
  };
  return {
    get: async (path: string) =>
      (await fetch(`${base}/${path}?minorversion=75`, { headers })).json() as Promise<
        Record<string, Record<string, string>>
      >,
    post: async (path: string, body: unknown) =>
      fetch(`${base}/${path}?minorversion=75`, { method: 'POST', headers, body: JSON.stringify(body) }),
    query: async (sql: string) =>
      (
        (await (await fetch(`${base}/query?query=${encodeURIComponent(sql)}&minorversion=75`, { headers })).json()) as {
          QueryResponse: Record<string, unknown[] | undefined>;
        }
      ).QueryResponse,
  };
}

/**
 * Another QuickBooks user renames a customer: the connected realm is read off the manager, the
 * rename is a sparse update with the customer's current SyncToken. Returns the realm.
 */
export async function renameCustomerInQuickBooks(
  dialog: Locator,
  qboSandbox: { qbo: { url: string; mintToken(realmId: string): { access_token: string } } },
  qboId: string,
  name: string,
): Promise<string> {
  const realmId = (await dialog.innerText()).match(/realm (\d+)/)![1]!;
  const api = qboApi(qboSandbox.qbo.url, realmId, qboSandbox.qbo.mintToken(realmId).access_token);
  const current = await api.get(`customer/${qboId}`);
  const renamed = await api.post('customer', {
    Id: qboId,
    SyncToken: current.Customer!.SyncToken,
    sparse: true,
    DisplayName: name,
  });
  expect(renamed.status).toBe(200);
  return realmId;
}

type Reply<T> = { res?: T; err?: unknown };

/** Sends one protocol message from an extension page and waits for the background's reply. */
export async function send<T>(page: Page, type: string, data: unknown): Promise<T> {
  const reply = await page.evaluate(
    ([type, data]) =>
      new Promise<Reply<unknown>>((resolve) =>
        chrome.runtime.sendMessage(
          { id: Date.now(), type, data, timestamp: Date.now() },
          (r: Reply<unknown> | undefined) => resolve(r ?? { err: chrome.runtime.lastError?.message ?? 'no reply' }),
        ),
      ),
    [type, data] as const,
  );
  if (reply.err !== undefined) throw new Error(`${type}: ${JSON.stringify(reply.err)}`);
  return reply.res as T;
}

/** Calls a sandbox's control API (`/__sandbox/…`). */
export async function control<T>(
  base: string,
  path: string,
  body?: unknown,
  method = body === undefined ? 'GET' : 'POST',
): Promise<T> {
  const res = await fetch(`${base}/__sandbox/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Filters a column of the manager's table to `values` (labels), or to every value with 'all'. It
 * waits for the table to finish loading first and opens the menu again if it closed: PrimeVue's
 * popover closes itself when a reload scrolls the manager under it, as it would for a user.
 */
export async function filterColumn(page: Page, dialog: Locator, column: string, values: string[] | 'all') {
  await expect(dialog.locator('table.qsm-table')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  const menu = page.getByRole('group', { name: `Show ${column} values` });
  await expect(async () => {
    if (!(await menu.isVisible())) await dialog.getByRole('button', { name: `Filter ${column}` }).click();
    await menu.getByRole('button', { name: values === 'all' ? 'All' : 'None' }).click({ timeout: 2_000 });
    if (values !== 'all')
      for (const label of values) await menu.getByLabel(label, { exact: true }).check({ timeout: 2_000 });
    await menu.getByRole('button', { name: 'Apply' }).click({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(menu).toBeHidden();
  await expect(dialog.locator('table.qsm-table')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
}

/** Reconnect to QBO from the manager: Intuit's window again for the same company; the background re-reads both sides. */
export async function reconnectFromManager(context: BrowserContext, dialog: Locator, realmId: string) {
  const signIn = context.waitForEvent('page');
  await dialog.getByRole('button', { name: 'Reconnect to QBO' }).click();
  const intuit = await signIn;
  await intuit.getByLabel('Company').selectOption(realmId);
  await intuit.getByRole('button', { name: 'Connect' }).click();
  // Reconnect re-reads both sides and recomputes every row before the button is free again: on a
  // loaded machine that takes a while.
  await expect(dialog.getByRole('button', { name: 'Reconnect to QBO' })).toBeEnabled({ timeout: 90_000 });
}

/** Searches the table for `name` and returns its row (in `status`) with the CStoreOffice and QBO ids it shows. */
export async function findRow(dialog: Locator, name: string, status = 'synchronized') {
  await dialog.getByPlaceholder('Search name, ids, issue…').fill(name);
  const row = dialog.locator(`tbody tr[data-status="${status}"]`).filter({ hasText: name }).first();
  await expect(row).toBeVisible({ timeout: 30_000 });
  const key = (await row.getAttribute('data-row-key'))!;
  return {
    key,
    csoId: key.split(':')[2]!,
    qboId: (await row.locator('td').nth(4).innerText()).trim(),
    byKey: dialog.locator(`tbody tr[data-row-key="${key}"]`),
  };
}
