import { expect, test } from './fixtures';
import { connectFromManager, control } from './manager';

type Day = { id: string; stationId: string; date: string; status: string };

/**
 * A store day audited in CStoreOffice reaches the books: the Transactions section posts it as a
 * journal entry, the row reads Synchronized with the entry's QuickBooks Id, the QuickBooks sandbox
 * holds the entry, and the tie-out for the month is exact.
 */
test('an audited day posts from the Transactions section to QuickBooks, and the month ties out', async ({
  context,
  openAudit,
  useSandboxSettings,
  qbo,
  cso,
}) => {
  test.setTimeout(180_000);
  await useSandboxSettings();
  // Prairie Express's two stations, four days (the last two of each still open), and a QuickBooks
  // company with nothing in it, so every account the days post to can be created there.
  await control(cso.url, 'companies/2/store-month', { stations: 2, days: 4, seed: 5, startDate: '2025-10-01' });
  const { realmId } = await control<{ realmId: string }>(qbo.qbo.url, 'realms', { seed: 'empty' });
  const dump = await control<{ companies: { transactions: { auditDays: Day[] } }[] }>(cso.url, 'dump?company=2');
  const open = dump.companies[0]!.transactions.auditDays.find((d) => d.status === 'open')!;
  await control(cso.url, `companies/2/audit-days/${open.id}/audit`, {});

  const audit = await openAudit();
  await audit.goto(`${cso.url}/app.php/accounting/audit?company=2`);
  await expect(audit.locator('qbo-sync-manager').first()).toBeAttached();
  const dialog = await connectFromManager(context, audit, qbo.qbo.url, realmId);
  await dialog.getByTestId('section-transactions').click();
  await dialog.getByTestId('txn-synchronize').click();

  const row = dialog.locator(`tbody tr[data-row-key="day:${open.id}"]`);
  await expect(row).toHaveAttribute('data-status', 'synchronized', { timeout: 120_000 });
  const qboId = (await row.locator('td').nth(5).innerText()).trim();
  expect(qboId).toMatch(/^\d+$/);
  await expect(row.getByRole('link', { name: qboId })).toHaveAttribute(
    'href',
    new RegExp(`/app/journal\\?txnId=${qboId}(&|$)`),
  );

  const realm = await control<{ JournalEntry?: { Id: string; TxnDate: string; PrivateNote: string }[] }>(
    qbo.qbo.url,
    `realms/${realmId}`,
  );
  const entry = realm.JournalEntry?.find((e) => e.Id === qboId);
  expect(entry).toMatchObject({
    TxnDate: open.date,
    PrivateNote: expect.stringContaining(`CStoreOffice day ${open.id}`),
  });

  // The month ties out to the cent.
  const tieOut = dialog.getByTestId('tie-out');
  await tieOut.getByTestId('tie-out-from').fill('2025-10-01');
  await tieOut.getByTestId('tie-out-to').fill('2025-10-31');
  await tieOut.getByRole('button', { name: 'Tie out' }).click();
  await expect(tieOut.getByTestId('tie-out-verdict')).toHaveText('Tied out to the cent.', { timeout: 30_000 });
  await expect(tieOut.getByTestId('tie-out-line').first()).toBeVisible();
});
