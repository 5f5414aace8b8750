/**
 * A first sync into a QuickBooks company as Intuit creates it (the sandbox's new-company realm),
 * over HTTP: none of QuickBooks' own records reaches CStoreOffice, the ones CStoreOffice has by
 * name are linked, its A/P and A/R are offered as links, and the preview's counts are the run's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizePlan } from '@/lib/sync';
import { csoDump, qboDump } from './dumps';
import { addRealm, connect, startSandboxes, type Sandboxes } from './harness';

let sb: Sandboxes;
beforeAll(async () => {
  sb = await startSandboxes();
});
afterAll(() => sb.stop());

/** What QuickBooks makes for itself in a new company (sandbox/qbo/seeds/new-company.ts cites each). */
const SYSTEM_ACCOUNTS = [
  'Undeposited Funds',
  'Uncategorized Asset',
  'Uncategorized Income',
  'Uncategorized Expense',
  'Opening Balance Equity',
  'Services',
  'Billable Expense Income',
  'Reconciliation Discrepancies',
  'Inventory Asset',
  'Cost of Goods Sold',
  'Sales of Product Income',
  'Accounts Receivable (A/R)',
  'Accounts Payable (A/P)',
];

describe('a first sync into a new QuickBooks company', () => {
  it("adds none of QuickBooks' own records to CStoreOffice and offers its A/P and A/R as links", async () => {
    const realmId = await addRealm(sb, 'new-company');
    const c = await connect(sb, realmId);
    const csoBefore = await csoDump(sb, c.companyId);
    const preview = await c.engine.preview();
    const report = await c.engine.synchronize({ confirmCreates: true });

    // The preview promised what the run did.
    expect(summarizePlan(report.executed, []).writes).toEqual(preview.summary.writes);
    expect(report.failures).toEqual([]);

    const csoAfter = await csoDump(sb, c.companyId);
    const added = (list: 'account' | 'dataType') => {
      const before = new Set(csoBefore[list].map((r) => r.key));
      return csoAfter[list].map((r) => r.key).filter((n) => !before.has(n));
    };
    for (const name of SYSTEM_ACCOUNTS) expect(added('account')).not.toContain(name);
    expect(added('dataType')).not.toContain('Services');
    expect(added('dataType')).not.toContain('Hours');

    const row = (name: string) => report.rows.find((r) => r.name === name)!;
    for (const name of ['Undeposited Funds', 'Uncategorized Income', 'Opening Balance Equity']) {
      expect(row(name).statusText).toBe('QuickBooks only (not imported)');
      expect(row(name).issue?.detail.length).toBeGreaterThan(40);
    }
    // CStoreOffice has its own Retained Earnings: linked by name, nothing created.
    expect(row('Retained Earnings')).toMatchObject({ status: 'synchronized' });
    expect(row('Retained Earnings').qboId).not.toBeNull();
    for (const [cso, qbo] of [
      ['Accounts Payable', 'Accounts Payable (A/P)'],
      ['Accounts Receivable', 'Accounts Receivable (A/R)'],
    ] as const) {
      expect(row(cso).issue).toMatchObject({ code: 'accountTwin', other: { name: qbo } });
      expect(row(cso).issue?.remedies).toContain('linkNearMatch');
    }

    // Linking A/P: the next run writes only CStoreOffice's name to QuickBooks' ledger.
    expect(await c.engine.actions.linkNearMatch(row('Accounts Payable').key)).toMatchObject({ ok: true });
    const linked = await c.engine.synchronize();
    expect(linked.executed.ops.filter((op) => op.kind !== 'link').map((op) => `${op.kind}:${op.target}`)).toContain(
      'update:qbo',
    );
    const qboAccounts = (await qboDump(sb, realmId)).Account!.map((a) => a.key);
    expect(qboAccounts).toContain('Accounts Payable');
    expect(qboAccounts).not.toContain('Accounts Payable (A/P)');
    expect(qboAccounts.filter((n) => n === 'Accounts Payable')).toHaveLength(1);
  });
});
