/**
 * A generated store month posted to QuickBooks over HTTP against both sandboxes: every account ×
 * class × location ties out to the cent, a second Synchronize writes nothing, and an edited day, a
 * reopened day, closed books, a remapped data type, a vendor invoice and a credit each do what the
 * manager promises.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  addRealm,
  advance,
  connect,
  csoControl,
  qboControl,
  qboCounters,
  startSandboxes,
  type Sandboxes,
} from '../sync/harness';
import {
  addStations,
  expectedNets,
  loadMonth,
  postedNets,
  postedNumbers,
  postingFor,
  trackClassesAndLocations,
} from './harness';

let sb: Sandboxes;
beforeAll(async () => {
  sb = await startSandboxes();
});
afterAll(() => sb.stop());
beforeEach(async () => {
  await csoControl(sb, 'reset', {});
});

const COMPANY = '2';
const writes = async (realmId: string) => (await qboCounters(sb, realmId)).byTag['batch:write'] ?? 0;
const requests = async (realmId: string) => ({
  qbo: (await qboCounters(sb, realmId)).total,
  cso: (await csoControl<{ counters: { total: number } }>(sb, `counters?company=${COMPANY}`)).counters.total,
});

/** Company 2 with `stations` stations, a class named as each, a month loaded and its entities synchronized. */
async function month(stations: number) {
  await addStations(sb, COMPANY, stations - 2);
  const realmId = await addRealm(sb, 'empty');
  await trackClassesAndLocations(sb, realmId);
  const c = await connect(sb, realmId, COMPANY, {}, 'cso');
  const loaded = await loadMonth(sb, COMPANY, stations);
  const synced = await c.engine.synchronize({ confirmCreates: true });
  expect(synced.failures).toEqual([]);
  advance(sb, 60_000);
  const tracking = { classes: true, locations: true };
  return { c, realmId, loaded, posting: await postingFor(c), tracking };
}

describe('posting a store month', () => {
  it('posts 3 stations × 31 days tied out to the cent, and a second Synchronize writes nothing', async () => {
    const { c, realmId, loaded, posting, tracking } = await month(3);
    const report = await posting.synchronize();
    expect(report.failed).toBe(0);
    const audited = report.rows.filter((r) => r.kind === 'day' && r.status === 'synchronized').length;
    expect(audited).toBeGreaterThan(80);
    expect(report.rows.filter((r) => r.status === 'notSynced').map((r) => r.issue?.title)).toEqual(
      expect.arrayContaining(['Not audited yet', 'Day reopened']),
    );
    expect(report.applied.created).toBe(audited + loaded.invoices);
    const nets = await postedNets(sb, realmId);
    expect(Object.keys(nets).length).toBeGreaterThan(40);
    expect(nets).toEqual(await expectedNets(sb, COMPANY, realmId, tracking));
    const numbers = await postedNumbers(sb, realmId);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.some((n) => n.startsWith('VendorCredit:'))).toBe(true);
    expect(numbers.filter((n) => n.startsWith('Bill:')).length).toBe(loaded.invoices - 1);

    advance(sb, 60_000);
    const before = { writes: await writes(realmId), ...(await requests(realmId)) };
    const again = await posting.synchronize();
    expect(again.applied).toEqual({ created: 0, updated: 0, deleted: 0 });
    // Nothing new: one change read of each listing in CStoreOffice, one of QuickBooks' change feed.
    const after = await requests(realmId);
    expect({ qbo: after.qbo - before.qbo, cso: after.cso - before.cso }).toEqual({ qbo: 1, cso: 2 });
    expect(await writes(realmId)).toBe(before.writes);
    expect(c.realmId).toBe(realmId);
  });

  it('ties out a month of 10 stations to the cent', async () => {
    const { realmId, posting, tracking } = await month(10);
    const report = await posting.synchronize();
    expect(report.failed).toBe(0);
    expect(report.rows.filter((r) => r.status === 'error')).toEqual([]);
    expect(report.applied.created).toBeGreaterThan(280);
    expect(await postedNets(sb, realmId)).toEqual(await expectedNets(sb, COMPANY, realmId, tracking));
  });

  it('an edited day updates its entry, a reopened one leaves QuickBooks, closed books and a data type without an account hold the day', async () => {
    const { c, realmId, posting, tracking } = await month(3);
    const first = await posting.synchronize();
    const days = first.rows.filter((r) => r.kind === 'day' && r.status === 'synchronized');
    const [edited, reopened] = [days[3]!, days[5]!];
    const dayId = (key: string) => key.slice('day:'.length);
    const dump = await csoControl<{
      companies: { transactions: { auditDays: { id: string; lines: { id: string; amountCents: number }[] }[] } }[];
    }>(sb, `dump?company=${COMPANY}`);
    const day = dump.companies[0]!.transactions.auditDays.find((d) => d.id === dayId(edited.key))!;

    // Reopened, corrected by a dollar, audited again: the entry is updated in place.
    await csoControl(sb, `companies/${COMPANY}/audit-days/${day.id}/reopen`, {});
    await csoControl(
      sb,
      `companies/${COMPANY}/audit-days/${day.id}/lines/${day.lines[0]!.id}`,
      { amountCents: day.lines[0]!.amountCents + 100 },
      'PATCH',
    );
    await csoControl(sb, `companies/${COMPANY}/audit-days/${day.id}/audit`, {});
    // Reopened and left open: its entry is taken out of QuickBooks.
    await csoControl(sb, `companies/${COMPANY}/audit-days/${dayId(reopened.key)}/reopen`, {});
    advance(sb, 60_000);
    const second = await posting.synchronize();
    expect(second.applied).toEqual({ created: 0, updated: 1, deleted: 1 });
    const row = (key: string) => second.rows.find((r) => r.key === key)!;
    expect(row(edited.key)).toMatchObject({ status: 'synchronized', qboId: edited.qboId });
    expect(row(reopened.key)).toMatchObject({ status: 'notSynced', qboId: null, issue: { title: 'Day reopened' } });
    expect(await postedNets(sb, realmId)).toEqual(await expectedNets(sb, COMPANY, realmId, tracking));

    // The books are closed through the reopened day's date: auditing it again cannot post it.
    await qboControl(sb, `realms/${realmId}/book-close-date`, { date: reopened.date }, 'PUT');
    await csoControl(sb, `companies/${COMPANY}/audit-days/${dayId(reopened.key)}/audit`, {});
    advance(sb, 60_000);
    const closed = await (await postingFor(c)).synchronize();
    expect(closed.rows.find((r) => r.key === reopened.key)).toMatchObject({
      status: 'error',
      issue: { title: 'Books closed in QuickBooks', detail: expect.stringMatching(/closed through .*\$[\d,]+\.\d\d/) },
    });
    expect(closed.applied).toEqual({ created: 0, updated: 0, deleted: 0 });
    await qboControl(sb, `realms/${realmId}/book-close-date`, { date: null }, 'PUT');

    // A data type loses its debit account: every day using it is held, its amount named.
    const records = await csoControl<{ companies: { records: Record<string, { id: string; name: string }[]> }[] }>(
      sb,
      `dump?company=${COMPANY}`,
    );
    const overShort = records.companies[0]!.records['data-types']!.find((t) => t.name === 'Cash Over/Short')!;
    await csoControl(sb, `companies/${COMPANY}/data-types/${overShort.id}`, { debitAccountId: null }, 'PATCH');
    await c.engine.synchronize();
    advance(sb, 60_000);
    const unmapped = await (await postingFor(c)).synchronize();
    const held = unmapped.rows.filter((r) => r.issue?.code === 'unmappedDataType');
    expect(held.length).toBeGreaterThan(0);
    expect(held[0]!.issue!.detail).toMatch(
      /\$[\d,]+\.\d\d of the day .* is Cash Over\/Short, which has no debit account/,
    );
    // Held days keep their earlier entry; nothing of them is changed.
    expect(unmapped.applied.updated + unmapped.applied.deleted).toBe(0);

    // With a suspense account named in the company's settings, those amounts post there instead, flagged.
    await c.qboClient.create('Account', { Name: 'Ask My Accountant', AccountType: 'Expense' }, { requestId: 'amc-1' });
    advance(sb, 60_000);
    await c.engine.synchronize();
    advance(sb, 60_000);
    const parked = await (await postingFor(c, 'Ask My Accountant')).synchronize();
    const flagged = parked.rows.filter((r) => r.issue?.code === 'suspense');
    expect(flagged.map((r) => r.key).sort()).toEqual(held.map((r) => r.key).sort());
    expect(flagged.every((r) => r.status === 'synchronized')).toBe(true);
    expect(flagged[0]!.issue!.detail).toMatch(/^\$[\d,]+\.\d\d was posted to the suspense account “Ask My Accountant”/);
  });

  it('posts an invoice as a bill and a credit as a vendor credit, and deletes the bill of a deleted invoice', async () => {
    const { realmId, posting } = await month(2);
    await posting.synchronize();
    const dump = await csoControl<{
      companies: {
        transactions: { vendorInvoices: { id: string; number: string; lines: { amountCents: number }[] }[] };
      }[];
    }>(sb, `dump?company=${COMPANY}`);
    const invoices = dump.companies[0]!.transactions.vendorInvoices;
    const credit = invoices.find((i) => i.lines.reduce((s, l) => s + l.amountCents, 0) < 0)!;
    const bill = invoices.find((i) => i !== credit)!;
    const numbers = await postedNumbers(sb, realmId);
    expect(numbers).toContain(`VendorCredit:${credit.number}`);
    expect(numbers).toContain(`Bill:${bill.number}`);

    await fetch(`${sb.cso.url}/__sandbox/companies/${COMPANY}/vendor-invoices/${bill.id}`, { method: 'DELETE' });
    advance(sb, 60_000);
    const after = await posting.synchronize();
    expect(after.applied).toEqual({ created: 0, updated: 0, deleted: 1 });
    expect(await postedNumbers(sb, realmId)).not.toContain(`Bill:${bill.number}`);
  });
});
