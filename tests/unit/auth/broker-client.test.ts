import { describe, expect, it } from 'vitest';
import { BrokerError, createBrokerClient } from '@/lib/auth';

/** A fetch that never answers, and gives up only when its signal aborts (as the browser's does). */
const hangingFetch: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () =>
      reject(new DOMException('The operation was aborted.', 'TimeoutError')),
    );
  });

describe('broker client', () => {
  it('gives up on a broker that does not answer, with words, instead of hanging the run', async () => {
    const broker = createBrokerClient({ baseUrl: 'https://broker.example', fetch: hangingFetch, timeoutMs: 50 });
    const error = await broker.refresh('rt').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrokerError);
    expect(error).toMatchObject({ error: 'timeout', message: expect.stringMatching(/did not answer in 0 s/) });
  });

  it('still reports an unreachable broker as a network error', async () => {
    const broker = createBrokerClient({
      baseUrl: 'https://broker.example',
      fetch: async () => Promise.reject(new TypeError('Failed to fetch')),
      timeoutMs: 1000,
    });
    await expect(broker.config()).rejects.toMatchObject({ error: 'network' });
  });
});
