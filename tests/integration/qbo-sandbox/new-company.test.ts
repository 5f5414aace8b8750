// The new-company seed as a client reads it: QBO's own accounts with detail types and no numbers,
// the Services and Hours items, and nothing an owner would have added yet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxes, type StartedSandboxes } from '../../../sandbox/cli';
import { startHarness, type Harness, type Json } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ realms: [{ seed: 'new-company' }] });
});
afterAll(() => h.sb.stop());

const rows = async (statement: string, entity: string): Promise<Json[]> =>
  (await h.expectJson(h.query(statement), 200)).QueryResponse[entity] ?? [];

describe('the new-company seed', () => {
  it('has the accounts QBO makes for itself, each with a type and a detail type and no number', async () => {
    const accounts = await rows('select * from Account maxresults 1000', 'Account');
    const byName = new Map(accounts.map((a) => [a.FullyQualifiedName, a]));
    expect(
      Object.fromEntries(
        [
          'Accounts Receivable (A/R)',
          'Accounts Payable (A/P)',
          'Undeposited Funds',
          'Opening Balance Equity',
          'Retained Earnings',
          'Uncategorized Income',
          'Uncategorized Expense',
          'Uncategorized Asset',
          'Services',
          'Sales of Product Income',
          'Cost of Goods Sold',
          'Billable Expense Income',
        ].map((name) => [name, byName.get(name)?.AccountSubType]),
      ),
    ).toEqual({
      'Accounts Receivable (A/R)': 'AccountsReceivable',
      'Accounts Payable (A/P)': 'AccountsPayable',
      'Undeposited Funds': 'UndepositedFunds',
      'Opening Balance Equity': 'OpeningBalanceEquity',
      'Retained Earnings': 'RetainedEarnings',
      'Uncategorized Income': 'SalesOfProductIncome',
      'Uncategorized Expense': 'OtherMiscellaneousServiceCost',
      'Uncategorized Asset': 'OtherCurrentAssets',
      Services: 'ServiceFeeIncome',
      'Sales of Product Income': 'SalesOfProductIncome',
      'Cost of Goods Sold': 'SuppliesMaterialsCogs',
      'Billable Expense Income': 'SalesOfProductIncome',
    });
    for (const a of accounts) {
      expect(a.AccountType, a.Name).toEqual(expect.any(String));
      expect(a.AccountSubType, a.Name).toEqual(expect.any(String));
      expect(a.Classification, a.Name).toEqual(expect.any(String));
      expect(a.AcctNum, a.Name).toBeUndefined();
      expect(a.Active, a.Name).toBe(true);
    }
    expect(accounts.filter((a) => a.AccountType === 'Bank')).toEqual([]);
    expect(byName.get('Utilities:Telephone & Internet')).toMatchObject({
      SubAccount: true,
      Name: 'Telephone & Internet',
    });
  });

  it('has the Services and Hours items, both posting to the Services account', async () => {
    const services = (await rows("select * from Account where Name = 'Services'", 'Account'))[0];
    const items = await rows('select * from Item', 'Item');
    expect(items.map((i) => [i.Name, i.Type, i.IncomeAccountRef?.value])).toEqual([
      ['Services', 'Service', services.Id],
      ['Hours', 'Service', services.Id],
    ]);
  });

  it('has no classes, locations, customers, vendors or employees', async () => {
    for (const entity of ['Class', 'Department', 'Customer', 'Vendor', 'Employee'])
      expect(
        (await h.expectJson(h.query(`select count(*) from ${entity}`), 200)).QueryResponse.totalCount,
        entity,
      ).toBe(0);
  });

  it('can be added through the control API by name', async () => {
    const added = await h.expectJson(h.control('POST', 'realms', { seed: 'new-company' }), 201);
    expect(added).toMatchObject({ companyName: 'Hillside Auto Wash', counts: { Item: 2, Class: 0 } });
  });
});

describe('npm run sandbox', () => {
  let started: StartedSandboxes;
  beforeAll(async () => {
    started = await startSandboxes({ only: 'qbo', port: 0 });
  });
  afterAll(() => started.stop());

  it('offers the convenience store first, the new company second and an empty one third on the consent page', async () => {
    const qbo = started.urls.qbo ?? '';
    const realms = (await (await fetch(`${qbo}/__sandbox/realms`)).json()).realms as Json[];
    expect(realms.map((r) => r.companyName)).toEqual([
      'Millbrook Fuel & Convenience LLC',
      'Hillside Auto Wash',
      'Prairie Express Books',
    ]);
    const page = await (
      await fetch(
        `${qbo}/connect/oauth2?${new URLSearchParams({
          client_id: 'qbo-sandbox-client',
          response_type: 'code',
          scope: 'com.intuit.quickbooks.accounting',
          redirect_uri: 'https://abcdefghijklmnop.chromiumapp.org/qbo',
          state: 's',
        })}`,
      )
    ).text();
    const options = [...page.matchAll(/<option value="(\d+)"( selected)?>([^<]*)<\/option>/g)].map((m) => [
      m[1],
      Boolean(m[2]),
      m[3],
    ]);
    expect(options).toEqual([
      [realms[0].realmId, true, 'Millbrook Fuel &amp; Convenience LLC'],
      [realms[1].realmId, false, 'Hillside Auto Wash'],
      [realms[2].realmId, false, 'Prairie Express Books'],
    ]);
  });
});
