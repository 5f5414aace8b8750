// The sandbox's store of a company's transactions (contract v1.4): audit days and vendor invoices.
// Read-only over the API; written by the control API (as CStoreOffice's own forms would) and by the
// store-month generator. Lists page like entity lists, through change-list.ts.
import { dropTombstonesBefore, pageOf, type Changed, type ListQuery } from './change-list';

export const TRANSACTION_KINDS = ['audit-days', 'vendor-invoices'] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

export type DayStatus = 'open' | 'audited' | 'reopened';

export interface DayLine {
  id: string;
  dataTypeId: string;
  amountCents: number;
  customerId: string | null;
  vendorId: string | null;
  memo: string | null;
}

export interface AuditDayBody {
  stationId: string;
  date: string;
  status: DayStatus;
  lines: DayLine[];
}

export interface InvoiceLine {
  id: string;
  dataTypeId: string | null;
  accountId: string | null;
  amountCents: number;
  memo: string | null;
}

export interface VendorInvoiceBody {
  vendorType: 'priceBookVendor' | 'accountingVendor';
  vendorId: string;
  number: string;
  date: string;
  dueDate: string;
  stationId: string;
  lines: InvoiceLine[];
}

interface BodyOf {
  'audit-days': AuditDayBody;
  'vendor-invoices': VendorInvoiceBody;
}

export interface StoredDoc<K extends TransactionKind = TransactionKind> extends Changed {
  companyId: string;
  kind: K;
  version: number;
  body: BodyOf[K];
}

// Apart from the entity ids (1001 up), so a transaction id never names a record too.
const FIRST_ID = 90_000_001;

export type TransactionStore = ReturnType<typeof createTransactionStore>;

export function createTransactionStore(deps: { now: () => number }) {
  let buckets = new Map<string, Map<string, StoredDoc>>();
  let seq = 0;
  let nextId = FIRST_ID;

  const bucket = <K extends TransactionKind>(companyId: string, kind: K) => {
    const key = `${companyId}/${kind}`;
    let found = buckets.get(key);
    if (!found) buckets.set(key, (found = new Map()));
    return found as Map<string, StoredDoc<K>>;
  };
  const touch = (doc: StoredDoc) => {
    doc.seq = ++seq;
    doc.updatedAtMs = deps.now();
    const b = bucket(doc.companyId, doc.kind);
    b.delete(doc.id);
    b.set(doc.id, doc);
  };
  const live = <K extends TransactionKind>(companyId: string, kind: K, id: string) => {
    const doc = bucket(companyId, kind).get(id);
    return doc && !doc.deleted ? doc : undefined;
  };

  return {
    get: live,
    all: <K extends TransactionKind>(companyId: string, kind: K) => [...bucket(companyId, kind).values()],
    list: (companyId: string, kind: TransactionKind, q: ListQuery) => pageOf(bucket(companyId, kind).values(), q),
    pruneTombstones(companyId: string, kind: TransactionKind, beforeMs: number) {
      dropTombstonesBefore(bucket(companyId, kind), beforeMs);
    },
    add<K extends TransactionKind>(companyId: string, kind: K, body: BodyOf[K], version = 1): StoredDoc<K> {
      const doc: StoredDoc<K> = {
        id: String(nextId++),
        companyId,
        kind,
        version,
        body,
        seq: 0,
        updatedAtMs: 0,
        deleted: false,
      };
      touch(doc);
      return doc;
    },

    /** Applies a change someone made in CStoreOffice: a new version, and the end of the change order. */
    change<K extends TransactionKind>(doc: StoredDoc<K>, body: BodyOf[K]): StoredDoc<K> {
      doc.body = body;
      doc.version++;
      touch(doc);
      return doc;
    },

    remove(doc: StoredDoc): void {
      doc.deleted = true;
      doc.version++;
      touch(doc);
    },

    /** Drops one company's documents without tombstones, as loading a seed does. */
    clearCompany(companyId: string) {
      for (const kind of TRANSACTION_KINDS) buckets.delete(`${companyId}/${kind}`);
    },
    clear() {
      buckets = new Map();
      seq = 0;
      nextId = FIRST_ID;
    },
  };
}
