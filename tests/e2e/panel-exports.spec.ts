import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { connectFromManager, filterColumn, synchronizeAll } from './manager';

/** Reads RFC 4180 text as a spreadsheet would: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) field += c;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Clicks `button` and returns the file the browser saved: its suggested name and its text. */
async function download(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const saved = page.waitForEvent('download');
  await button.click();
  const file = await saved;
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

test('Export CSV saves the table as filtered, and Export History CSV the runs the History section shows', async ({
  context,
  openAudit,
  openPopup,
  useSandboxSettings,
  qbo,
}) => {
  test.setTimeout(120_000);
  await useSandboxSettings();
  const audit = await openAudit();
  const dialog = await connectFromManager(context, audit, qbo.qbo.url);
  await synchronizeAll(dialog);

  // The table filtered to customers, as the paginator counts them.
  await filterColumn(audit, dialog, 'Type', ['Customer']);
  const total = Number(
    (await dialog.getByRole('navigation', { name: 'Entities pages' }).getByRole('status').innerText()).match(
      /of (\d+) ·/,
    )![1],
  );
  const shown = await dialog.locator('tbody tr[data-row-key] td.qsm-name > span').allTextContents();
  const table = await download(audit, dialog.getByRole('button', { name: 'Export CSV', exact: true }));
  expect(table.name).toMatch(/^qb-sync-entities-Sunrise-Fuel-Food-LLC-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...rows] = parseCsv(table.text);
  expect(header).toEqual(['Type', 'CSO Id', 'Name', 'QBO Id', 'Issue detail', 'Synchronization status']);
  expect(rows).toHaveLength(total);
  expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['Customer']));
  // The same rows in the same order as the table's first page.
  expect(rows.slice(0, shown.length).map((r) => r[2])).toEqual(shown);
  // Names with quotes and commas survive as one field each.
  expect(table.text).toContain('"The ""Quick"" Stop Club"');
  expect(rows.map((r) => r[2])).toContain('The "Quick" Stop Club');
  expect(rows.find((r) => r[2]!.startsWith('Springfield Regional Transit Authority'))?.[2]).toContain(
    'billed monthly net 30, PO required,',
  );

  // The first sync was two runs (the one that held its creates in CStoreOffice for review, and the
  // confirmed one). A run from the toolbar, then the History section's export: one line per run it
  // lists, each saying who started it (the signed-in CStoreOffice user for the Audit page's runs).
  const popup = await openPopup();
  await popup
    .getByTestId('company-card')
    .filter({ hasText: 'Sunrise Fuel & Food LLC' })
    .getByRole('button', { name: 'Sync now' })
    .click();
  await dialog.getByRole('tab', { name: 'History' }).click();
  const history = dialog.getByRole('region', { name: 'History table' });
  await expect(history.locator('tbody tr')).toHaveCount(3, { timeout: 60_000 });
  const whoShown = await history.locator('tbody tr td:nth-child(2)').allInnerTexts();
  expect(whoShown).toEqual(['You (toolbar)', 'Demo Auditor (auditor@demo.test)', 'Demo Auditor (auditor@demo.test)']);
  const exported = await download(audit, dialog.getByRole('button', { name: 'Export History CSV' }));
  expect(exported.name).toMatch(/^qb-sync-history-Sunrise-Fuel-Food-LLC-\d{4}-\d{2}-\d{2}\.csv$/);
  const [historyHeader, ...runs] = parseCsv(exported.text);
  expect(historyHeader).toEqual([
    'Started',
    'Finished',
    'Trigger',
    'Started by',
    'Outcome',
    'Created in QuickBooks',
    'Created in CStoreOffice',
    'Updated in QuickBooks',
    'Updated in CStoreOffice',
    'Deactivated in QuickBooks',
    'Deleted in CStoreOffice',
    'Linked',
    'Errors',
    'Error details',
  ]);
  expect(runs).toHaveLength(3);
  expect(runs.map((r) => r[3])).toEqual(whoShown);
  // The held run created in QuickBooks only, the confirmed one in CStoreOffice; the toolbar's found nothing left to write.
  expect(Number(runs[2]![5])).toBeGreaterThan(0);
  expect(Number(runs[2]![6])).toBe(0);
  expect(Number(runs[1]![6])).toBeGreaterThan(0);
  expect(Number(runs[0]![5]) + Number(runs[0]![6])).toBe(0);
  // Newest first, as the section lists them.
  expect(runs[0]![0]! > runs[1]![0]!).toBe(true);
});
