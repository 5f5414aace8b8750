import { describe, expect, it, vi } from 'vitest';
import type { StoredConnection } from '@/lib/auth';
import { ALARM_PREFIX, createAutoSync } from '@/lib/background/auto-sync';
import type { SyncService } from '@/lib/background/sync-service';
import type { CompanyRow } from '@/lib/db';

const company = (id: string): CompanyRow => ({
  key: `https://03.cstoreoffice.com|${id}`,
  origin: 'https://03.cstoreoffice.com',
  companyId: id,
  companyName: `Company ${id}`,
  lastSeenAt: '',
});
const connection = (status: StoredConnection['status']) => ({ status }) as StoredConnection;

function setup(
  opts: {
    minutes?: number;
    /** Each company's own interval, by company id, over `minutes`. */
    minutesOf?: Record<string, number>;
    /** Companies whose first-sync setup is not confirmed, by id (every one is confirmed otherwise). */
    notSetUp?: string[];
    connections?: Record<string, StoredConnection['status']>;
    signedIn?: boolean;
    /** Wire posting: the alarm posts transactions (posting runs the entity sync first). */
    posting?: boolean;
  } = {},
) {
  const alarms = new Map<string, number>();
  const api = {
    create: vi.fn((name: string, info: { periodInMinutes: number }) => alarms.set(name, info.periodInMinutes)),
    clear: vi.fn(async (name: string) => alarms.delete(name)),
    getAll: async () => [...alarms].map(([name, periodInMinutes]) => ({ name, periodInMinutes })),
  };
  const synchronize = vi.fn(async () => ({ outcome: 'success' as const, message: '', summary: {} as never }));
  const post = vi.fn(async () => ({ outcome: 'success' as const, message: '', shown: { rows: [], markers: {} } }));
  const connections = opts.connections ?? { '1': 'connected', '2': 'reconnect-needed' };
  const auto = createAutoSync({
    alarms: api,
    schedule: async (key) => {
      const id = key.split('|')[1]!;
      return { minutes: opts.minutesOf?.[id] ?? opts.minutes ?? 15, setupConfirmed: !opts.notSetUp?.includes(id) };
    },
    companies: async () => [company('1'), company('2'), company('3')],
    connection: async (key) => {
      const status = connections[key.split('|')[1]!];
      return status ? connection(status) : undefined;
    },
    signedIn: async () => opts.signedIn ?? true,
    sync: { synchronize } as unknown as SyncService,
    ...(opts.posting ? { posting: { synchronize: post } } : {}),
  });
  return { auto, alarms, api, synchronize, post };
}

describe('automatic sync', () => {
  it('schedules one alarm per connected company at the chosen interval', async () => {
    const { auto, alarms } = setup();
    await auto.reschedule();
    expect([...alarms]).toEqual([[`${ALARM_PREFIX}https://03.cstoreoffice.com|1`, 15]]);
  });

  it('clears every alarm when automatic sync is off, and follows a new interval', async () => {
    const { auto, alarms } = setup();
    await auto.reschedule();
    const off = setup({ minutes: 0 });
    off.alarms.set(`${ALARM_PREFIX}https://03.cstoreoffice.com|1`, 15);
    await off.auto.reschedule();
    expect(off.alarms.size).toBe(0);
    const hourly = setup({ minutes: 60 });
    hourly.alarms.set(`${ALARM_PREFIX}https://03.cstoreoffice.com|1`, 15);
    await hourly.auto.reschedule();
    expect([...hourly.alarms.values()]).toEqual([60]);
    expect(alarms.size).toBe(1);
  });

  it('leaves an alarm that is already right alone, so its countdown is not restarted', async () => {
    const { auto, api } = setup();
    await auto.reschedule();
    await auto.reschedule();
    expect(api.create).toHaveBeenCalledTimes(1);
    expect(api.clear).not.toHaveBeenCalled();
  });

  it.each([
    ['https://03.cstoreoffice.com|1', true, 'ran'],
    ['https://03.cstoreoffice.com|2', true, 'reconnect'],
    ['https://03.cstoreoffice.com|3', true, 'disconnected'],
    ['https://03.cstoreoffice.com|1', false, 'signedOut'],
  ])('an alarm for %s (signed in: %s) → %s', async (key, signedIn, expected) => {
    const { auto, synchronize } = setup({ signedIn });
    expect(await auto.onAlarm(ALARM_PREFIX + key)).toBe(expected);
    expect(synchronize).toHaveBeenCalledTimes(expected === 'ran' ? 1 : 0);
    if (expected === 'ran')
      expect(synchronize).toHaveBeenCalledWith(expect.objectContaining({ key }), { trigger: 'alarm', who: null });
  });

  it('keeps each company on its own interval', async () => {
    const { auto, alarms } = setup({ connections: { '1': 'connected', '2': 'connected' }, minutesOf: { '2': 60 } });
    await auto.reschedule();
    expect(Object.fromEntries(alarms)).toEqual({
      [`${ALARM_PREFIX}https://03.cstoreoffice.com|1`]: 15,
      [`${ALARM_PREFIX}https://03.cstoreoffice.com|2`]: 60,
    });
  });

  it('schedules nothing for a company whose first-sync setup is not confirmed, and drops its old alarm', async () => {
    const { auto, alarms } = setup({ connections: { '1': 'connected', '2': 'connected' }, notSetUp: ['1'] });
    alarms.set(`${ALARM_PREFIX}https://03.cstoreoffice.com|1`, 15);
    await auto.reschedule();
    expect([...alarms.keys()]).toEqual([`${ALARM_PREFIX}https://03.cstoreoffice.com|2`]);
  });

  it('does not run a company before its setup is confirmed, even when an alarm fires', async () => {
    const { auto, synchronize } = setup({ notSetUp: ['1'] });
    expect(await auto.onAlarm(`${ALARM_PREFIX}https://03.cstoreoffice.com|1`)).toBe('notSetUp');
    expect(synchronize).not.toHaveBeenCalled();
  });

  it('posts transactions on an alarm when posting is wired (the entity run goes first, inside it)', async () => {
    const { auto, synchronize, post } = setup({ posting: true });
    expect(await auto.onAlarm(`${ALARM_PREFIX}https://03.cstoreoffice.com|1`)).toBe('ran');
    expect(post).toHaveBeenCalledWith(expect.objectContaining({ companyId: '1' }), { trigger: 'alarm', who: null });
    expect(synchronize).not.toHaveBeenCalled();
  });

  it('posts nothing when automatic sync was turned off after the alarm was set', async () => {
    const { auto, synchronize, post } = setup({ posting: true, minutes: 0 });
    await auto.onAlarm(`${ALARM_PREFIX}https://03.cstoreoffice.com|1`);
    expect(post).not.toHaveBeenCalled();
    expect(synchronize).toHaveBeenCalledTimes(1);
  });
});
