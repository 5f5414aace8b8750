// A month of one station's vendor invoices: fuel loads every few days, price book deliveries each
// week, the month's expense bills, and (once per company) a vendor credit for returned goods, whose
// negative total makes it a credit rather than a bill.
import type { InvoiceLine, VendorInvoiceBody } from '../../core/transactions';
import type { DayRole } from './day-types';
import type { Rng } from './random';

export interface InvoiceRefs {
  types: Record<DayRole, string>;
  fuelVendors: readonly string[];
  merchandiseVendors: readonly string[];
  /** Accounting vendors and the expense account each one's bills go to. */
  expenseVendors: ReadonlyArray<{ vendorId: string; accountId: string; what: string }>;
}

export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const line = (n: number, l: Omit<InvoiceLine, 'id' | 'dataTypeId' | 'accountId'> & Partial<InvoiceLine>) => ({
  id: String(n),
  dataTypeId: l.dataTypeId ?? null,
  accountId: l.accountId ?? null,
  amountCents: l.amountCents,
  memo: l.memo,
});

/** Rack cost in tenths of a cent a gallon times gallons: a tanker's 7,500–9,000 gallons. */
function fuelLoad(rng: Rng, refs: InvoiceRefs): InvoiceLine[] {
  const split = [
    ['Regular 87', rng.int(5_500, 6_500), rng.int(2_450, 2_650)],
    ['Premium 93', rng.int(1_000, 1_500), rng.int(3_150, 3_350)],
    ['Diesel', rng.int(900, 1_200), rng.int(2_950, 3_150)],
  ] as const;
  return split.map(([grade, gallons, rack], i) =>
    line(i + 1, {
      dataTypeId: refs.types.fuelPurchases,
      amountCents: Math.round((gallons * rack) / 10),
      memo: `${grade}: ${gallons.toLocaleString('en-US')} gal @ $${(rack / 1000).toFixed(3)}`,
    }),
  );
}

export function stationInvoices(
  rng: Rng,
  refs: InvoiceRefs,
  stationId: string,
  startDate: string,
  days: number,
  withCredit: boolean,
): VendorInvoiceBody[] {
  const out: VendorInvoiceBody[] = [];
  const add = (
    vendorType: VendorInvoiceBody['vendorType'],
    vendorId: string,
    prefix: string,
    day: number,
    terms: number,
    lines: InvoiceLine[],
  ) => {
    const date = addDays(startDate, day);
    const number = `${prefix}${rng.int(10_000, 99_999)}`;
    out.push({ vendorType, vendorId, number, date, dueDate: addDays(date, terms), stationId, lines });
  };
  if (refs.fuelVendors.length > 0)
    for (let day = rng.int(0, 2); day < days; day += rng.int(3, 4))
      add('priceBookVendor', rng.pick(refs.fuelVendors), 'BOL-', day, 10, fuelLoad(rng, refs));
  for (const vendorId of refs.merchandiseVendors)
    for (let day = rng.int(0, 6); day < days; day += 7) {
      const amountCents = rng.int(300_00, 1_500_00);
      add('priceBookVendor', vendorId, 'INV-', day, 14, [
        line(1, { dataTypeId: refs.types.merchandisePurchases, amountCents, memo: 'Delivery' }),
      ]);
    }
  if (days >= 20)
    for (const v of refs.expenseVendors) {
      const amountCents = rng.int(250_00, 2_500_00);
      add('accountingVendor', v.vendorId, 'AC-', days - 1, 30, [
        line(1, { accountId: v.accountId, amountCents, memo: v.what }),
      ]);
    }
  const creditVendor = refs.merchandiseVendors[0];
  if (withCredit && creditVendor !== undefined) {
    const amountCents = -rng.int(45_00, 180_00);
    add('priceBookVendor', creditVendor, 'CM-', Math.min(days - 1, 9), 0, [
      line(1, { dataTypeId: refs.types.merchandisePurchases, amountCents, memo: 'Returned out-of-date product' }),
    ]);
  }
  return out;
}
