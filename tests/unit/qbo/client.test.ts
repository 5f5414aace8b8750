import { describe, expect, it } from 'vitest';
import {
  createQboClient,
  QboAuthError,
  QboDuplicateNameError,
  QboNetworkError,
  QboResponseError,
  QboServerError,
  QboTimeoutError,
  QboUsageError,
  ReconnectNeededError,
  type QboClientOptions,
} from '@/lib/qbo';
import {
  expiredFault,
  fakeClock,
  fakeTokens,
  hang,
  immediateTimer,
  json,
  noTimer,
  stubFetch,
  type Handler,
} from './fakes';

const account = (id: string, extra: Record<string, unknown> = {}) => ({
  Id: id,
  SyncToken: '0',
  Name: `A${id}`,
  AccountType: 'Expense',
  Active: true,
  ...extra,
});

function setup(handler: Handler, overrides: Partial<QboClientOptions> = {}) {
  const fetch = stubFetch(handler);
  const clock = fakeClock();
  const tokens = fakeTokens();
  const client = createQboClient({
    baseUrl: 'https://qbo.test/',
    realmId: '123',
    tokens,
    fetch,
    clock,
    random: () => 0.5,
    startTimer: noTimer,
    ...overrides,
  });
  return { client, fetch, clock, tokens };
}

describe('requests', () => {
  it('sends bearer, Accept JSON, minorversion 75 and an encoded query once', async () => {
    const { client, fetch } = setup(() =>
      json({ QueryResponse: { Account: [account('1')], startPosition: 1, maxResults: 1 } }),
    );
    const rows = await client.queryPage('Account', {
      where: [{ field: 'Name', op: '=', value: "O'Brien & Sons #1 +" }],
      startPosition: 1,
      maxResults: 10,
    });
    expect(rows[0]?.Id).toBe('1');
    const call = fetch.calls[0]!;
    expect(call.url.origin + call.url.pathname).toBe('https://qbo.test/v3/company/123/query');
    expect(call.url.searchParams.get('minorversion')).toBe('75');
    expect(call.url.searchParams.get('query')).toBe(
      "SELECT * FROM Account WHERE Name = 'O\\'Brien & Sons #1 +' STARTPOSITION 1 MAXRESULTS 10",
    );
    expect(call.headers.Authorization).toBe('Bearer access-1');
    expect(call.headers.Accept).toBe('application/json');
  });

  it('treats an empty QueryResponse as no rows', async () => {
    const { client } = setup(() => json({ QueryResponse: {}, time: 'x' }));
    await expect(client.queryAll('Vendor')).resolves.toEqual([]);
  });

  it('reads CompanyInfo for the company name', async () => {
    const { client, fetch } = setup(() =>
      json({ CompanyInfo: { Id: '1', SyncToken: '3', CompanyName: 'Sandbox Fuel Co' } }),
    );
    expect((await client.companyInfo()).CompanyName).toBe('Sandbox Fuel Co');
    expect(fetch.calls[0]?.url.pathname).toBe('/v3/company/123/companyinfo/123');
  });

  it('creates with the caller requestid and refuses a write without one', async () => {
    const { client, fetch } = setup(() => json({ Account: account('9') }));
    await client.create('Account', { Name: 'Fuel', AccountType: 'Expense' }, { requestId: 'req-1' });
    expect(fetch.calls[0]?.url.searchParams.get('requestid')).toBe('req-1');
    expect(fetch.calls[0]?.headers['Content-Type']).toBe('application/json');
    await expect(client.create('Account', {}, { requestId: '' })).rejects.toBeInstanceOf(QboUsageError);
    await expect(client.create('Account', {}, { requestId: 'x'.repeat(51) })).rejects.toBeInstanceOf(QboUsageError);
  });

  it('sends sparse updates repeating Name for Account and Class only', async () => {
    const { client, fetch } = setup((req) =>
      json({
        [req.url.pathname.endsWith('class') ? 'Class' : 'Vendor']: {
          Id: '5',
          SyncToken: '2',
          Name: 'C',
          DisplayName: 'V',
        },
      }),
    );
    await client.update('Class', { Id: '5', SyncToken: '1', Name: 'Pumps' }, { Active: true }, { requestId: 'r1' });
    await client.deactivate('Vendor', { Id: '5', SyncToken: '1' }, { requestId: 'r2' });
    expect(JSON.parse(fetch.calls[0]!.body!)).toEqual({
      Id: '5',
      SyncToken: '1',
      sparse: true,
      Active: true,
      Name: 'Pumps',
    });
    expect(JSON.parse(fetch.calls[1]!.body!)).toEqual({ Id: '5', SyncToken: '1', sparse: true, Active: false });
  });

  it('reactivates an Account under its name without " (deleted)"', async () => {
    const { client, fetch } = setup(() => json({ Account: account('7') }));
    await client.reactivate(
      'Account',
      { Id: '7', SyncToken: '4', Name: 'Fuel sales (deleted)', Active: false },
      { requestId: 'r' },
    );
    expect(JSON.parse(fetch.calls[0]!.body!)).toMatchObject({
      Name: 'Fuel sales',
      Active: true,
      sparse: true,
      SyncToken: '4',
    });
  });

  it('turns a Fault into a typed error carrying intuit_tid', async () => {
    const { client } = setup(() =>
      json(
        {
          Fault: {
            Error: [
              {
                Message: 'Duplicate Name Exists Error',
                Detail: 'The name supplied already exists. : Id=44',
                code: '6240',
              },
            ],
            type: 'ValidationFault',
          },
        },
        400,
        { intuit_tid: 'tid-77' },
      ),
    );
    const error = await client.create('Vendor', { DisplayName: 'X' }, { requestId: 'r' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QboDuplicateNameError);
    expect(error).toMatchObject({ existingId: '44', intuitTid: 'tid-77', status: 400 });
  });

  it.each([
    ['not JSON', () => new Response('<html>oops</html>', { status: 200 }), /not JSON/],
    ['wrong shape', () => json({ Account: { Id: 5, Name: null } }), /unexpected shape \(Id: .*Name: /],
    ['missing entity', () => json({ time: 'x' }), /unexpected shape/],
  ])('a malformed answer (%s) is a QboResponseError, not a crash', async (_name, answer, message) => {
    const { client } = setup(answer);
    const error = await client.read('Account', '5').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QboResponseError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('auth', () => {
  it('ten concurrent calls meeting an expired token cause one refresh, then all succeed', async () => {
    const { client, tokens, fetch } = setup((req) =>
      req.headers.Authorization === 'Bearer access-1' ? expiredFault() : json({ Account: account('1') }),
    );
    const results = await Promise.all(Array.from({ length: 10 }, () => client.read('Account', '1')));
    expect(results).toHaveLength(10);
    expect(tokens.refreshes).toBe(1);
    expect(fetch.calls.filter((c) => c.headers.Authorization === 'Bearer access-2')).toHaveLength(10);
  });

  it('retries once after a refresh, then reports the 401', async () => {
    const { client, tokens } = setup(() => expiredFault());
    await expect(client.read('Account', '1')).rejects.toBeInstanceOf(QboAuthError);
    expect(tokens.refreshes).toBe(1);
  });

  it('a refused refresh (invalid_grant) becomes ReconnectNeededError and stops', async () => {
    const { client, tokens, fetch } = setup(() => expiredFault());
    tokens.fail = Object.assign(new Error('invalid_grant'), { error: 'invalid_grant' });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => client.read('Account', '1')));
    expect(results.every((r) => r.status === 'rejected' && r.reason instanceof ReconnectNeededError)).toBe(true);
    expect(tokens.refreshes).toBe(1);
    expect(fetch.calls).toHaveLength(5);
  });
});

describe('retries', () => {
  it('waits after a 429 (Retry-After or a minute) and retries', async () => {
    const { client, clock, fetch } = setup((_req, i) =>
      i === 0
        ? new Response('<Fault type="SERVICE"><Error code="3001"><Message>ThrottleExceeded</Message></Error></Fault>', {
            status: 429,
          })
        : json({ Account: account('1') }),
    );
    const before = clock.now();
    await client.read('Account', '1');
    expect(fetch.calls).toHaveLength(2);
    expect(clock.now() - before).toBeGreaterThanOrEqual(60_000);
  });

  it('retries a 5xx with backoff and jitter, reusing the write requestid', async () => {
    const { client, clock, fetch } = setup((_req, i) =>
      i < 2 ? new Response('<html><title>503</title></html>', { status: 503 }) : json({ Account: account('1') }),
    );
    await client.create('Account', { Name: 'A' }, { requestId: 'same-id' });
    expect(fetch.calls.map((c) => c.url.searchParams.get('requestid'))).toEqual(['same-id', 'same-id', 'same-id']);
    expect(clock.sleeps.slice(-2)).toEqual([750, 1500]); // 1s then 2s steps, half fixed + half jitter (0.5)
  });

  it('retries dropped connections and gives up after maxAttempts with a typed error', async () => {
    const { client, fetch } = setup(() => Promise.reject(new TypeError('fetch failed')), { retry: { maxAttempts: 3 } });
    await expect(client.read('Account', '1')).rejects.toBeInstanceOf(QboNetworkError);
    expect(fetch.calls).toHaveLength(3);
  });

  it('aborts a request that takes too long and retries it', async () => {
    const { client, fetch } = setup((req, i) => (i === 0 ? hang(req) : json({ Account: account('1') })), {
      startTimer: immediateTimer,
    });
    await expect(client.read('Account', '1')).resolves.toMatchObject({ Id: '1' });
    expect(fetch.calls).toHaveLength(2);
  });

  it('reports a timeout as QboTimeoutError when retries run out', async () => {
    const { client } = setup(hang, { startTimer: immediateTimer, retry: { maxAttempts: 1 } });
    await expect(client.read('Account', '1')).rejects.toBeInstanceOf(QboTimeoutError);
  });

  it('does not retry a validation fault', async () => {
    const { client, fetch } = setup(() =>
      json({ Fault: { Error: [{ Message: 'Invalid String', code: '2040' }], type: 'ValidationFault' } }, 400),
    );
    await expect(client.create('Customer', {}, { requestId: 'r' })).rejects.toMatchObject({ code: '2040' });
    expect(fetch.calls).toHaveLength(1);
  });

  it('gives up on a persistent 500 with a QboServerError', async () => {
    const { client, fetch } = setup(() => new Response('', { status: 500 }), { retry: { maxAttempts: 2 } });
    await expect(client.read('Account', '1')).rejects.toBeInstanceOf(QboServerError);
    expect(fetch.calls).toHaveLength(2);
  });
});
