/**
 * Automatic sync: one alarm per connected company, every N minutes from the options (0 = off).
 * An alarm is skipped while the company is disconnected, needs reconnecting, or the user is signed
 * out of CStoreOffice; a run already going for the company is joined, never started twice.
 */
import type { StoredConnection } from '@/lib/auth';
import type { CompanyRow } from '@/lib/db';
import type { SyncService } from './sync-service';
import { targetOf as target } from './connected-companies';

export const ALARM_PREFIX = 'qsm-sync|';

export interface AlarmApi {
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): unknown;
  clear(name: string): Promise<boolean> | unknown;
  getAll(): Promise<{ name: string; periodInMinutes?: number }[]>;
}

export type SkipReason = 'disconnected' | 'reconnect' | 'signedOut' | null;

export function createAutoSync(deps: {
  alarms: AlarmApi;
  intervalMinutes: () => Promise<number>;
  companies: () => Promise<CompanyRow[]>;
  connection: (key: string) => Promise<StoredConnection | undefined>;
  /** True while the user's CStoreOffice session on that origin is valid. */
  signedIn: (company: CompanyRow) => Promise<boolean>;
  sync: SyncService;
}) {
  return {
    /** Makes the alarms match the connected companies and the chosen interval. */
    async reschedule(): Promise<void> {
      const minutes = await deps.intervalMinutes();
      const wanted = new Set<string>();
      if (minutes > 0) {
        for (const company of await deps.companies()) {
          if ((await deps.connection(company.key))?.status === 'connected') wanted.add(ALARM_PREFIX + company.key);
        }
      }
      const existing = (await deps.alarms.getAll()).filter((a) => a.name.startsWith(ALARM_PREFIX));
      for (const alarm of existing) {
        if (!wanted.has(alarm.name) || alarm.periodInMinutes !== minutes) await deps.alarms.clear(alarm.name);
      }
      const kept = new Set(
        existing.filter((a) => wanted.has(a.name) && a.periodInMinutes === minutes).map((a) => a.name),
      );
      for (const name of wanted)
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
      if (!(await deps.signedIn(company))) return 'signedOut';
      await deps.sync.synchronize(target(company), { trigger: 'alarm', who: null });
      return 'ran';
    },
  };
}
