import { describe, expect, it } from 'vitest';
import { CDC_MAX_OBJECTS, createQboClient } from '@/lib/qbo';
import { fakeClock, fakeTokens, json, noTimer, stubFetch, type Handler } from './fakes';

const DAY = 86_400_000;
const vendor = (id: number) => ({ Id: String(id), SyncToken: '1', DisplayName: `V${id}`, Active: id % 2 === 0 });
const accounts = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ Id: String(i + 1), SyncToken: '0', Name: `A${i}`, AccountType: 'Expense' }));

function setup(handler: Handler) {
  const clock = fakeClock(Date.parse('2025-06-30T00:00:00Z'));
  const fetch = stubFetch(handler);
  const client = createQboClient({
    baseUrl: 'https://qbo.test',
    realmId: '1',
    tokens: fakeTokens(),
    fetch,
    clock,
    startTimer: noTimer,
  });
  return { client, fetch, clock };
}

describe('changesSince', () => {
  it('reads one CDC answer, splitting live records and deleted stubs, with QBO time as the cursor', async () => {
    const { client, fetch } = setup(() =>
      json({
        CDCResponse: [
          {
            QueryResponse: [
              { Vendor: [vendor(1), vendor(2)], startPosition: 1, maxResults: 2 },
              {},
              {
                Account: [
                  {
                    domain: 'QBO',
                    status: 'Deleted',
                    Id: '979',
                    MetaData: { LastUpdatedTime: '2025-06-29T12:55:50-08:00' },
                  },
                ],
              },
            ],
          },
        ],
        time: '2025-06-29T17:00:00.000-07:00',
      }),
    );
    const out = await client.changesSince(['Vendor', 'Account', 'Class'], '2025-06-20T10:00:00+05:30');
    expect(fetch.calls).toHaveLength(1);
    expect(fetch.calls[0]?.url.searchParams.get('entities')).toBe('Vendor,Account,Class');
    expect(fetch.calls[0]?.url.searchParams.get('changedSince')).toBe('2025-06-20T10:00:00+05:30');
    expect(fetch.calls[0]?.url.search).toContain('%2B05%3A30');
    expect(out.changed.Vendor?.map((v) => v.Id)).toEqual(['1', '2']);
    expect(out.deleted.Account).toEqual(['979']);
    expect(out.cursor).toBe('2025-06-29T17:00:00.000-07:00');
    expect(out.fallbacks).toEqual([]);
  });

  it('reads with queries when the cursor is older than 30 days, and says so', async () => {
    const { client, fetch, clock } = setup(() => json({ QueryResponse: { Account: accounts(2) } }));
    const out = await client.changesSince(['Account'], new Date(clock.now() - 31 * DAY));
    expect(fetch.calls.every((c) => c.url.pathname.endsWith('/query'))).toBe(true);
    expect(fetch.calls[0]?.url.searchParams.get('query')).toMatch(
      /WHERE MetaData\.LastUpdatedTime >= '.*' AND Active IN \(true, false\)/,
    );
    expect(out.changed.Account).toHaveLength(2);
    expect(out.fallbacks).toEqual([{ entity: 'Account', reason: 'older-than-30-days' }]);
    expect(out.cursor).toBe(new Date(clock.now()).toISOString());
  });

  it('when capped at 1000 objects, asks per entity and pages an entity still capped alone', async () => {
    const { client, fetch } = setup((req) => {
      if (req.url.pathname.endsWith('/query')) return json({ QueryResponse: { Account: accounts(5) } });
      const entities = req.url.searchParams.get('entities');
      const groups = [];
      if (entities?.includes('Account')) groups.push({ Account: accounts(CDC_MAX_OBJECTS) });
      if (entities?.includes('Vendor')) groups.push({ Vendor: [vendor(3)] });
      return json({ CDCResponse: [{ QueryResponse: groups }], time: `t-${entities}` });
    });
    const out = await client.changesSince(['Account', 'Vendor'], '2025-06-25T00:00:00Z');
    expect(fetch.calls.map((c) => c.url.searchParams.get('entities') ?? 'query')).toEqual([
      'Account,Vendor',
      'Account',
      'query',
      'Vendor',
    ]);
    expect(out.changed.Vendor).toHaveLength(1);
    expect(out.changed.Account).toHaveLength(5);
    expect(out.fallbacks).toEqual([{ entity: 'Account', reason: 'capped' }]);
    expect(out.cursor).toBe('t-Account,Vendor');
  });

  it('a malformed CDC answer is a typed error', async () => {
    const { client } = setup(() => json({ CDCResponse: 'nope' }));
    await expect(client.changesSince(['Account'], '2025-06-25T00:00:00Z')).rejects.toMatchObject({
      name: 'QboResponseError',
    });
  });
});
