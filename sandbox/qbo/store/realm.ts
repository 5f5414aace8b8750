/**
 * A QBO company (realm): its name lists and transactions, CompanyInfo and Preferences, Id counters, hard-delete
 * tombstones (for CDC) and the requestid replay memory.
 */
import { ENTITIES, TABLE_ENTITIES, type EntityName, type TableEntity } from '../entities/catalog';
import { createTable, type QboObject, type StoredRecord, type Table } from './table';

export interface Tombstone {
  type: EntityName;
  id: string;
  deletedMs: number;
}

export interface Realm {
  realmId: string;
  /** Minutes east of UTC used in every timestamp of this company (QBO shows the company's zone). */
  offsetMinutes: number;
  tables: Record<TableEntity, Table>;
  companyInfo: StoredRecord;
  preferences: StoredRecord;
  tombstones: Tombstone[];
  /** requestid → the first response given for it. */
  replies: Map<string, { status: number; body: Record<string, unknown> }>;
  nextId(type: EntityName): string;
}

export interface RealmInit {
  realmId: string;
  companyName: string;
  now: number;
  offsetMinutes?: number;
  country?: string;
}

const LONG_ID_BASE = 5_000_000_000_000_000_000n;

export function createRealm(init: RealmInit): Realm {
  const counters = new Map<EntityName, number>();
  const tables = Object.fromEntries(TABLE_ENTITIES.map((name) => [name, createTable(ENTITIES[name])])) as Record<
    TableEntity,
    Table
  >;
  const meta = { CreateTime: '', LastUpdatedTime: '' };
  const stamp = (data: QboObject): StoredRecord => ({
    id: '1',
    data: { ...data, Id: '1', SyncToken: '0', domain: 'QBO', sparse: false, MetaData: meta },
    createdMs: init.now,
    updatedMs: init.now,
  });

  return {
    realmId: init.realmId,
    offsetMinutes: init.offsetMinutes ?? -420,
    tables,
    companyInfo: stamp({
      CompanyName: init.companyName,
      LegalName: init.companyName,
      CompanyAddr: {
        Id: '1',
        Line1: '100 Main Street',
        City: 'Millbrook',
        CountrySubDivisionCode: 'TX',
        PostalCode: '78600',
        Country: 'US',
      },
      Country: init.country ?? 'US',
      FiscalYearStartMonth: 'January',
      SupportedLanguages: 'en',
      Email: { Address: 'owner@example.com' },
      NameValue: [{ Name: 'OfferingSku', Value: 'QuickBooks Online Plus' }],
    }),
    preferences: stamp({
      AccountingInfoPrefs: {
        TrackDepartments: true,
        DepartmentTerminology: 'Location',
        ClassTrackingPerTxn: true,
        ClassTrackingPerTxnLine: false,
        CustomerTerminology: 'Customers',
        UseAccountNumbers: true,
      },
      ProductAndServicesPrefs: {
        ForSales: true,
        ForPurchase: true,
        QuantityWithPriceAndRate: true,
        QuantityOnHand: true,
      },
      CurrencyPrefs: { MultiCurrencyEnabled: false, HomeCurrency: { value: 'USD' } },
      OtherPrefs: { NameValue: [{ Name: 'SalesFormsPrefs.DefaultCustomerMessage', Value: '' }] },
    }),
    tombstones: [],
    replies: new Map(),
    nextId(type) {
      const n = (counters.get(type) ?? 0) + 1;
      counters.set(type, n);
      return ENTITIES[type].longIds ? String(LONG_ID_BASE + BigInt(n) * 10n) : String(n);
    },
  };
}
