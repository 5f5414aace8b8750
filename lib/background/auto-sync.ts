/**
 * Automatic sync: one alarm per connected company, every N minutes from that company's settings
 * (0 = off). A company whose first-sync setup the user has not confirmed gets no alarm: its first
 * run is the user's own, after choosing what travels which way. An alarm is skipped while the
 * company is disconnected, needs reconnecting, is not set up, or the user is signed out of
 * CStoreOffice; a run already going for the company is joined, never started twice. With posting
 * wired, the run also posts the newly audited days and invoices, after the entity run (posting runs it).
 */
import type { StoredConnection } from '@/lib/auth';
import type { CompanyRow } from '@/lib/db';
import type { PostingService } from './posting-service';
import type { SyncService } from './sync-service';
import { targetOf as target } from './connected-companies';

export const ALARM_PREFIX = 'qsm-sync|';

export interface AlarmApi {
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): unknown;
  clear(name: string): Promise<boolean> | unknown;
  getAll(): Promise<{ name: string; periodInMinutes?: number }[]>;
}

export type SkipReason = 'disconnected' | 'reconnect' | 'notSetUp' | 'signedOut' | null;

/** What a company's settings say of its automatic sync. */
export interface Schedule {
  minutes: number;
  setupConfirmed: boolean;
}

export function createAutoSync(deps: {
  alarms: AlarmApi;
  schedule: (key: string) => Promise<Schedule>;
  companies: () => Promise<CompanyRow[]>;
  connection: (key: string) => Promise<StoredConnection | undefined>;
  /** True while the user's CStoreOffice session on that origin is valid. */
  signedIn: (company: CompanyRow) => Promise<boolean>;
  sync: SyncService;
  posting?: Pick<PostingService, 'synchronize'>;
}) {
  return {
    /** Makes the alarms match the connected companies and the chosen interval. */
    async reschedule(): Promise<void> {
      const wanted = new Map<string, number>();
      for (const company of await deps.companies()) {
        if ((await deps.connection(company.key))?.status !== 'connected') continue;
        const { minutes, setupConfirmed } = await deps.schedule(company.key);
        if (minutes > 0 && setupConfirmed) wanted.set(ALARM_PREFIX + company.key, minutes);
      }
      const existing = (await deps.alarms.getAll()).filter((a) => a.name.startsWith(ALARM_PREFIX));
      const kept = new Set<string>();
      for (const alarm of existing) {
        if (wanted.get(alarm.name) === alarm.periodInMinutes) kept.add(alarm.name);
        else await deps.alarms.clear(alarm.name);
      }
      for (const [name, minutes] of wanted)
        if (!kept.has(name)) deps.alarms.create(name, { periodInMinutes: minutes, delayInMinutes: minutes });
    },

    /** Runs the company an alarm names, unless it has to be skipped (and says why). */
    async onAlarm(name: string): Promise<SkipReason | 'ran'> {
      if (!name.startsWith(ALARM_PREFIX)) return null;
      const key = name.slice(ALARM_PREFIX.length);
      const company = (await deps.companies()).find((c) => c.key === key);
      const connection = await deps.connection(key);
      if (!company || !connection) return 'disconnected';
      if (connection.status !== 'connected') return 'reconnect';
      // An alarm left from before the setup was confirmed (or another realm) must not run either.
      const { minutes, setupConfirmed } = await deps.schedule(key);
      if (!setupConfirmed) return 'notSetUp';
      if (!(await deps.signedIn(company))) return 'signedOut';
      // Automatic sync turned off since the alarm was set: nothing is posted on its behalf either.
      if (deps.posting && minutes > 0) await deps.posting.synchronize(target(company), { trigger: 'alarm', who: null });
      else await deps.sync.synchronize(target(company), { trigger: 'alarm', who: null });
      return 'ran';
    },
  };
}
