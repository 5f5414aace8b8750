// §13 items 17–19: requestid replay, batch, change data capture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultOf, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.sb.stop());

const count = async (statement: string): Promise<number> =>
  (await h.expectJson(h.query(statement), 200)).QueryResponse.totalCount;

describe('§13.17 requestid', () => {
  it('replays the first response for a repeated requestid without creating twice', async () => {
    const first = await h.expectJson(
      h.post('vendor?requestid=5d1e7a52-replay-1', { DisplayName: 'Replay Vendor' }),
      200,
    );
    const again = await h.expectJson(
      h.post('vendor?requestid=5d1e7a52-replay-1', { DisplayName: 'Replay Vendor (changed body)' }),
      200,
    );
    expect(again).toEqual(first);
    expect(await count("select count(*) from Vendor where DisplayName LIKE 'Replay Vendor%'")).toBe(1);
    const counters = await h.expectJson(h.control('GET', `counters?realm=${h.realm}`), 200);
    expect(counters.byTag.replayed).toBe(1);
  });

  it('replays a fault too (switchable), and refuses a requestid over 50 characters', async () => {
    const dup = await h.expectJson(h.post('vendor?requestid=dup-1', { DisplayName: 'Bluebonnet Snacks' }), 400);
    expect(await h.expectJson(h.post('vendor?requestid=dup-1', { DisplayName: 'Fresh Name Now' }), 400)).toEqual(dup);
    const error = faultOf(
      await h.expectJson(h.post(`vendor?requestid=${'r'.repeat(51)}`, { DisplayName: 'Long Id' }), 400),
    );
    expect(error).toMatchObject({ code: '6000' });
    expect(error.Detail).toContain('You cannot enter more than 50 characters in the request_id field');
  });
});

describe('§13.18 batch', () => {
  it('answers HTTP 200 with one response per bId: entity, QueryResponse or Fault', async () => {
    const body = await h.expectJson(
      h.post('batch', {
        BatchItemRequest: [
          { bId: 'b1', operation: 'create', Vendor: { DisplayName: 'Batch Vendor 1' } },
          { bId: 'b2', operation: 'create', Vendor: { DisplayName: 'Hill Country Landscaping' } },
          { bId: 'b3', Query: "select * from Class where Name = 'Fuel'" },
          { bId: 'b4', operation: 'delete', Customer: { Id: '1', SyncToken: '0' } },
          {
            bId: 'b5',
            operation: 'update',
            Vendor: { Id: '1', SyncToken: '0', sparse: true, CompanyName: 'Batch Updated' },
          },
        ],
      }),
      200,
    );
    const [b1, b2, b3, b4, b5] = body.BatchItemResponse;
    expect(b1).toMatchObject({ bId: 'b1', Vendor: { DisplayName: 'Batch Vendor 1', SyncToken: '0' } });
    expect(b2).toMatchObject({
      bId: 'b2',
      Fault: { type: 'ValidationFault', Error: [{ code: '6240', Message: 'Duplicate Name Exists Error' }] },
    });
    expect(b3).toMatchObject({
      bId: 'b3',
      QueryResponse: { Class: [{ Name: 'Fuel' }], startPosition: 1, maxResults: 1 },
    });
    expect(b4).toMatchObject({ bId: 'b4', Fault: { Error: [{ code: '500', Message: 'Unsupported Operation' }] } });
    expect(b5).toMatchObject({ bId: 'b5', Vendor: { CompanyName: 'Batch Updated', SyncToken: '1' } });
    expect(typeof body.time).toBe('string');
  });

  it('keeps items independent: an item cannot reference a record created earlier in the same batch', async () => {
    const parent = await h.expectJson(
      h.post('batch', { BatchItemRequest: [{ bId: 'p', operation: 'create', Class: { Name: 'Batch Parent' } }] }),
      200,
    );
    const parentId = parent.BatchItemResponse[0].Class.Id;
    const nextId = String(BigInt(parentId) + 10n);
    const body = await h.expectJson(
      h.post('batch', {
        BatchItemRequest: [
          { bId: 'a', operation: 'create', Class: { Name: 'Batch Sibling' } },
          { bId: 'b', operation: 'create', Class: { Name: 'Batch Child', ParentRef: { value: nextId } } },
        ],
      }),
      200,
    );
    expect(body.BatchItemResponse[0].Class.Id).toBe(nextId);
    expect(body.BatchItemResponse[1].Fault.Error[0]).toMatchObject({ code: '2500', Message: 'Invalid Reference Id' });
  });

  it('refuses more than 30 items with a Fault', async () => {
    const items = Array.from({ length: 31 }, (_, i) => ({ bId: `i${i}`, Query: 'select * from Class' }));
    const error = faultOf(await h.expectJson(h.post('batch', { BatchItemRequest: items }), 400));
    expect(error.code).toBe('6000');
    expect(error.Detail).toContain('maximum number of batch items is 30');
  });

  it('counts batch calls and items deterministically', async () => {
    await h.control('DELETE', 'log');
    await h.expectJson(
      h.post('batch', {
        BatchItemRequest: [
          { bId: 'x', Query: 'select * from Class' },
          { bId: 'y', operation: 'create', Class: { Name: 'Counted' } },
        ],
      }),
      200,
    );
    const c = await h.expectJson(h.control('GET', `counters?realm=${h.realm}`), 200);
    expect(c.byTag).toMatchObject({
      batch: 1,
      'batch-items': 2,
      'batch:query:Class': 1,
      'batch:create:Class': 1,
      'batch:write': 1,
    });
    expect(c.byRoute['POST /v3/company/:realmId/batch']).toBe(1);
  });

  it('limits requestid to 36 characters and bIds to 10 when a batch carries one', async () => {
    expect(
      faultOf(await h.expectJson(h.post(`batch?requestid=${'b'.repeat(37)}`, { BatchItemRequest: [] }), 400)).code,
    ).toBe('6000');
    const body = await h.expectJson(
      h.post('batch?requestid=batch-rid-1', {
        BatchItemRequest: [{ bId: 'elevenchars', Query: 'select * from Class' }],
      }),
      200,
    );
    expect(body.BatchItemResponse[0].Fault.Error[0].code).toBe('6000');
  });
});

describe('§13.19 change data capture', () => {
  it('returns changes since a time grouped by entity, deactivations as full objects and deletions as stubs', async () => {
    h.sb.clock.advance(3600_000);
    h.renew();
    const since = new Date(h.sb.clock.now() - 1000).toISOString();
    const v = (await h.expectJson(h.post('vendor', { DisplayName: 'CDC Vendor' }), 200)).Vendor;
    await h.expectJson(h.post('vendor', { Id: v.Id, SyncToken: v.SyncToken, sparse: true, Active: false }), 200);
    const cat = (await h.expectJson(h.post('item', { Name: 'CDC Category', Type: 'Category' }), 200)).Item;
    await h.expectJson(h.post('item?operation=delete', { Id: cat.Id, SyncToken: cat.SyncToken }), 200);
    const body = await h.expectJson(
      h.get(`cdc?entities=Vendor,Item,Customer&changedSince=${encodeURIComponent(since)}`),
      200,
    );
    const [vendors, items, customers] = body.CDCResponse[0].QueryResponse;
    expect(vendors.Vendor).toHaveLength(1);
    expect(vendors.Vendor[0]).toMatchObject({ DisplayName: 'CDC Vendor', Active: false, SyncToken: '1' });
    expect(items.Item).toEqual([
      { domain: 'QBO', status: 'Deleted', Id: cat.Id, MetaData: { LastUpdatedTime: expect.any(String) } },
    ]);
    expect(customers).toEqual({});
  });

  it('refuses a changedSince more than 30 days back', async () => {
    const since = new Date(h.sb.clock.now() - 31 * 86_400_000).toISOString();
    const error = faultOf(
      await h.expectJson(h.get(`cdc?entities=Customer&changedSince=${encodeURIComponent(since)}`), 400),
    );
    expect(error.code).toBe('6000');
    expect(error.Detail).toContain('30 days');
  });

  it('returns at most 1000 objects, oldest first', async () => {
    const data = {
      companyName: 'CDC Cap Co',
      customers: Array.from({ length: 1005 }, (_, i) => ({ DisplayName: `Cap ${i}` })),
    };
    const realm = (await h.expectJson(h.control('POST', 'realms', { data }), 201)).realmId;
    const tokens = await h.expectJson(h.control('POST', 'tokens', { realmId: realm }), 200);
    const res = await fetch(`${h.url}/v3/company/${realm}/cdc?entities=Customer&changedSince=2026-03-01`, {
      headers: { Authorization: `Bearer ${tokens.access_token}`, Accept: 'application/json' },
    });
    const group = (await h.expectJson(res, 200)).CDCResponse[0].QueryResponse[0];
    expect(group.Customer).toHaveLength(1000);
    expect(group.maxResults).toBe(1000);
  });
});
