/** A small store's books for the posting tests: a chart, the day's data types, two stations. */
import type { PostingBooks } from '@/lib/posting/books';
import type { AuditDay, DayLine, VendorInvoice } from '@/lib/posting/types';

const account = (name: string, accountType: string, qboId: string | null) => ({ name, accountType, qboId });

export function storeBooks(over: Partial<PostingBooks> = {}): PostingBooks {
  return {
    accounts: new Map([
      ['a-cash', account('Cash in Safe', 'Bank', '35')],
      ['a-bank', account('Operating Bank', 'Bank', '36')],
      ['a-fuel', account('Fuel Sales', 'Income', '40')],
      ['a-tax', account('Sales Tax Payable', 'Other Current Liability', '41')],
      ['a-house', account('House Accounts', 'Accounts Receivable', '42')],
      ['a-os', account('Cash Over/Short', 'Expense', '43')],
      ['a-cogs', account('Fuel Cost', 'Cost of Goods Sold', '44')],
      ['a-new', account('Car Wash Sales', 'Income', null)],
    ]),
    dataTypes: new Map([
      ['t-store', { name: 'Store Sales', debitAccountId: 'a-cash', creditAccountId: 'a-fuel' }],
      ['t-fuel', { name: 'Regular Unleaded Sales', debitAccountId: 'a-cash', creditAccountId: 'a-fuel' }],
      ['t-tax', { name: 'Sales Tax Collected', debitAccountId: 'a-cash', creditAccountId: 'a-tax' }],
      ['t-deposit', { name: 'Cash Deposit', debitAccountId: 'a-bank', creditAccountId: 'a-cash' }],
      ['t-house', { name: 'House Account Charges', debitAccountId: 'a-house', creditAccountId: 'a-cash' }],
      ['t-os', { name: 'Cash Over/Short', debitAccountId: 'a-os', creditAccountId: 'a-cash' }],
      ['t-wash', { name: 'Car Wash', debitAccountId: 'a-cash', creditAccountId: 'a-new' }],
      ['t-half', { name: 'Misc Receipts', debitAccountId: 'a-cash', creditAccountId: null }],
      ['t-buy', { name: 'Fuel Purchases', debitAccountId: 'a-cogs', creditAccountId: null }],
    ]),
    stations: new Map([
      ['s1', { name: 'Station 1 Main St', stationCode: 'ST01', qboDepartmentId: '1', qboClassId: '500' }],
      ['s2', { name: 'Station 2 Route 9', stationCode: 'ST02', qboDepartmentId: null, qboClassId: null }],
    ]),
    customers: new Map([
      ['c1', { name: 'Wichita Fleet', qboId: '7' }],
      ['c2', { name: 'New Fleet', qboId: null }],
    ]),
    priceBookVendors: new Map([['v1', { name: 'Pepsi Beverages', qboId: '8' }]]),
    accountingVendors: new Map([['v2', { name: 'Kansas Gas Service', qboId: '9' }]]),
    clearingAccountId: 'a-cash',
    tracking: { classes: true, locations: true },
    bookCloseDate: null,
    suspense: null,
    ...over,
  };
}

let lineIds = 0;
export const line = (dataTypeId: string, amountCents: number, extra: Partial<DayLine> = {}): DayLine => ({
  id: String(++lineIds),
  dataTypeId,
  amountCents,
  customerId: null,
  vendorId: null,
  memo: null,
  ...extra,
});

/** A balanced day at station 1: fuel and tax taken in, a house charge, a deposit, $0.07 short. */
export function auditedDay(over: Partial<AuditDay> = {}): AuditDay {
  return {
    id: 'd1',
    stationId: 's1',
    date: '2025-10-01',
    status: 'audited',
    version: 2,
    lines: [
      line('t-fuel', 712_378),
      line('t-tax', 5_000),
      line('t-house', 20_000, { customerId: 'c1' }),
      line('t-deposit', 697_371),
      line('t-os', 7),
    ],
    ...over,
  };
}

/** A fuel load from a price book vendor, delivered to station 1. */
export const fuelInvoice = (over: Partial<VendorInvoice> = {}): VendorInvoice => ({
  id: 'i1',
  vendorType: 'priceBookVendor',
  vendorId: 'v1',
  number: 'BOL-48213',
  date: '2025-10-02',
  dueDate: '2025-10-12',
  stationId: 's1',
  version: 1,
  lines: [{ id: '1', dataTypeId: 't-buy', accountId: null, amountCents: 1_524_390, memo: 'Regular 87: 6,100 gal' }],
  ...over,
});
