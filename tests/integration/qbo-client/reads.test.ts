import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QboSandbox } from '@/sandbox/qbo/index';
import { clientFor, counters, startSandbox } from './harness';

let sandbox: QboSandbox;
let realmId: string;
let bigRealm: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  realmId = sandbox.realmIds[0]!;
  bigRealm = sandbox.addRealm({
    data: {
      companyName: 'Many Accounts Inc',
      accounts: Array.from({ length: 2500 }, (_, i) => ({
        Name: `Account ${String(i).padStart(4, '0')}`,
        AccountType: 'Expense',
        Active: i % 10 !== 0,
      })),
    },
  });
});
afterAll(() => sandbox.stop());

describe('reads against the QBO sandbox', () => {
  it('pages 2,500 accounts in three requests and stops on the short page', async () => {
    const { client } = clientFor(sandbox, bigRealm);
    const before = counters(sandbox, bigRealm).byTag['query:Account'] ?? 0;
    const all = await client.queryAll('Account', { includeInactive: true });
    const own = all.filter((a) => a.Name.startsWith('Account '));
    expect(own).toHaveLength(2500);
    expect(new Set(all.map((a) => a.Id)).size).toBe(all.length);
    const requests = (counters(sandbox, bigRealm).byTag['query:Account'] ?? 0) - before;
    expect(requests).toBe(Math.floor(all.length / 1000) + 1);
  });

  it('sends a long statement (a big IN list) as a POST body', async () => {
    const { client } = clientFor(sandbox, bigRealm);
    const ids = (await client.queryPage('Account', { startPosition: 1, maxResults: 400 })).map((a) => a.Id);
    const before = counters(sandbox, bigRealm).byRoute[`POST /v3/company/:realmId/query`] ?? 0;
    const found = await client.queryAll('Account', { where: [{ field: 'Id', op: 'IN', value: ids }] });
    expect(found.map((a) => a.Id).sort()).toEqual([...ids].sort());
    expect((counters(sandbox, bigRealm).byRoute[`POST /v3/company/:realmId/query`] ?? 0) - before).toBe(1);
  });

  it('leaves inactive records out unless asked', async () => {
    const { client } = clientFor(sandbox, bigRealm);
    const active = await client.queryAll('Account');
    const everything = await client.queryAll('Account', { includeInactive: true });
    expect(everything.length - active.length).toBe(
      250 + everything.filter((a) => !a.Name.startsWith('Account ') && a.Active === false).length,
    );
    expect(active.every((a) => a.Active !== false)).toBe(true);
  });

  it('reads CompanyInfo, a record by id, and a count', async () => {
    const { client } = clientFor(sandbox, realmId);
    const info = await client.companyInfo();
    expect(info.CompanyName.length).toBeGreaterThan(0);
    const [first] = await client.queryPage('Class', { startPosition: 1, maxResults: 1, includeInactive: true });
    expect(first).toBeDefined();
    expect((await client.read('Class', first!.Id)).Id).toBe(first!.Id);
    expect(await client.count('Class', { includeInactive: true })).toBeGreaterThan(0);
  });

  it('an unknown id is a typed not-found error', async () => {
    const { client } = clientFor(sandbox, realmId);
    await expect(client.read('Vendor', '987654321')).rejects.toMatchObject({ name: 'QboNotFoundError', code: '610' });
  });
});
