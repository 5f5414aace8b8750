/**
 * Match keys read straight from the sandboxes' dumps (not through our code): CStoreOffice paths
 * built from parentId, QBO's FullyQualifiedName / DisplayName / Name with the " (deleted)" suffix
 * of inactive accounts seen through.
 */
import type { EntityTypeId } from '@/lib/entities';
import { csoControl, qboControl, type Sandboxes } from './harness';

type Row = Record<string, unknown> & { id?: string; Id?: string };

const CSO_SEGMENT: Record<EntityTypeId, string> = {
  account: 'accounts',
  class: 'classes',
  customer: 'customers',
  priceBookVendor: 'price-book-vendors',
  accountingVendor: 'accounting-vendors',
  dataType: 'data-types',
  location: 'locations',
};
const QBO_LIST: Record<EntityTypeId, string> = {
  account: 'Account',
  class: 'Class',
  customer: 'Customer',
  priceBookVendor: 'Vendor',
  accountingVendor: 'Vendor',
  dataType: 'Item',
  location: 'Department',
};

export interface DumpRecord {
  id: string;
  key: string;
  active: boolean;
  raw: Row;
}

export async function csoDump(sb: Sandboxes, companyId: string): Promise<Record<EntityTypeId, DumpRecord[]>> {
  const dump = await csoControl<{ companies: { id: string; records: Record<string, Row[]> }[] }>(
    sb,
    `dump?company=${companyId}`,
  );
  const records = dump.companies[0]!.records;
  const out = {} as Record<EntityTypeId, DumpRecord[]>;
  for (const [type, segment] of Object.entries(CSO_SEGMENT) as [EntityTypeId, string][]) {
    const live = (records[segment] ?? []).filter((r) => r.deleted !== true);
    const byId = new Map(live.map((r) => [String(r.id), r]));
    const path = (r: Row): string => {
      const parent = r.parentId ? byId.get(String(r.parentId)) : undefined;
      return parent ? `${path(parent)}:${String(r.name)}` : String(r.name);
    };
    out[type] = live.map((r) => ({ id: String(r.id), key: path(r), active: r.active !== false, raw: r }));
  }
  return out;
}

const seeThrough = (s: string) =>
  s
    .split(':')
    .map((p) => p.replace(/ \(deleted\)$/, ''))
    .join(':');

export async function qboDump(sb: Sandboxes, realmId: string): Promise<Record<string, DumpRecord[]>> {
  const dump = await qboControl<Record<string, Row[]>>(sb, `realms/${realmId}`);
  const out: Record<string, DumpRecord[]> = {};
  for (const list of new Set(Object.values(QBO_LIST))) {
    out[list] = (dump[list] ?? [])
      .filter((r) => list !== 'Item' || r.Type === 'Service')
      .map((r) => {
        const name = String(r.FullyQualifiedName ?? r.DisplayName ?? r.Name);
        return {
          id: String(r.Id),
          key: seeThrough(list === 'Item' ? String(r.Name) : name),
          active: r.Active !== false,
          raw: r,
        };
      });
  }
  return out;
}

export { QBO_LIST };
