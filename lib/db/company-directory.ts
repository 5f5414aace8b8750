/**
 * The CStoreOffice companies this browser has seen on an Audit page, so the popup can list them
 * even when no Audit page is open.
 */
import { type AppDb, type CompanyRow, companyKey } from './app-db';

export interface CompanyDirectory {
  remember(company: { origin: string; companyId: string; companyName: string }): Promise<CompanyRow>;
  list(): Promise<CompanyRow[]>;
}

export function createCompanyDirectory(db: AppDb, now: () => Date): CompanyDirectory {
  return {
    async remember({ origin, companyId, companyName }) {
      const row: CompanyRow = {
        key: companyKey(origin, companyId),
        origin,
        companyId,
        companyName,
        lastSeenAt: now().toISOString(),
      };
      await db.companies.put(row);
      return row;
    },
    async list() {
      return await db.companies.orderBy('lastSeenAt').reverse().toArray();
    },
  };
}
