// Loads a generated month into a company (the store-month control call): adds the data types a
// store day needs that the company lacks (through the store, so the usual rules apply), finds its
// stations, fleet customers and vendors, then replaces the company's days and invoices.
import type { CsoStore, StoredRecord } from '../../core/store';
import type { TransactionStore } from '../../core/transactions';
import { DAY_ROLES, DAY_TYPE_SPECS, type DayRole } from './day-types';
import { generateStoreMonth, type MonthRefs, type MonthRequest } from './generate-month';

export type LoadResult =
  | { ok: true; days: number; invoices: number; dataTypesAdded: string[] }
  | { ok: false; status: number; message: string };

// Which accounting vendor's bill goes to which expense account, in the seed's chart.
const EXPENSES = [
  { number: '6100', what: 'Electricity' },
  { number: '6000', what: 'Card processing fees' },
  { number: '6200', what: 'Repairs' },
];
// A version counts the changes a day went through: entered, audited, reopened.
const VERSION_OF = { open: 1, audited: 2, reopened: 3 } as const;

export function loadStoreMonth(
  deps: { store: CsoStore; transactions: TransactionStore },
  companyId: string,
  req: MonthRequest,
): LoadResult {
  const liveOf = (segment: Parameters<CsoStore['all']>[1]) =>
    deps.store.all(companyId, segment).filter((r) => !r.deleted);
  const active = (rows: StoredRecord[]) => rows.filter((r) => r.values.active === true);
  const accountId = new Map(liveOf('accounts').map((r) => [r.values.number, r.id]));
  const dataTypes = liveOf('data-types');

  const types = {} as Record<DayRole, string>;
  const dataTypesAdded: string[] = [];
  for (const role of DAY_ROLES) {
    const spec = DAY_TYPE_SPECS[role];
    const found = dataTypes.find((r) => r.values.name === spec.name);
    if (found) {
      types[role] = found.id;
      continue;
    }
    const debitAccountId = accountId.get(spec.debit);
    const creditAccountId = accountId.get(spec.credit);
    if (!debitAccountId || !creditAccountId)
      return {
        ok: false,
        status: 409,
        message: `The chart of accounts lacks ${spec.debit} or ${spec.credit} for "${spec.name}".`,
      };
    const made = deps.store.create(companyId, 'data-types', {
      name: spec.name,
      category: spec.category,
      debitAccountId,
      creditAccountId,
    });
    if (!made.ok) return { ok: false, status: made.error.status, message: made.error.message };
    types[role] = made.record.id;
    dataTypesAdded.push(spec.name);
  }

  const locations = liveOf('locations');
  const stationIds = locations.filter((l) => !locations.some((c) => c.values.parentId === l.id)).map((l) => l.id);
  if (stationIds.length < req.stations)
    return { ok: false, status: 400, message: `The company has ${stationIds.length} stations, not ${req.stations}.` };
  const pbv = active(liveOf('price-book-vendors'));
  const ofCategory = (...c: string[]) => pbv.filter((v) => c.includes(String(v.values.category))).map((v) => v.id);
  const refs: MonthRefs = {
    types,
    stationIds,
    fleetCustomers: active(liveOf('customers'))
      .slice(0, 3)
      .map((c) => c.id),
    paidOutVendors: ofCategory('Merchandise', 'Expenses'),
    fuelVendors: ofCategory('Fuel'),
    merchandiseVendors: ofCategory('Merchandise').slice(0, 2),
    expenseVendors: active(liveOf('accounting-vendors'))
      .slice(0, EXPENSES.length)
      .flatMap((v, i) => {
        const e = EXPENSES[i];
        const id = e && accountId.get(e.number);
        return e && id ? [{ vendorId: v.id, accountId: id, what: e.what }] : [];
      }),
  };

  const month = generateStoreMonth(req, refs);
  deps.transactions.clearCompany(companyId);
  for (const day of month.days) deps.transactions.add(companyId, 'audit-days', day, VERSION_OF[day.status]);
  for (const invoice of month.invoices) deps.transactions.add(companyId, 'vendor-invoices', invoice);
  return { ok: true, days: month.days.length, invoices: month.invoices.length, dataTypesAdded };
}
