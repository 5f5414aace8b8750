// Transactions through the shared machinery: the query language, batch, CDC with Deleted stubs,
// requestid replay, injected faults and lies, and the record pages.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { faultOf, startHarness, type Harness, type Json } from './harness';
import { expenseLine, journalLine, loadFixtures, type Fixtures } from './txn-fixtures';

let h: Harness;
let f: Fixtures;
const days = ['2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28'];
const journals: Json[] = [];
beforeAll(async () => {
  h = await startHarness();
  f = await loadFixtures(h);
  for (const [i, day] of days.entries()) {
    const body = {
      DocNumber: `DAY-${day}`,
      TxnDate: day,
      Line: [
        journalLine('Debit', 1000 + i, f.account('Operating Checking')),
        journalLine('Credit', 1000 + i, f.account('Fuel Sales:Diesel')),
      ],
    };
    journals.push((await h.expectJson(h.post('journalentry', body), 200)).JournalEntry);
  }
});
afterAll(() => h.sb.stop());
beforeEach(async () => {
  await h.control('DELETE', 'faults');
});

const rows = async (statement: string, entity: string): Promise<Json[]> =>
  (await h.expectJson(h.query(statement), 200)).QueryResponse[entity] ?? [];
const bill = (docNumber: string, amount: number, vendor = 'Ridgeway Fuel Distributors') => ({
  DocNumber: docNumber,
  TxnDate: '2026-03-01',
  VendorRef: { value: f.vendor(vendor) },
  Line: [expenseLine(amount, f.account('Cost of Fuel'))],
});

describe('query', () => {
  it("filters JournalEntry by TxnDate >= '…' and pages with STARTPOSITION / MAXRESULTS", async () => {
    const since = await rows("select * from JournalEntry where TxnDate >= '2026-02-26'", 'JournalEntry');
    expect(since.map((je) => je.DocNumber)).toEqual(['DAY-2026-02-26', 'DAY-2026-02-27', 'DAY-2026-02-28']);
    const page = await h.expectJson(
      h.query(
        "SELECT * FROM journalentry WHERE TxnDate >= '2026-02-24' ORDERBY TxnDate DESC STARTPOSITION 2 MAXRESULTS 2",
      ),
      200,
    );
    expect(page.QueryResponse).toMatchObject({ startPosition: 2, maxResults: 2 });
    expect(page.QueryResponse.JournalEntry.map((je: Json) => je.TxnDate)).toEqual(['2026-02-27', '2026-02-26']);
    const count = await h.expectJson(h.query("select count(*) from JournalEntry where TxnDate < '2026-02-26'"), 200);
    expect(count.QueryResponse.totalCount).toBe(2);
  });

  it("finds by DocNumber = '…' (case-insensitive) and answers {} when nothing matches", async () => {
    expect((await rows("select * from JournalEntry where DocNumber = 'day-2026-02-25'", 'JournalEntry'))[0].Id).toBe(
      journals[1].Id,
    );
    expect(
      (await h.expectJson(h.query("select * from JournalEntry where DocNumber = 'NOPE'"), 200)).QueryResponse,
    ).toEqual({});
  });

  it('filters Bill by VendorRef and TotalAmt; refuses a property that is not queryable (4001)', async () => {
    await h.expectJson(h.post('bill', bill('Q-1', 410.1)), 200);
    await h.expectJson(h.post('bill', bill('Q-2', 99.9, 'Bluebonnet Snacks')), 200);
    const ridgeway = await rows(
      `select * from Bill where VendorRef = '${f.vendor('Ridgeway Fuel Distributors')}' and TotalAmt > '400.00'`,
      'Bill',
    );
    expect(ridgeway.map((b) => b.DocNumber)).toEqual(['Q-1']);
    const error = faultOf(await h.expectJson(h.query("select * from VendorCredit where PrivateNote = 'x'"), 400));
    expect(error).toMatchObject({
      code: '4001',
      Detail: "QueryValidationError: property 'PrivateNote' is not queryable",
    });
  });
});

describe('batch', () => {
  it('creates, updates, deletes and queries transactions item by item, each answered by bId', async () => {
    const target = journals[0];
    const doomed = journals[4];
    const body = {
      BatchItemRequest: [
        { bId: 'c1', operation: 'create', Bill: bill('B-1', 12.34) },
        { bId: 'c2', operation: 'create', JournalEntry: { Line: [journalLine('Debit', 1, f.account('Store Safe'))] } },
        {
          bId: 'u1',
          operation: 'update',
          JournalEntry: { Id: target.Id, SyncToken: '0', sparse: true, PrivateNote: 'batched' },
        },
        { bId: 'd1', operation: 'delete', JournalEntry: { Id: doomed.Id, SyncToken: '0' } },
        { bId: 'q1', Query: "select * from JournalEntry where TxnDate >= '2026-02-27'" },
        { bId: 'v1', VendorCredit: bill('VC-1', 5) },
      ],
    };
    const res = (await h.expectJson(h.post('batch', body), 200)).BatchItemResponse;
    const by = (bId: string) => res.find((r: Json) => r.bId === bId);
    expect(by('c1').Bill).toMatchObject({ DocNumber: 'B-1', TotalAmt: 12.34 });
    expect(by('c2').Fault.Error[0].code).toBe('2300');
    expect(by('u1').JournalEntry).toMatchObject({ SyncToken: '1', PrivateNote: 'batched' });
    expect(by('d1').JournalEntry).toEqual({ domain: 'QBO', status: 'Deleted', Id: doomed.Id });
    expect(by('q1').QueryResponse.JournalEntry.map((je: Json) => je.Id)).toContain(journals[3].Id);
    expect(by('v1').VendorCredit.TotalAmt).toBe(5);
    expect(faultOf(await h.expectJson(h.get(`journalentry/${doomed.Id}`), 400)).code).toBe('610');
  });

  it('does not let an item see a transaction created earlier in the same batch', async () => {
    const res = (
      await h.expectJson(
        h.post('batch', {
          BatchItemRequest: [
            { bId: 'a', Bill: bill('SEEN-1', 1) },
            { bId: 'b', Bill: bill('SEEN-1', 1) },
          ],
        }),
        200,
      )
    ).BatchItemResponse;
    // The second item cannot see the first, so its duplicate number is not refused.
    expect(res.map((r: Json) => Boolean(r.Bill))).toEqual([true, true]);
  });
});

describe('change data capture', () => {
  it('reports changed transactions as full objects and deleted ones as status "Deleted" stubs after them', async () => {
    h.sb.clock.advance(60_000);
    const since = new Date(h.sb.clock.now()).toISOString();
    h.sb.clock.advance(1000);
    const je = (
      await h.expectJson(
        h.post('journalentry', {
          TxnDate: '2026-03-02',
          Line: [
            journalLine('Debit', 7, f.account('Store Safe')),
            journalLine('Credit', 7, f.account('Operating Checking')),
          ],
        }),
        200,
      )
    ).JournalEntry;
    const b = (await h.expectJson(h.post('bill', bill('CDC-1', 60)), 200)).Bill;
    h.sb.clock.advance(1000);
    await h.expectJson(h.post('bill?operation=delete', { Id: b.Id, SyncToken: '0' }), 200);
    const cdc = await h.expectJson(
      h.get(`cdc?entities=JournalEntry,Bill,VendorCredit&changedSince=${encodeURIComponent(since)}`),
      200,
    );
    const [journalGroup, billGroup, creditGroup] = cdc.CDCResponse[0].QueryResponse;
    expect(journalGroup.JournalEntry.map((x: Json) => x.Id)).toEqual([je.Id]);
    expect(billGroup.Bill).toEqual([
      { domain: 'QBO', status: 'Deleted', Id: b.Id, MetaData: { LastUpdatedTime: expect.any(String) } },
    ]);
    expect(creditGroup).toEqual({});
  });
});

describe('fault injection and replay reach transactions', () => {
  const inject = (spec: Json) => h.expectJson(h.control('POST', 'faults', spec), 201);
  const entry = () => ({
    Line: [
      journalLine('Debit', 3.5, f.account('Store Safe')),
      journalLine('Credit', 3.5, f.account('Operating Checking')),
    ],
  });

  it('answers injected 429, 500 and 503 on transaction paths', async () => {
    await inject({ kind: 'status', status: 429, path: '/v3/company/*/journalentry', count: 1 });
    expect(faultOf(await h.expectJson(h.post('journalentry', entry()), 429)).code).toBe('3001');
    await inject({ kind: 'status', status: 500, path: '/v3/company/*/bill', count: 1 });
    expect(faultOf(await h.expectJson(h.post('bill', bill('F-1', 1)), 500)).code).toBe('10000');
    await inject({ kind: 'status', status: 503, path: '/v3/company/*/vendorcredit/*', count: 1 });
    expect((await h.get('vendorcredit/1')).status).toBe(503);
  });

  it('applies a write whose answer is lost; the requestid retry replays it without a second entry', async () => {
    await inject({ kind: 'lost-response', path: '/v3/company/*/journalentry' });
    const body = { ...entry(), DocNumber: 'LOST-1' };
    await expect(h.post('journalentry?requestid=je-lost-1', body)).rejects.toThrow();
    const retry = await h.expectJson(h.post('journalentry?requestid=je-lost-1', body), 200);
    expect(retry.JournalEntry.DocNumber).toBe('LOST-1');
    expect(await rows("select * from JournalEntry where DocNumber = 'LOST-1'", 'JournalEntry')).toHaveLength(1);
  });

  it('lies on a JournalEntry query page (a middle row dropped) and on a CDC answer (emptied)', async () => {
    const statement = "select * from JournalEntry where TxnDate >= '2026-02-24' and TxnDate <= '2026-02-26'";
    const truth = await rows(statement, 'JournalEntry');
    await inject({ kind: 'lie', lie: 'dropRows', path: '/v3/company/*/query' });
    const lied = await rows(statement, 'JournalEntry');
    expect(lied).toHaveLength(truth.length - 1);
    await inject({ kind: 'lie', lie: 'emptyList', path: '/v3/company/*/cdc' });
    const since = new Date(h.sb.clock.now() - 86_400_000).toISOString();
    const cdc = await h.expectJson(h.get(`cdc?entities=JournalEntry&changedSince=${encodeURIComponent(since)}`), 200);
    expect(cdc.CDCResponse[0].QueryResponse[0]).toEqual({});
  });
});

describe('record pages', () => {
  it.each([
    ['journal', () => journals[2], 'Journal entries'],
    ['bill', () => undefined, 'Bills'],
  ])('/app/%s?txnId= lists the transactions and highlights the one asked for', async (page, pick, title) => {
    const chosen = pick() ?? (await h.expectJson(h.post('bill', bill('PAGE-1', 44)), 200)).Bill;
    const res = await fetch(`${h.url}/app/${page}?txnId=${chosen.Id}&companyId=${h.realm}`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain(`<h1>${title}</h1>`);
    expect(html).toContain(`<tr data-id="${chosen.Id}" class="highlight" aria-current="true">`);
    expect(html).toContain(`Showing ${chosen.DocNumber}`);
  });
});
