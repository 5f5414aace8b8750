// Answers the sandbox never gives: a stubbed fetch shows that a malformed or surprising answer is a
// typed error with a clear message, never a crash.
import { describe, expect, it } from 'vitest';
import { CsoMalformedResponseError, CsoSignedOutError, CsoUnavailableError, createCsoClient } from '../../../lib/cso';

function clientAnswering(make: () => Response) {
  const calls: string[] = [];
  const fetchStub = (async (input: string | URL | Request) => {
    calls.push(String(input));
    return make();
  }) as typeof fetch;
  return {
    calls,
    client: createCsoClient({ baseUrl: 'https://03.cstoreoffice.com', fetch: fetchStub, sleep: async () => {} }),
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('malformed answers', () => {
  it('names the call and the field when the shape is wrong', async () => {
    const { client, calls } = clientAnswering(() => json({ items: [{ id: '1', name: 42 }] }));
    const error = await client.listCompanies().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsoMalformedResponseError);
    expect((error as Error).message).toBe(
      'CStoreOffice sent an answer the extension cannot read (GET /companies: items.0.name: Invalid input: expected string, received number).',
    );
    expect(calls).toEqual(['https://03.cstoreoffice.com/api/qbo-sync/v1/companies']); // not retried
  });

  it('reports a body that is not JSON', async () => {
    const { client } = clientAnswering(() => new Response('<html>Maintenance</html>', { status: 200 }));
    await expect(client.get('1', 'customer', '5')).rejects.toThrow(/not JSON \(starts with "<html>Maintenance/);
  });

  it('reads a redirect to the sign-in page as signed out', async () => {
    const { client } = clientAnswering(() => {
      const res = new Response('<html>Sign in</html>', { status: 200 });
      Object.defineProperty(res, 'redirected', { value: true });
      Object.defineProperty(res, 'url', {
        value: 'https://03.cstoreoffice.com/auth/realms/cstoreoffice/protocol/openid-connect/auth',
      });
      return res;
    });
    await expect(client.listCompanies()).rejects.toBeInstanceOf(CsoSignedOutError);
  });

  it('still types an error whose body is unreadable', async () => {
    const { client, calls } = clientAnswering(() => new Response('oops', { status: 502 }));
    const error = await client.listCompanies().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsoUnavailableError);
    expect(calls).toHaveLength(5);
  });
});
