import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { control, send } from './manager';

/**
 * Synchronize clicked twice quickly in the manager, again from a second Audit tab, and sent twice
 * at once from two extension pages: one run happens. The history holds one entry and QBO took one
 * set of writes (the batch items it counted are exactly the run's QBO writes, none replayed).
 */

async function openManager(page: Page) {
  // The page's own ExtJS button has the same name: take ours, inside the extension's element.
  await page.locator('qbo-sync-manager').getByRole('button', { name: 'QB Sync Manager (extension)' }).click();
  const dialog = page.getByRole('dialog', { name: 'QB Synchronization Manager' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('connection-state')).toHaveText('Connected');
  return dialog;
}

type History = {
  entries: { runId: string; outcome: string; summary: { counts: Record<string, number> } }[];
  total: number;
};

test('Synchronize twice quickly, from a second tab and from two extension pages at once: one run', async ({
  context,
  extensionId,
  cso,
  qbo,
  openAudit,
  useSandboxSettings,
}) => {
  test.setTimeout(180_000);
  // Big enough that the run is still going when the last request arrives.
  await control(cso.url, 'reset', { seed: 'large', perType: 60 });
  await control(qbo.qbo.url, 'switches', { throttle: false }, 'PUT');
  const { realmId } = await control<{ realmId: string }>(qbo.qbo.url, 'realms', { seed: 'empty' });
  await control(qbo.qbo.url, 'auto-approve', { enabled: true, realmId }, 'PUT');
  await useSandboxSettings();
  const audit = await openAudit();
  const companyId = await audit.locator('input[type="hidden"][name="companyId"]').inputValue();
  const target = { companyId, origin: cso.url };
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/popup.html`);
  expect(await send<{ ok: boolean }>(ext, 'connect', target)).toMatchObject({ ok: true });
  const ext2 = await context.newPage();
  await ext2.goto(`chrome-extension://${extensionId}/popup.html`);
  const before = await control<{ byTag: Record<string, number> }>(qbo.qbo.url, `counters?realm=${realmId}`);

  // Two quick clicks in the manager, a click in a second Audit tab, and two messages at once.
  await audit.reload();
  const dialog = await openManager(audit);
  const second = await context.newPage();
  await second.goto(`${cso.url}/app.php/accounting/audit?company=${companyId}`);
  const dialog2 = await openManager(second);
  const button = dialog.getByTestId('synchronize');
  await button.click();
  const messages = Promise.all([
    send<{ outcome: string }>(ext, 'synchronize', target),
    send<{ outcome: string }>(ext2, 'synchronize', target),
  ]);
  await button.click({ force: true, timeout: 2000 }).catch(() => {}); // disabled while running is fine too
  await dialog2
    .getByTestId('synchronize')
    .click({ timeout: 5000 })
    .catch(() => {});
  const overview = await send<{ companies: { running: { runId: string } | null }[] }>(ext, 'getOverview', undefined);
  expect(overview.companies[0]?.running, 'the run is still going after every request').not.toBeNull();
  const replies = await messages;
  expect(replies[0]).toEqual(replies[1]);
  expect(replies[0]!.outcome).not.toBe('failed');

  await expect
    .poll(
      async () =>
        (await send<History>(ext, 'getHistory', { ...target, page: 0, pageSize: 10 })).entries.filter(
          (e) => e.outcome !== 'running',
        ).length,
    )
    .toBeGreaterThan(0);
  const history = await send<History>(ext, 'getHistory', { ...target, page: 0, pageSize: 10 });
  expect(history.total, JSON.stringify(history.entries)).toBe(1);

  // QBO took exactly the one run's writes: items = creates + updates + deactivations, none replayed.
  const after = await control<{ byTag: Record<string, number> }>(qbo.qbo.url, `counters?realm=${realmId}`);
  const delta = (tag: string) => (after.byTag[tag] ?? 0) - (before.byTag[tag] ?? 0);
  const counts = history.entries[0]!.summary.counts;
  const qboWrites = (counts.createInQbo ?? 0) + (counts.updateQbo ?? 0) + (counts.deactivateInQbo ?? 0);
  expect(qboWrites).toBeGreaterThan(0);
  expect(delta('batch-items')).toBe(qboWrites);
  expect(delta('replayed')).toBe(0);
  expect(delta('fault:6240')).toBe(0);
  console.log(`one run: ${JSON.stringify(counts)}; QBO batch calls ${delta('batch')}, items ${delta('batch-items')}`);
});
