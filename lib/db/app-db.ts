/**
 * The background's IndexedDB. Only the background opens it: content scripts run in the page's
 * origin and could not see it anyway. Each schema change gets a new version() with its upgrade.
 */
import Dexie, { type EntityTable } from 'dexie';

export interface CompanyRow {
  /** `${origin}|${companyId}`: the same company id on two CStoreOffice shards is two companies. */
  key: string;
  origin: string;
  companyId: string;
  companyName: string;
  lastSeenAt: string;
}

export class AppDb extends Dexie {
  companies!: EntityTable<CompanyRow, 'key'>;

  constructor(name = 'qbo-sync-manager') {
    super(name);
    this.version(1).stores({
      companies: 'key, origin, lastSeenAt',
    });
  }
}

export function companyKey(origin: string, companyId: string): string {
  return `${origin}|${companyId}`;
}
