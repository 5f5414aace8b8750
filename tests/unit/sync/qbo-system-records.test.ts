/**
 * QuickBooks' own records (issue 13): a QuickBooks-only system record is shown as "QuickBooks only
 * (not imported)" with why, never created in CStoreOffice; one CStoreOffice also has by name links.
 * QuickBooks' A/P and A/R, and accounts that share a number, are offered as one link.
 */
import { describe, expect, it } from 'vitest';
import { createHarness } from '../../fakes/harness';

const acct = (name: string, number: string | null = null, accountType = 'Income') => ({
  name,
  parentId: null,
  number,
  accountType,
  description: null,
  active: true,
});

const csoNames = async (h: ReturnType<typeof createHarness>, list: 'account' | 'dataType') =>
  ((await h.cso.read({ since: null })).records[list] ?? []).map((r) => r.name).sort();

describe("QuickBooks' own records", () => {
  it.each([
    ['account', 'Account', acct('Uncategorized Income'), 'could not classify'],
    ['account', 'Account', acct('Accounts Payable (A/P)', null, 'Accounts Payable'), 'payables ledger'],
    ['dataType', 'Item', { name: 'Services', creditAccountId: null }, 'service items QuickBooks gives'],
    ['dataType', 'Item', { name: 'Hours', creditAccountId: null }, 'service items QuickBooks gives'],
  ] as const)('a QuickBooks-only %s “%s” is not imported, and its row says why', async (list, qboList, values, why) => {
    const h = createHarness({ defaultIncomeAccountId: null });
    // An item needs an income account: QuickBooks' own Uncategorized Income, itself kept out.
    const income = h.seed.qbo('Account', acct('Uncategorized Income'));
    if (list === 'dataType') h.seed.qbo(qboList, { ...values, creditAccountId: income });
    else if (values.name !== 'Uncategorized Income') h.seed.qbo(qboList, values);
    const report = await h.engine.synchronize();
    const row = report.rows.find((r) => r.name === values.name)!;
    expect(row.status).toBe('notSynced');
    expect(row.statusText).toBe('QuickBooks only (not imported)');
    expect(row.issue?.code).toBe('systemRecord');
    expect(row.issue?.detail).toContain(why);
    expect(row.issue?.detail).toContain('create a record of the same name in CStoreOffice');
    expect(report.executed.ops).toEqual([]);
    expect(await csoNames(h, list)).toEqual([]);
    expect(report.summary.rows.byStatus.notSynced).toBe(report.rows.length);
  });

  it('links a system record CStoreOffice has by the same name, and keeps creating the company’s own', async () => {
    const h = createHarness();
    h.seed.cso('account', acct('Retained Earnings', '3100', 'Equity'));
    h.seed.qbo('Account', acct('Retained Earnings', null, 'Equity'));
    h.seed.qbo('Account', acct('Uncategorized Expense', null, 'Expense'));
    h.seed.qbo('Account', acct('Car Wash Income'));
    const report = await h.engine.synchronize();
    const status = Object.fromEntries(report.rows.map((r) => [r.name, r.status]));
    expect(status).toEqual({
      'Retained Earnings': 'synchronized',
      'Uncategorized Expense': 'notSynced',
      'Car Wash Income': 'synchronized',
    });
    expect(await csoNames(h, 'account')).toEqual(['Car Wash Income', 'Retained Earnings']);
    // Nothing is planned for it on the next run either.
    expect((await h.engine.preview()).plan.ops).toEqual([]);
  });
});

describe('one ledger under two names', () => {
  it.each([
    [
      'the same account number',
      acct('Accounts Payable', '2000', 'Accounts Payable'),
      acct('Trade Payables', '2000', 'Accounts Payable'),
      'same account number, 2000',
    ],
    [
      "QuickBooks' A/P for CStoreOffice's payables",
      acct('Accounts Payable', '2000', 'Accounts Payable'),
      acct('Accounts Payable (A/P)', null, 'Accounts Payable'),
      'ledger QuickBooks keeps',
    ],
    [
      "QuickBooks' A/R for CStoreOffice's receivables",
      acct('Accounts Receivable', null, 'Accounts Receivable'),
      acct('Accounts Receivable (A/R)', null, 'Accounts Receivable'),
      'ledger QuickBooks keeps',
    ],
  ])('%s: offered as a link on both rows, never created twice', async (_what, cso, qbo, words) => {
    const h = createHarness();
    h.seed.cso('account', cso);
    h.seed.qbo('Account', qbo);
    const { rows, plan } = await h.engine.preview();
    expect(plan.ops).toEqual([]);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.status).toBe('error');
      expect(row.issue?.code).toBe('accountTwin');
      expect(row.issue?.remedies).toContain('linkNearMatch');
    }
    const csoRow = rows.find((r) => r.csoId !== null)!;
    expect(csoRow.issue?.detail).toContain(words);
    expect(csoRow.issue?.detail).toContain(`Link this row to “${qbo.name}”`);

    expect(await h.engine.actions.linkNearMatch(csoRow.key)).toMatchObject({ ok: true });
    const report = await h.engine.synchronize();
    expect(report.rows.map((r) => [r.name, r.status])).toEqual([[cso.name, 'synchronized']]);
    const qboAccounts = (await h.qbo.read({ since: null })).records.Account ?? [];
    expect(qboAccounts.map((a) => a.name)).toEqual([cso.name]);
  });

  it('two QuickBooks accounts with the number: no guess', async () => {
    const h = createHarness();
    h.seed.cso('account', acct('Accounts Payable', '2000', 'Accounts Payable'));
    h.seed.qbo('Account', acct('Trade Payables', '2000', 'Accounts Payable'));
    h.seed.qbo('Account', acct('Other Payables', '2000', 'Accounts Payable'));
    const { rows } = await h.engine.preview();
    expect(rows.find((r) => r.csoId !== null)?.issue?.code).not.toBe('accountTwin');
  });
});
