import { expect, test } from './fixtures';
import { connectFromManager, control } from './manager';

/**
 * A run that QuickBooks throttles waits, and says so: the progress line names QuickBooks' request
 * to slow down and counts the time left down, instead of a spinner that says nothing for a minute.
 */
test('a throttled run says it waits for QuickBooks, with the time left', async ({
  context,
  openAudit,
  useSandboxSettings,
  qbo,
}) => {
  test.setTimeout(120_000);
  await useSandboxSettings();
  const audit = await openAudit();
  const dialog = await connectFromManager(context, audit, qbo.qbo.url);
  await expect(dialog.getByRole('button', { name: 'Preview' })).toBeEnabled({ timeout: 60_000 });
  // The run's next QuickBooks batch is answered 429, as QuickBooks does past its per-second limit.
  await control(qbo.qbo.url, 'faults', { kind: 'status', status: 429, path: '/v3/company/*/batch', count: 1 });
  await dialog.getByTestId('synchronize').click();
  const waiting = dialog.getByTestId('run-waiting');
  await expect(waiting).toContainText('QuickBooks asked to slow down', { timeout: 60_000 });
  const seconds = () => waiting.innerText().then((t) => Number(/(\d+) s/.exec(t)?.[1] ?? NaN));
  const first = await seconds();
  expect(first).toBeGreaterThan(5);
  // Counted down while it waits.
  await expect.poll(seconds, { timeout: 10_000 }).toBeLessThan(first);
});
