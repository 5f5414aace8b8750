import { describe, expect, it } from 'vitest';
import {
  chunk,
  chunkRequestId,
  createQboClient,
  QboDuplicateNameError,
  QboServerError,
  QboUsageError,
  ReconnectNeededError,
  type BatchItem,
} from '@/lib/qbo';
import { fakeClock, fakeTokens, json, noTimer, stubFetch, type Handler, type SeenRequest } from './fakes';

type Item = { bId: string; operation?: string; Vendor?: { DisplayName: string }; Query?: string };

/** Answers each item: names containing "dup" fault, queries return a QueryResponse, the rest succeed. */
function answer(req: SeenRequest): Response {
  const items = (JSON.parse(req.body ?? '{}') as { BatchItemRequest: Item[] }).BatchItemRequest;
  return json({
    BatchItemResponse: items
      .map((item) => {
        if (item.Query) return { bId: item.bId, QueryResponse: { Vendor: [], startPosition: 1, maxResults: 0 } };
        const name = item.Vendor?.DisplayName ?? '';
        if (name.includes('dup')) {
          return {
            bId: item.bId,
            Fault: {
              type: 'ValidationFault',
              Error: [
                {
                  Message: 'Duplicate Name Exists Error',
                  code: '6240',
                  Detail: 'The name supplied already exists. : Id=9',
                },
              ],
            },
          };
        }
        return { bId: item.bId, Vendor: { Id: `id-${name}`, SyncToken: '0', DisplayName: name } };
      })
      .reverse(), // QBO does not promise the order: results are matched by bId
    time: 'now',
  });
}

function setup(handler: Handler) {
  const fetch = stubFetch(handler);
  const client = createQboClient({
    baseUrl: 'https://qbo.test',
    realmId: '1',
    tokens: fakeTokens(),
    fetch,
    clock: fakeClock(),
    random: () => 0,
    startTimer: noTimer,
    retry: { maxAttempts: 2 },
  });
  return { client, fetch };
}

const vendors = (names: string[]): BatchItem<string>[] =>
  names.map((n) => ({ key: `k-${n}`, operation: 'create', entity: 'Vendor', body: { DisplayName: n } }));

describe('batch', () => {
  it('chunks 65 items into 30/30/5 with derived requestids and short bIds', async () => {
    const { client, fetch } = setup(answer);
    const names = Array.from({ length: 65 }, (_, i) => `v${i}`);
    const out = await client.batch(vendors(names), { requestId: 'run-1' });
    expect(fetch.calls.map((c) => c.url.searchParams.get('requestid'))).toEqual(['run-1-0', 'run-1-1', 'run-1-2']);
    expect(
      fetch.calls.map((c) => (JSON.parse(c.body!) as { BatchItemRequest: Item[] }).BatchItemRequest.length),
    ).toEqual([30, 30, 5]);
    const bIds = (JSON.parse(fetch.calls[0]!.body!) as { BatchItemRequest: Item[] }).BatchItemRequest.map((i) => i.bId);
    expect(bIds.every((b) => b.length <= 10)).toBe(true);
    expect(out.map((o) => o.key)).toEqual(names.map((n) => `k-${n}`));
    expect(out.every((o) => o.ok)).toBe(true);
  });

  it('maps each item result or Fault back to its caller, whatever the answer order', async () => {
    const { client } = setup(answer);
    const out = await client.batch([...vendors(['a', 'dup-b', 'c']), { key: 'k-q', query: 'select * from Vendor' }], {
      requestId: 'r',
    });
    expect(out[0]).toMatchObject({ key: 'k-a', ok: true, entity: 'Vendor', value: { Id: 'id-a' } });
    expect(out[1]).toMatchObject({ key: 'k-dup-b', ok: false });
    const failed = out[1] as unknown as { error: QboDuplicateNameError };
    expect(failed.error).toBeInstanceOf(QboDuplicateNameError);
    expect(failed.error.existingId).toBe('9');
    expect(out[2]).toMatchObject({ key: 'k-c', ok: true, value: { Id: 'id-c' } });
    expect(out[3]).toMatchObject({ key: 'k-q', ok: true, value: { maxResults: 0 } });
  });

  it('uses the caller requestid as is for a single chunk', async () => {
    const { client, fetch } = setup(answer);
    await client.batch(vendors(['a']), { requestId: 'one' });
    expect(fetch.calls[0]?.url.searchParams.get('requestid')).toBe('one');
  });

  it('reports items QBO did not answer, and a malformed item', async () => {
    const { client } = setup(() => json({ BatchItemResponse: [{ bId: 'b0', Vendor: { Id: 5 } }] }));
    const out = await client.batch(vendors(['a', 'b']), { requestId: 'r' });
    expect(out[0]).toMatchObject({ ok: false, error: { name: 'QboResponseError' } });
    expect(out[1]).toMatchObject({ ok: false, error: { message: 'QuickBooks did not answer this batch item' } });
  });

  it('gives a failed chunk error to each of its items and carries on with the next chunk', async () => {
    const { client } = setup((req, i) => (i < 2 ? new Response('', { status: 502 }) : answer(req)));
    const out = await client.batch(vendors(Array.from({ length: 31 }, (_, i) => `v${i}`)), { requestId: 'r' });
    expect(out.slice(0, 30).every((o) => !o.ok && o.error instanceof QboServerError)).toBe(true);
    expect(out[30]).toMatchObject({ ok: true });
  });

  it('stops on ReconnectNeededError', async () => {
    const tokens = fakeTokens();
    const client = createQboClient({
      baseUrl: 'https://qbo.test',
      realmId: '1',
      tokens: { ...tokens, getAccessToken: () => Promise.reject(new ReconnectNeededError()) },
      fetch: stubFetch(answer),
      clock: fakeClock(),
      startTimer: noTimer,
    });
    await expect(client.batch(vendors(['a']), { requestId: 'r' })).rejects.toBeInstanceOf(ReconnectNeededError);
  });

  it('refuses a requestid too long for batch', () => {
    expect(() => chunkRequestId('x'.repeat(35), 1, 2)).toThrow(QboUsageError);
    expect(chunkRequestId('x'.repeat(36), 0, 1)).toHaveLength(36);
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
