import { expect, test } from './fixtures';
import { connectFromManager, control, firstRealm, synchronizeAll } from './manager';

test('a lost connection reads as lost, with why; Connect to QBO brings it back and Synchronize works again', async ({
  context,
  openAudit,
  useSandboxSettings,
  qbo,
}) => {
  test.setTimeout(150_000);
  await useSandboxSettings();
  const audit = await openAudit();
  const dialog = await connectFromManager(context, audit, qbo.qbo.url);
  await synchronizeAll(dialog);

  // 101 days later in QuickBooks' time: its refresh token has run out, so the next call is refused.
  await control(qbo.qbo.url, 'clock', { advance: '101d' });
  await dialog.getByTestId('synchronize').click();
  await expect(dialog.getByTestId('connection-state')).toHaveText('Connection lost', { timeout: 60_000 });
  await expect(dialog.getByTestId('connection-lost')).toContainText('QuickBooks refused the saved sign-in');
  await expect(dialog.getByRole('button', { name: 'Reconnect to QBO' })).toHaveCount(0);
  await expect(dialog.getByTestId('synchronize')).toBeDisabled();
  await expect(dialog.getByTestId('sync-scope')).toContainText(
    'Synchronize is not available until this company is connected',
  );

  const signIn = context.waitForEvent('page');
  await dialog.getByRole('button', { name: 'Connect to QBO' }).click();
  const intuit = await signIn;
  await intuit.getByLabel('Company').selectOption((await firstRealm(qbo.qbo.url)).realmId);
  await intuit.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByTestId('connection-state')).toHaveText('Connected', { timeout: 60_000 });
  await expect(dialog.getByTestId('connection-lost')).toHaveCount(0);
  await expect(dialog.getByTestId('synchronize')).toBeEnabled({ timeout: 90_000 });
  await dialog.getByTestId('synchronize').click();
  await expect(dialog.getByTestId('run-summary')).toBeVisible({ timeout: 90_000 });
  await expect(dialog.getByTestId('run-summary')).not.toContainText('connection');
});
