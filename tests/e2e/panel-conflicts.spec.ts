import { expect, test } from './fixtures';
import {
  connectFromManager,
  control,
  findRow,
  firstRealm,
  qboApi,
  reconnectFromManager,
  synchronizeAll,
} from './manager';

type CsoCustomer = { id: string; name: string; email: string | null; phone: string | null; version: number };

test('a record edited on both sides is a Synchronization Error; Keep CStoreOffice and Keep QuickBooks each carry the kept value over', async ({
  context,
  openAudit,
  useSandboxSettings,
  qbo,
  cso,
  snap,
}) => {
  test.setTimeout(150_000);
  await useSandboxSettings();
  const audit = await openAudit();
  const dialog = await connectFromManager(context, audit, qbo.qbo.url);
  await synchronizeAll(dialog);

  const greenway = await findRow(dialog, 'Greenway Landscaping');
  const springfield = await findRow(dialog, 'City of Springfield');
  const { realmId } = await firstRealm(qbo.qbo.url);
  const api = qboApi(qbo.qbo.url, realmId, qbo.qbo.mintToken(realmId).access_token);
  const qboCustomer = async (id: string) =>
    (await api.get(`customer/${id}`)).Customer as unknown as {
      SyncToken: string;
      PrimaryPhone?: { FreeFormNumber: string };
      PrimaryEmailAddr?: { Address: string };
    };
  const csoCustomer = async (id: string) => {
    const dump = await control<{ companies: { records: { customers: CsoCustomer[] } }[] }>(cso.url, 'dump?company=1');
    return dump.companies[0]!.records.customers.find((c) => c.id === id)!;
  };

  // Both sides change the same field differently: a clerk in CStoreOffice, a bookkeeper in QuickBooks.
  await control(cso.url, `companies/1/customers/${greenway.csoId}`, { phone: '(214) 555-0121' }, 'PATCH');
  await control(cso.url, `companies/1/customers/${springfield.csoId}`, { email: 'cso@springfield.example' }, 'PATCH');
  const g = await qboCustomer(greenway.qboId);
  expect(
    (
      await api.post('customer', {
        Id: greenway.qboId,
        SyncToken: g.SyncToken,
        sparse: true,
        PrimaryPhone: { FreeFormNumber: '(214) 555-0122' },
      })
    ).status,
  ).toBe(200);
  const s = await qboCustomer(springfield.qboId);
  expect(
    (
      await api.post('customer', {
        Id: springfield.qboId,
        SyncToken: s.SyncToken,
        sparse: true,
        PrimaryEmailAddr: { Address: 'qbo@springfield.example' },
      })
    ).status,
  ).toBe(200);

  // Reconnect to QBO reads both sides again: each row is a conflict that says what changed where.
  await reconnectFromManager(context, dialog, realmId);
  const search = dialog.getByPlaceholder('Search name, ids, issue…');
  await search.fill('Greenway Landscaping');
  await expect(greenway.byKey).toHaveAttribute('data-status', 'error', { timeout: 30_000 });
  await expect(greenway.byKey).toContainText('Synchronization Error');
  await expect(greenway.byKey.locator('td.qsm-issue')).toContainText('Changed on both sides');
  await expect(greenway.byKey.locator('td.qsm-issue')).toContainText(
    'The phone changed in both CStoreOffice (phone “(214) 555-0121”) and QuickBooks (phone “(214) 555-0122”)',
  );
  await snap(audit, 'panel-conflict');
  await greenway.byKey.getByRole('button', { name: 'Keep CStoreOffice' }).click();
  await expect(dialog.getByTestId('notices')).toContainText('CStoreOffice version kept');
  await expect(greenway.byKey).toHaveAttribute('data-status', 'waitingForUpdate', { timeout: 30_000 });
  await expect(greenway.byKey).toContainText('Waiting for Update in QuickBooks');

  await search.fill('City of Springfield');
  await expect(springfield.byKey).toHaveAttribute('data-status', 'error', { timeout: 30_000 });
  await expect(springfield.byKey.locator('td.qsm-issue')).toContainText('email “cso@springfield.example”');
  await springfield.byKey.getByRole('button', { name: 'Keep QuickBooks' }).click();
  await expect(dialog.getByTestId('notices')).toContainText('QuickBooks version kept');
  await expect(springfield.byKey).toHaveAttribute('data-status', 'waitingForUpdate', { timeout: 30_000 });
  await expect(springfield.byKey).toContainText('Waiting for Update in CStoreOffice');

  await dialog.getByTestId('synchronize').click();
  await expect(springfield.byKey).toHaveAttribute('data-status', 'synchronized', { timeout: 60_000 });
  await search.fill('Greenway Landscaping');
  await expect(greenway.byKey).toHaveAttribute('data-status', 'synchronized', { timeout: 30_000 });

  // Both sides now hold the kept value.
  expect((await qboCustomer(greenway.qboId)).PrimaryPhone?.FreeFormNumber).toBe('(214) 555-0121');
  expect((await csoCustomer(greenway.csoId)).phone).toBe('(214) 555-0121');
  expect((await qboCustomer(springfield.qboId)).PrimaryEmailAddr?.Address).toBe('qbo@springfield.example');
  expect((await csoCustomer(springfield.csoId)).email).toBe('qbo@springfield.example');
});
