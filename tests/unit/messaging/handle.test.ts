import { describe, expect, it, vi } from 'vitest';
import { type Handlers, type OnMessage, registerHandlers } from '@/lib/messaging/handle';
import { PAYLOADS } from '@/lib/messaging/payloads';

const EXTENSION_ID = 'lfnpgbccfgpgpbbmpgdombjkfnlekmcc';

function setup() {
  const listeners = new Map<string, (message: unknown) => Promise<unknown>>();
  const onMessage = ((type: string, handler: (message: unknown) => Promise<unknown>) => {
    listeners.set(type, handler);
    return () => listeners.delete(type);
  }) as unknown as OnMessage;
  const handlers = {
    ...Object.fromEntries(Object.keys(PAYLOADS).map((name) => [name, vi.fn(async () => ({ name }))])),
    getOverview: vi.fn(async () => ({ environment: 'production', companies: [] })),
    getCompany: vi.fn(async (data) => ({ ...data, origin: 'https://03.cstoreoffice.com' })),
  } as unknown as Handlers;
  const remove = registerHandlers({ onMessage, handlers, payloads: PAYLOADS, extensionId: EXTENSION_ID });
  const send = (type: string, data: unknown, sender: object = { id: EXTENSION_ID }) =>
    listeners.get(type)!({ id: 1, type, data, timestamp: 0, sender });
  return { send, handlers, listeners, remove };
}

describe('registerHandlers', () => {
  it('passes a valid message from this extension to its handler', async () => {
    const { send, handlers } = setup();
    await expect(send('getCompany', { companyId: '101', companyName: 'Speedy Stop LLC' })).resolves.toMatchObject({
      companyId: '101',
    });
    expect(handlers.getCompany).toHaveBeenCalledWith(
      { companyId: '101', companyName: 'Speedy Stop LLC' },
      { id: EXTENSION_ID },
    );
  });

  it('refuses a message from another extension, and changes nothing', async () => {
    const { send, handlers } = setup();
    await expect(send('getOverview', undefined, { id: 'someoneelse' })).rejects.toThrow(
      'Refused "getOverview": it did not come from this extension.',
    );
    expect(handlers.getOverview).not.toHaveBeenCalled();
  });

  it.each([
    [{ companyId: '', companyName: 'X' }, 'companyId: companyId is required'],
    [{ companyId: '101' }, 'companyName'],
    [{ companyId: '101', companyName: 'X', token: 'steal' }, 'Unrecognized key'],
    [{ companyId: '<script>', companyName: 'X' }, 'companyId has unexpected characters'],
    ['101', 'expected object'],
  ])('refuses malformed data %j with a clear error, and changes nothing', async (data, words) => {
    const { send, handlers } = setup();
    await expect(send('getCompany', data)).rejects.toThrow(words);
    expect(handlers.getCompany).not.toHaveBeenCalled();
  });

  it.each([
    ['getRows', { companyId: '1', query: { page: 0, pageSize: 5000 } }, 'pageSize'],
    ['getRows', { companyId: '1', query: { page: -1, pageSize: 50 } }, 'page'],
    ['runAction', { companyId: '1', action: 'dropTable', rowKeys: [] }, 'action'],
    ['synchronize', { companyId: '1', origin: 'javascript:alert(1)' }, 'origin'],
    ['getRows', { companyId: '1', query: { page: 0, pageSize: 50, filters: { statuses: ['deleted'] } } }, 'statuses'],
    ['synchronize', { companyId: '1', user: 'x'.repeat(121) }, 'user'],
    ['synchronize', { companyId: '1', user: '   ' }, 'user'],
    ['synchronize', { companyId: '1', user: 'Pat\nAdmin: yes' }, 'user must be one line of text'],
  ])('refuses %s with %j', async (type, data, words) => {
    const { send, handlers } = setup();
    await expect(send(type, data)).rejects.toThrow(words);
    expect((handlers as unknown as Record<string, ReturnType<typeof vi.fn>>)[type]).not.toHaveBeenCalled();
  });

  it('passes the Audit page user with Synchronize, trimmed', async () => {
    const { send, handlers } = setup();
    await send('synchronize', { companyId: '1', user: ' Demo Auditor (auditor@demo.test) ' });
    expect(handlers.synchronize).toHaveBeenCalledWith(
      { companyId: '1', user: 'Demo Auditor (auditor@demo.test)' },
      expect.anything(),
    );
  });

  it('registers every message of the protocol and removes them all', () => {
    const { listeners, remove } = setup();
    expect([...listeners.keys()].sort()).toEqual(Object.keys(PAYLOADS).sort());
    remove();
    expect(listeners.size).toBe(0);
  });
});
