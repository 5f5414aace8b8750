/**
 * Nothing lost in translation, over HTTP against both sandboxes (company 2 of the CStoreOffice seed
 * into an empty QBO realm): detail types travel both ways, an account type edited in QuickBooks is
 * an error instead of a write, and a value QuickBooks would refuse is an error before any request.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SyncRow } from '@/lib/sync';
import { csoDump } from './dumps';
import {
  addRealm,
  advance,
  connect,
  csoControl,
  qboCounters,
  startSandboxes,
  type Connection,
  type Sandboxes,
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
const row = (rows: SyncRow[], name: string, typeId = 'account'): SyncRow => {
  const found = rows.filter((r) => r.name === name && r.typeId === typeId);
  expect(found, `row “${name}”`).toHaveLength(1);
  return found[0]!;
};
const csoEdit = (segment: string, id: string, patch: Record<string, unknown>) =>
  csoControl(sb, `companies/${COMPANY}/${segment}/${id}`, patch, 'PATCH');
const csoAccount = async (name: string) => (await csoDump(sb, COMPANY)).account.find((r) => r.key === name)!;
const qboAccount = async (c: Connection, id: string) =>
  (await c.qboClient.read('Account', id)) as unknown as Record<string, unknown> & { Id: string; SyncToken: string };
const writes = async (c: Connection) => (await qboCounters(sb, c.realmId)).byTag['batch:write'] ?? 0;

async function connected(): Promise<Connection> {
  return connect(sb, await addRealm(sb, 'empty'), COMPANY);
}

describe('detail types', () => {
  it('travel CStoreOffice → QBO → CStoreOffice, and an empty one takes QBO’s default', async () => {
    const c = await connected();
    const bank = await csoAccount('Operating Bank Account');
    await csoEdit('accounts', bank.id, { detailType: 'Savings' });
    const first = await c.engine.synchronize();
    expect(first.failures).toEqual([]);
    const qbo = await qboAccount(c, row(first.rows, 'Operating Bank Account').qboId!);
    expect(qbo.AccountSubType).toBe('Savings');
    // An account created without a detail type gets its type's default in QBO, and CStoreOffice learns it.
    const ar = row(first.rows, 'Accounts Receivable');
    expect((await qboAccount(c, ar.qboId!)).AccountSubType).toBe('AccountsReceivable');
    advance(sb, 60_000);
    await c.engine.synchronize();
    expect((await csoAccount('Accounts Receivable')).raw.detailType).toBe('AccountsReceivable');
    expect((await csoAccount('Operating Bank Account')).raw.detailType).toBe('Savings');

    // Changed in QBO → CStoreOffice.
    advance(sb, 60_000);
    const bankQbo = await qboAccount(c, qbo.Id);
    await c.qboClient.update('Account', bankQbo, { AccountSubType: 'MoneyMarket' }, { requestId: 'edit-1' });
    advance(sb, 60_000);
    const third = await c.engine.synchronize();
    expect(third.failures).toEqual([]);
    expect((await csoAccount('Operating Bank Account')).raw.detailType).toBe('MoneyMarket');
    expect(row(third.rows, 'Operating Bank Account').status).toBe('synchronized');
  });

  it('an account found only in QBO arrives in CStoreOffice with its detail type', async () => {
    const c = await connected();
    await c.engine.synchronize();
    await c.qboClient.create(
      'Account',
      { Name: 'Petty Cash Drawer', AccountType: 'Bank', AccountSubType: 'CashOnHand' },
      { requestId: 'new-1' },
    );
    advance(sb, 60_000);
    const report = await c.engine.synchronize({ confirmCreates: true });
    expect(report.failures).toEqual([]);
    expect((await csoAccount('Petty Cash Drawer')).raw).toMatchObject({
      accountType: 'Bank',
      detailType: 'CashOnHand',
    });
  });
});

describe('account types are CStoreOffice’s after the first link', () => {
  it('a type edited in QBO is an error, never written to CStoreOffice; a type changed in CStoreOffice is sent', async () => {
    const c = await connected();
    const first = await c.engine.synchronize();
    const fees = row(first.rows, 'Operating Bank Account');
    await c.qboClient.update(
      'Account',
      await qboAccount(c, fees.qboId!),
      { AccountType: 'Other Current Asset', AccountSubType: 'OtherCurrentAssets' },
      { requestId: 'edit-type' },
    );
    advance(sb, 60_000);
    const before = await csoAccount('Operating Bank Account');
    const report = await c.engine.synchronize();
    const refused = row(report.rows, 'Operating Bank Account');
    expect(refused.status).toBe('error');
    expect(refused.issue?.code).toBe('accountTypeFixed');
    expect(refused.issue?.detail).toContain('Change it back to “Bank” in QuickBooks');
    expect(refused.issue?.detail).toContain('change the type in CStoreOffice to send it to QuickBooks');
    const after = await csoAccount('Operating Bank Account');
    expect(after.raw.accountType).toBe('Bank');
    expect(after.raw.version).toBe(before.raw.version);

    // The type changed in CStoreOffice goes to QBO, with its default detail type.
    await csoEdit('accounts', before.id, { accountType: 'Other Current Asset', detailType: null });
    advance(sb, 60_000);
    const fixed = await c.engine.synchronize();
    expect(row(fixed.rows, 'Operating Bank Account').status).not.toBe('error');
    const qbo = await qboAccount(c, fees.qboId!);
    expect(qbo).toMatchObject({ AccountType: 'Other Current Asset', AccountSubType: 'OtherCurrentAssets' });

    await csoEdit('accounts', before.id, { accountType: 'Bank', detailType: 'Savings' });
    advance(sb, 60_000);
    await c.engine.synchronize();
    expect(await qboAccount(c, fees.qboId!)).toMatchObject({ AccountType: 'Bank', AccountSubType: 'Savings' });
  });
});

describe('values QuickBooks would refuse', () => {
  it('a description over 100 characters is a planning error, and no request is sent for it', async () => {
    const c = await connected();
    const first = await c.engine.synchronize();
    const bank = await csoAccount('Operating Bank Account');
    await csoEdit('accounts', bank.id, { description: 'Main operating account. '.repeat(6) });
    advance(sb, 60_000);
    const preview = await c.engine.preview();
    const refused = row(preview.rows, 'Operating Bank Account');
    expect(refused.status).toBe('error');
    expect(refused.issue?.code).toBe('invalidValue');
    expect(refused.issue?.detail).toContain('The description is 144 characters long; QuickBooks allows at most 100.');
    const before = await writes(c);
    const report = await c.engine.synchronize();
    expect(await writes(c)).toBe(before);
    expect(report.failures).toEqual([]);
    const qbo = await qboAccount(c, row(first.rows, 'Operating Bank Account').qboId!);
    expect(qbo.Description ?? null).toBeNull();
  });
});

describe('a data type carries both its accounts', () => {
  const qboItem = async (c: Connection, id: string) =>
    (await c.qboClient.read('Item', id)) as unknown as Record<string, unknown> & { Id: string; SyncToken: string };

  it('credit → IncomeAccountRef and debit → ExpenseAccountRef, both ways', async () => {
    const c = await connected();
    const first = await c.engine.synchronize();
    expect(first.failures).toEqual([]);
    const qboIdOf = (name: string) => row(first.rows, name).qboId!;
    const item = await qboItem(c, row(first.rows, 'Fuel Purchases', 'dataType').qboId!);
    expect(item).toMatchObject({
      Type: 'Service',
      IncomeAccountRef: { value: qboIdOf('Accounts Payable') },
      ExpenseAccountRef: { value: qboIdOf('Cost of Fuel') },
    });

    // A debit account changed in QBO comes back to CStoreOffice.
    await c.qboClient.update(
      'Item',
      item,
      { ExpenseAccountRef: { value: qboIdOf('Cost of Merchandise') } },
      { requestId: 'edit-debit' },
    );
    // A Service item made in QBO with both accounts arrives in CStoreOffice with both.
    await c.qboClient.create(
      'Item',
      {
        Name: 'Propane Refills',
        Type: 'Service',
        IncomeAccountRef: { value: qboIdOf('Merchandise Sales') },
        ExpenseAccountRef: { value: qboIdOf('Cost of Merchandise') },
      },
      { requestId: 'new-item' },
    );
    advance(sb, 60_000);
    const report = await c.engine.synchronize({ confirmCreates: true });
    expect(report.failures).toEqual([]);
    const cso = await csoDump(sb, COMPANY);
    const csoIdOf = (key: string) => cso.account.find((r) => r.key === key)!.id;
    const byName = (name: string) => cso.dataType.find((r) => r.key === name)!.raw;
    expect(byName('Fuel Purchases')).toMatchObject({
      creditAccountId: csoIdOf('Accounts Payable'),
      debitAccountId: csoIdOf('Cost of Merchandise'),
    });
    expect(byName('Propane Refills')).toMatchObject({
      creditAccountId: csoIdOf('Merchandise Sales'),
      debitAccountId: csoIdOf('Cost of Merchandise'),
    });
  });

  it('an account that will not reach QBO is an error naming it, never a silent default', async () => {
    const c = await connected();
    const cso = await csoDump(sb, COMPANY);
    const bad = await csoControl<{ id: string }>(sb, `companies/${COMPANY}/accounts`, {
      name: 'Fuel: Shrinkage',
      accountType: 'Cost of Goods Sold',
    });
    const fuel = cso.dataType.find((r) => r.key === 'Fuel Purchases')!;
    await csoEdit('data-types', fuel.id, { debitAccountId: bad.id });
    const report = await c.engine.synchronize();
    const refused = row(report.rows, 'Fuel Purchases', 'dataType');
    expect(refused.status).toBe('error');
    expect(refused.issue?.detail).toContain('Its debit account, the account “Fuel: Shrinkage”');
    const items = await c.qboClient.queryAll('Item');
    expect(items.map((i) => i.Name)).not.toContain('Fuel Purchases');
  });
});
