/** The companies seen on the Audit page that are connected to QuickBooks, as sync targets. */
import type { AppDb, CompanyRow } from '@/lib/db';
import type { ConnectionMetaStore } from './connect-service';
import type { SyncTarget } from './sync-target';

export const targetOf = (company: CompanyRow): SyncTarget => ({
  key: company.key,
  origin: company.origin,
  companyId: company.companyId,
});

export async function connectedTargets(db: AppDb, meta: ConnectionMetaStore): Promise<SyncTarget[]> {
  const targets: SyncTarget[] = [];
  for (const company of await db.companies.toArray()) if (await meta.get(company.key)) targets.push(targetOf(company));
  return targets;
}
