// One station's day as the register and the back office report it: fuel by grade, merchandise by
// department, sales tax, lottery, then where the money went (cards, EBT, house charges, paid-outs,
// the cash deposit) and, on a day that did not count out, cash over/short. Amounts are whole cents;
// the register side and the tender side meet in the clearing account to the cent.
import type { DayLine } from '../../core/transactions';
import type { DayRole } from './day-types';
import type { Rng } from './random';

export interface DayRefs {
  types: Record<DayRole, string>;
  fleetCustomers: readonly string[];
  paidOutVendors: readonly string[];
}

type Draft = Omit<DayLine, 'id' | 'customerId' | 'vendorId'> & { customerId?: string; vendorId?: string };

// Pump prices in tenths of a cent per gallon ($3.089 = 3089), as the pump sign shows them.
const GRADES = [
  { role: 'regular', label: 'Regular 87', price: 3089, share: [70, 78] },
  { role: 'midgrade', label: 'Midgrade 89', price: 3489, share: [6, 10] },
  { role: 'premium', label: 'Premium 93', price: 3889, share: [8, 12] },
] as const;
const DIESEL_PRICE = 3789;
const TAX_RATE_BP = 825; // 8.25 % in basis points

const DEPARTMENTS = [
  { role: 'tobacco', dollars: [600, 1400], taxable: true },
  { role: 'beer', dollars: [300, 900], taxable: true },
  { role: 'grocery', dollars: [500, 1200], taxable: false },
  { role: 'cafe', dollars: [150, 450], taxable: true },
  { role: 'store', dollars: [80, 300], taxable: true },
] as const;

const usd = (cents: number) => `$${(cents / 100).toFixed(2)}`;
const gallonsText = (milli: number) =>
  (milli / 1000).toLocaleString('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });

/** Gallons (in thousandths) times a pump price (tenths of a cent), rounded to the cent. */
const fuelCents = (milliGallons: number, priceTenths: number) => Math.round((milliGallons * priceTenths) / 10_000);

function fuelLines(rng: Rng, refs: DayRefs, drift: number): Draft[] {
  const total = rng.int(2_000_000, 4_000_000); // 2,000–4,000 gallons a day
  const lines: Draft[] = [];
  let left = total;
  for (const g of GRADES) {
    const milli = Math.round((total * rng.int(g.share[0], g.share[1])) / 100);
    left -= milli;
    const price = g.price + drift;
    const memo = `${g.label}: ${gallonsText(milli)} gal @ $${(price / 1000).toFixed(3)}`;
    lines.push({ dataTypeId: refs.types[g.role], amountCents: fuelCents(milli, price), memo });
  }
  const dieselPrice = DIESEL_PRICE + drift;
  const memo = `Diesel: ${gallonsText(left)} gal @ $${(dieselPrice / 1000).toFixed(3)}`;
  lines.push({ dataTypeId: refs.types.diesel, amountCents: fuelCents(left, dieselPrice), memo });
  return lines;
}

export interface DayPlan {
  /** False for a day still open: the cash is not counted yet, so no deposit and no over/short. */
  counted: boolean;
  /** Pump price drift that day, in tenths of a cent (prices move together through the month). */
  drift: number;
}

export function storeDayLines(rng: Rng, refs: DayRefs, plan: DayPlan): DayLine[] {
  const takings: Draft[] = fuelLines(rng, refs, plan.drift);
  let taxable = 0;
  for (const d of DEPARTMENTS) {
    const cents = rng.int(d.dollars[0] * 100, d.dollars[1] * 100);
    if (d.taxable) taxable += cents;
    takings.push({ dataTypeId: refs.types[d.role], amountCents: cents, memo: null });
  }
  const tax = Math.round((taxable * TAX_RATE_BP) / 10_000);
  takings.push({ dataTypeId: refs.types.salesTax, amountCents: tax, memo: `8.25% on ${usd(taxable)}` });
  const lottery = rng.int(300_00, 1_200_00);
  takings.push({ dataTypeId: refs.types.lotterySales, amountCents: lottery, memo: 'Instant and online' });
  const takenIn = takings.reduce((sum, l) => sum + l.amountCents, 0);

  const grocery = takings.find((l) => l.dataTypeId === refs.types.grocery)?.amountCents ?? 0;
  const out: Draft[] = [
    { dataTypeId: refs.types.lotteryPayouts, amountCents: Math.round(lottery * (0.4 + rng.next() * 0.2)), memo: null },
    {
      dataTypeId: refs.types.cards,
      amountCents: Math.round((takenIn - lottery) * (0.65 + rng.next() * 0.1)),
      memo: null,
    },
    { dataTypeId: refs.types.ebt, amountCents: Math.round(grocery * (0.02 + rng.next() * 0.06)), memo: 'SNAP' },
  ];
  for (let i = rng.int(0, 2); i > 0 && refs.fleetCustomers.length > 0; i--) {
    const customerId = rng.pick(refs.fleetCustomers);
    out.push({
      dataTypeId: refs.types.houseCharges,
      amountCents: rng.int(45_00, 320_00),
      customerId,
      memo: 'Fleet fuel',
    });
  }
  for (let i = rng.int(0, 2); i > 0 && refs.paidOutVendors.length > 0; i--) {
    const vendorId = rng.pick(refs.paidOutVendors);
    out.push({
      dataTypeId: refs.types.paidOuts,
      amountCents: rng.int(20_00, 250_00),
      vendorId,
      memo: 'Paid from register',
    });
  }
  if (plan.counted) {
    const expected = takenIn - out.reduce((sum, l) => sum + l.amountCents, 0);
    // A few days do not count out: short (positive) or over (negative), by a few cents to $25.
    const overShort = rng.chance(0.2) ? rng.int(1, 25_00) * (rng.chance(0.7) ? 1 : -1) : 0;
    out.push({ dataTypeId: refs.types.cashDeposit, amountCents: expected - overShort, memo: 'Safe drop to bank' });
    if (overShort !== 0)
      out.push({
        dataTypeId: refs.types.overShort,
        amountCents: overShort,
        memo: overShort > 0 ? 'Cash short' : 'Cash over',
      });
  }
  return [...takings, ...out].map((l, i) => ({
    id: String(i + 1),
    dataTypeId: l.dataTypeId,
    amountCents: l.amountCents,
    customerId: l.customerId ?? null,
    vendorId: l.vendorId ?? null,
    memo: l.memo,
  }));
}
