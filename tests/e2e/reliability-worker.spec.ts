import { expect, test } from './fixtures';
import { control, send } from './manager';

/**
 * A large first sync survives Chrome stopping the extension's service worker in the middle: the
 * next start resumes the journal's run (same idempotency keys) and finishes; neither side holds a
 * duplicate and every CStoreOffice record that is not in error is linked. The run is started and
 * watched through the protocol from an extension page (the panel's button is covered elsewhere).
 */
const PER_TYPE = 200; // 7 × 200 = 1 400 records

type Dumped = Record<string, unknown> & {
  id?: string;
  Id?: string;
  name?: string;
  deleted?: boolean;
  Active?: boolean;
};
const dupes = (names: string[]) => names.filter((n, i) => names.indexOf(n) !== i);

test('the worker stopped mid-sync resumes on its next start and ends with no duplicates and every record linked', async ({
  context,
  extensionId,
  cso,
  qbo,
  openAudit,
  useSandboxSettings,
}) => {
  test.setTimeout(240_000);
  await control(cso.url, 'reset', { seed: 'large', perType: PER_TYPE });
  await control(qbo.qbo.url, 'switches', { throttle: false }, 'PUT');
  const { realmId } = await control<{ realmId: string }>(qbo.qbo.url, 'realms', { seed: 'empty' });
  await control(qbo.qbo.url, 'auto-approve', { enabled: true, realmId }, 'PUT');
  await useSandboxSettings();

  const audit = await openAudit();
  const companyId = await audit.locator('input[type="hidden"][name="companyId"]').inputValue();
  const target = { companyId, origin: cso.url };
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const connected = await send<{ ok: boolean; message?: string }>(page, 'connect', target);
  expect(connected, connected.message).toMatchObject({ ok: true });

  // Start the sync without waiting for its answer (the worker will not live to send it).
  await page.evaluate((data) => {
    chrome.runtime.sendMessage(
      { id: 99, type: 'synchronize', data, timestamp: Date.now() },
      () => void chrome.runtime.lastError,
    );
  }, target);

  // Stop the worker once QBO has taken a part of the writes (⌈2800 / 30⌉ batches in all).
  const batches = async () =>
    (await control<{ byTag: Record<string, number> }>(qbo.qbo.url, `counters?realm=${realmId}`)).byTag.batch ?? 0;
  await expect.poll(batches, { timeout: 120_000, intervals: [100] }).toBeGreaterThanOrEqual(10);
  const cdp = await context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (
        versions.some(
          (v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`) && v.runningStatus === 'stopped',
        )
      )
        resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  const atStop = await batches();
  expect(atStop).toBeLessThan(Math.ceil((7 * PER_TYPE) / 30));

  // Any message starts the worker again; it resumes the unfinished run on its own.
  type History = { entries: { outcome: string; trigger: string }[]; total: number };
  await expect
    .poll(
      async () => {
        const h = await send<History>(page, 'getHistory', { ...target, page: 0, pageSize: 10 });
        if (process.env.DEBUG_E2E)
          console.log(JSON.stringify(h), await batches(), JSON.stringify(await send(page, 'getOverview', undefined)));
        return h.entries.find((e) => e.outcome !== 'running' && e.outcome !== 'failed')?.trigger;
      },
      {
        timeout: 120_000,
        intervals: [500],
      },
    )
    .toBe('resume');
  // A Synchronize afterwards has nothing left to do.
  const again = await send<{ outcome: string; summary: { counts: Record<string, number>; errors: number } }>(
    page,
    'synchronize',
    target,
  );
  expect(
    Object.values(again.summary.counts).reduce((a, b) => a + b, 0),
    JSON.stringify(again),
  ).toBe(0);

  // Both sandboxes: no duplicates, and QBO holds one record per CStoreOffice record.
  const dump = await control<{ companies: { records: Record<string, Dumped[]> }[] }>(
    cso.url,
    `dump?company=${companyId}`,
  );
  const csoRecords = Object.values(dump.companies[0]!.records)
    .flat()
    .filter((r) => !r.deleted);
  const realm = await control<Record<string, Dumped[]>>(qbo.qbo.url, `realms/${realmId}`);
  const qboNames = ['Account', 'Class', 'Department', 'Customer', 'Vendor', 'Item'].flatMap((list) =>
    (realm[list] ?? []).map(
      (r) =>
        `${list === 'Customer' || list === 'Vendor' ? 'name' : list}:${String(r.FullyQualifiedName ?? r.DisplayName ?? r.Name).toLowerCase()}`,
    ),
  );
  expect(dupes(qboNames)).toEqual([]);
  for (const [segment, records] of Object.entries(dump.companies[0]!.records)) {
    const live = records.filter((r) => !r.deleted);
    expect(
      dupes(live.map((r) => `${String((r as { parentId?: string }).parentId ?? '')}/${String(r.name)}`)),
      segment,
    ).toEqual([]);
  }
  const counters = await control<{ byTag: Record<string, number> }>(qbo.qbo.url, `counters?realm=${realmId}`);
  expect(counters.byTag['fault:6240'] ?? 0).toBe(0);

  // Every CStoreOffice record not in error is linked: nothing is left waiting.
  type Rows = { total: number; counts: Record<string, number> };
  const rows = await send<Rows>(page, 'getRows', { ...target, query: { page: 0, pageSize: 1 } });
  const { synchronized = 0, error = 0, ...waiting } = rows.counts;
  expect(
    Object.values(waiting).reduce((a, b) => a + b, 0),
    JSON.stringify(rows.counts),
  ).toBe(0);
  expect(synchronized + error).toBe(csoRecords.length);
  expect(synchronized).toBeGreaterThan(0);
  console.log(
    `worker stopped after ${atStop} QBO batches; end: ${csoRecords.length} CStoreOffice records, ${qboNames.length} QBO records, rows ${JSON.stringify(rows.counts)}, replayed ${counters.byTag.replayed ?? 0}`,
  );
});
