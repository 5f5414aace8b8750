/**
 * Posting against both sandboxes over HTTP: a company with a generated store month, its entities
 * synchronized first, a posting engine built as the extension builds it, and a tie-out computed
 * from the two sandboxes' own stores — independently of lib/posting, so it checks the product
 * rather than agreeing with it.
 */
import { postingPrefsOf } from '@/lib/background/posting-prefs';
import { type CsoClient, createCsoDocuments } from '@/lib/cso';
import { booksFrom } from '@/lib/posting/books-from-entities';
import { createPostingEngine } from '@/lib/posting/engine';
import type { PostingSnapshot } from '@/lib/posting/ports';
import type { QboClient } from '@/lib/qbo';
import { createQboPostedStore } from '@/lib/qbo/posted-store';
import type { EntityView } from '@/lib/sync';
import type { QboCompanyPrefs } from '@/lib/sync/qbo-company';
import { type Connection, csoControl, qboControl, type Sandboxes } from '../sync/harness';

type Row = Record<string, unknown>;
type Ref = { value?: string } | undefined;

/**
 * Adds `count` stations (locations without children, as the store month uses them), and a class
 * named as each of the company's stations, so every line carries the station's class.
 */
export async function addStations(sb: Sandboxes, companyId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++)
    await csoControl(sb, `companies/${companyId}/locations`, {
      name: `Prairie Express #${50 + i}`,
      stationCode: String(50 + i),
    });
  const dump = await csoControl<{ companies: { records: Record<string, Row[]> }[] }>(sb, `dump?company=${companyId}`);
  const locations = (dump.companies[0]!.records.locations ?? []).filter((r) => !r.deleted);
  for (const station of locations.filter((l) => !locations.some((c) => c.parentId === l.id)))
    await csoControl(sb, `companies/${companyId}/classes`, { name: String(station.name) });
}

/** Turns on class tracking per line and locations, as a person does in QuickBooks' settings. */
export async function trackClassesAndLocations(sb: Sandboxes, realmId: string): Promise<void> {
  const { access_token } = await qboControl<{ access_token: string }>(sb, 'tokens', { realmId });
  const url = `${sb.qbo.url}/v3/company/${realmId}/preferences`;
  const headers = {
    Authorization: `Bearer ${access_token}`,
    Accept: 'application/json',
    'Content-Type': 'application/json',
  };
  const current = (await (await fetch(url, { headers })).json()) as { Preferences: { SyncToken: string } };
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      sparse: true,
      SyncToken: current.Preferences.SyncToken,
      AccountingInfoPrefs: { ClassTrackingPerTxnLine: true, TrackDepartments: true },
    }),
  });
  if (!res.ok) throw new Error(`preferences: HTTP ${res.status} ${await res.text()}`);
}

export async function loadMonth(sb: Sandboxes, companyId: string, stations: number, days = 31) {
  return csoControl<{ days: number; invoices: number }>(sb, `companies/${companyId}/store-month`, {
    stations,
    days,
    seed: 11,
    startDate: '2025-10-01',
  });
}

/**
 * A posting engine wired as the background wires one (lib/background/posting-engine-factory.ts),
 * over the given clients, with the books from `entities` and a snapshot kept between its runs.
 */
export function postingEngineOver(o: {
  csoClient: CsoClient;
  qboClient: QboClient;
  companyId: string;
  entities: () => Promise<EntityView>;
  prefs: QboCompanyPrefs;
  /** The QuickBooks account named as the company's suspense account (none by default). */
  suspense?: string;
  runPrefix: string;
}) {
  let runs = 0;
  let snapshot: PostingSnapshot | null = null;
  return createPostingEngine({
    cache: { load: async () => snapshot, save: async (s) => void (snapshot = s) },
    now: () => new Date(),
    documents: createCsoDocuments({ client: o.csoClient, companyId: o.companyId }),
    qbo: createQboPostedStore({ client: o.qboClient }),
    books: async () => {
      const view = await o.entities();
      return booksFrom(view, {
        ...postingPrefsOf(o.prefs),
        suspense: o.suspense ? view.qboAccountNamed(o.suspense) : null,
      });
    },
    newRunId: () => `${o.runPrefix}-${++runs}-${Date.now() % 1e6}`,
  });
}

/** `suspense`: the QuickBooks account named as the company's suspense account (none by default). */
export async function postingFor(c: Connection, suspense = '') {
  return postingEngineOver({
    csoClient: c.csoClient,
    qboClient: c.qboClient,
    companyId: c.companyId,
    entities: () => c.engine.entities(),
    prefs: await c.qboClient.companyPreferences(),
    suspense,
    runPrefix: `post-${c.realmId.slice(-6)}`,
  });
}

const cents = (amount: unknown) => Math.round(Number(amount) * 100);
const add = (nets: Map<string, number>, key: string, amount: number) => nets.set(key, (nets.get(key) ?? 0) + amount);
const nonZero = (nets: Map<string, number>) => Object.fromEntries([...nets].filter(([, v]) => v !== 0).sort());

/** What CStoreOffice's audited days and invoices put on each QuickBooks account × class × location. */
export async function expectedNets(
  sb: Sandboxes,
  companyId: string,
  realmId: string,
  tracking: { classes: boolean; locations: boolean },
) {
  const dump = await csoControl<{
    companies: { records: Record<string, Row[]>; transactions: { auditDays: Row[]; vendorInvoices: Row[] } }[];
  }>(sb, `dump?company=${companyId}`);
  const { records, transactions } = dump.companies[0]!;
  const linked = (r: Row) => {
    const q = r.qbo as { realmId: string; id: string } | null | undefined;
    return q && q.realmId === realmId ? q.id : null;
  };
  const byId = (segment: string) =>
    new Map((records[segment] ?? []).filter((r) => !r.deleted).map((r) => [String(r.id), r]));
  const accounts = byId('accounts');
  const dataTypes = byId('data-types');
  const locations = byId('locations');
  const classes = new Map((records.classes ?? []).filter((r) => !r.deleted).map((r) => [String(r.name), r]));
  const where = (stationId: string) => {
    const station = locations.get(stationId)!;
    const cls = classes.get(String(station.name));
    return `${tracking.classes && cls ? linked(cls) : ''}|${tracking.locations ? linked(station) : ''}`;
  };
  const account = (id: unknown) => linked(accounts.get(String(id))!) ?? `unlinked:${String(id)}`;
  const nets = new Map<string, number>();
  for (const day of transactions.auditDays) {
    if (day.status !== 'audited') continue;
    for (const line of day.lines as Row[]) {
      const type = dataTypes.get(String(line.dataTypeId))!;
      const amount = Number(line.amountCents);
      add(nets, `${account(type.debitAccountId)}|${where(String(day.stationId))}`, amount);
      add(nets, `${account(type.creditAccountId)}|${where(String(day.stationId))}`, -amount);
    }
  }
  for (const invoice of transactions.vendorInvoices) {
    if (invoice.deleted) continue;
    for (const line of invoice.lines as Row[]) {
      const debit = line.dataTypeId ? dataTypes.get(String(line.dataTypeId))!.debitAccountId : line.accountId;
      add(nets, `${account(debit)}|${where(String(invoice.stationId))}`, Number(line.amountCents));
    }
  }
  return nonZero(nets);
}

/** What QuickBooks' journal entries, bills and vendor credits put on each account × class × location. */
export async function postedNets(sb: Sandboxes, realmId: string) {
  const dump = await qboControl<Record<string, Row[]>>(sb, `realms/${realmId}`);
  const nets = new Map<string, number>();
  const key = (acct: Ref, cls: Ref, dept: Ref) => `${acct?.value}|${cls?.value ?? ''}|${dept?.value ?? ''}`;
  for (const je of dump.JournalEntry ?? [])
    for (const line of je.Line as Row[]) {
      const d = line.JournalEntryLineDetail as Row;
      const amount = cents(line.Amount);
      add(
        nets,
        key(d.AccountRef as Ref, d.ClassRef as Ref, d.DepartmentRef as Ref),
        d.PostingType === 'Credit' ? -amount : amount,
      );
    }
  for (const [list, sign] of [
    ['Bill', 1],
    ['VendorCredit', -1],
  ] as const)
    for (const txn of dump[list] ?? [])
      for (const line of txn.Line as Row[]) {
        const d = line.AccountBasedExpenseLineDetail as Row;
        add(nets, key(d.AccountRef as Ref, d.ClassRef as Ref, txn.DepartmentRef as Ref), sign * cents(line.Amount));
      }
  return nonZero(nets);
}

/** Journal entries, bills and credits by document number: two of one number is a duplicate posting. */
export async function postedNumbers(sb: Sandboxes, realmId: string): Promise<string[]> {
  const dump = await qboControl<Record<string, Row[]>>(sb, `realms/${realmId}`);
  return ['JournalEntry', 'Bill', 'VendorCredit']
    .flatMap((list) => (dump[list] ?? []).map((t) => `${list}:${String(t.DocNumber)}`))
    .sort();
}
