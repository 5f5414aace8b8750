// The data types a store day posts through, by the role each plays, with the accounts (by number in
// the seed's chart) their Transaction Assignment debits and credits. The default seed already has
// some; loading a month adds the rest (so tests that count the seed's records stay as they are).

export const DAY_ROLES = [
  'regular',
  'midgrade',
  'premium',
  'diesel',
  'tobacco',
  'beer',
  'grocery',
  'cafe',
  'store',
  'salesTax',
  'lotterySales',
  'lotteryPayouts',
  'cards',
  'ebt',
  'houseCharges',
  'cashDeposit',
  'paidOuts',
  'overShort',
  'fuelPurchases',
  'merchandisePurchases',
] as const;
export type DayRole = (typeof DAY_ROLES)[number];

interface DayTypeSpec {
  name: string;
  category: 'Sales' | 'Purchases' | 'Receipts' | 'Payouts' | 'Other';
  debit: string;
  credit: string;
}

const CLEARING = '1020'; // Cash in Safe: Store Sales' debit account in the seed's chart

export const DAY_TYPE_SPECS: Record<DayRole, DayTypeSpec> = {
  regular: { name: 'Regular Unleaded Sales', category: 'Sales', debit: CLEARING, credit: '4000.01' },
  midgrade: { name: 'Midgrade Unleaded Sales', category: 'Sales', debit: CLEARING, credit: '4000.01' },
  premium: { name: 'Premium Unleaded Sales', category: 'Sales', debit: CLEARING, credit: '4000.01' },
  diesel: { name: 'Diesel Sales', category: 'Sales', debit: CLEARING, credit: '4000.02' },
  tobacco: { name: 'Tobacco Sales', category: 'Sales', debit: CLEARING, credit: '4100.02' },
  beer: { name: 'Beer & Wine Sales', category: 'Sales', debit: CLEARING, credit: '4100.01' },
  grocery: { name: 'Grocery Sales', category: 'Sales', debit: CLEARING, credit: '4100' },
  cafe: { name: 'Café & Bakery Sales', category: 'Sales', debit: CLEARING, credit: '4100.03' },
  store: { name: 'Store Sales', category: 'Sales', debit: CLEARING, credit: '4100' },
  salesTax: { name: 'Sales Tax Collected', category: 'Other', debit: CLEARING, credit: '2200' },
  lotterySales: { name: 'Lottery Sales', category: 'Sales', debit: CLEARING, credit: '2210' },
  lotteryPayouts: { name: 'Lottery Payouts', category: 'Payouts', debit: '2210', credit: CLEARING },
  cards: { name: 'Credit Card Receipts', category: 'Receipts', debit: '1010', credit: CLEARING },
  ebt: { name: 'EBT Receipts', category: 'Receipts', debit: '1010', credit: CLEARING },
  houseCharges: { name: 'House Account Charges', category: 'Receipts', debit: '1100.01', credit: CLEARING },
  cashDeposit: { name: 'Cash Deposit', category: 'Receipts', debit: '1010', credit: CLEARING },
  paidOuts: { name: 'Vendor Paid Outs', category: 'Payouts', debit: '5100', credit: CLEARING },
  overShort: { name: 'Cash Over/Short', category: 'Other', debit: '6300', credit: CLEARING },
  fuelPurchases: { name: 'Fuel Purchases', category: 'Purchases', debit: '5000', credit: '2000' },
  merchandisePurchases: { name: 'Merchandise Purchases', category: 'Purchases', debit: '5100', credit: '2000' },
};
