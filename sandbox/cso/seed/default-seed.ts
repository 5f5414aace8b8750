// The default demo data: two convenience-store chains with the entities CStoreOffice's accounting
// module holds. Refs like '@cash' let records point at each other before ids exist.
import type { SeedCompany } from '../core/store';
import { trickyRecords } from './tricky-names';

type Row = Record<string, unknown> & { ref?: string };

const acct = (
  ref: string,
  number: string,
  name: string,
  accountType: string,
  parent?: string,
  description: string | null = null,
): Row => ({ ref, number, name, accountType, parentId: parent ? `@${parent}` : null, description });

function chartOfAccounts(p: string, stations: string[]): Row[] {
  return [
    acct(`${p}bank`, '1010', 'Operating Bank Account', 'Bank'),
    acct(`${p}safe`, '1020', 'Cash in Safe', 'Other Current Asset'),
    ...stations.map((s, i) =>
      acct(`${p}safe${i}`, `1020.0${i + 1}`, `Cash in Safe - Station ${s}`, 'Other Current Asset', `${p}safe`),
    ),
    acct(`${p}ar`, '1100', 'Accounts Receivable', 'Accounts Receivable'),
    acct(`${p}house`, '1100.01', 'House Accounts Receivable', 'Accounts Receivable', `${p}ar`),
    acct(`${p}inv`, '1200', 'Inventory', 'Other Current Asset'),
    acct(`${p}invfuel`, '1200.01', 'Fuel Inventory', 'Other Current Asset', `${p}inv`),
    acct(`${p}invmerch`, '1200.02', 'Merchandise Inventory', 'Other Current Asset', `${p}inv`),
    acct(`${p}invlotto`, '1200.03', 'Lottery Inventory', 'Other Current Asset', `${p}inv`),
    acct(`${p}equip`, '1500', 'Equipment', 'Fixed Asset'),
    acct(`${p}disp`, '1500.01', 'Fuel Dispensers', 'Fixed Asset', `${p}equip`),
    acct(`${p}ap`, '2000', 'Accounts Payable', 'Accounts Payable'),
    acct(`${p}fleet`, '2100', 'Fleet Credit Card', 'Credit Card'),
    acct(`${p}tax`, '2200', 'Sales Tax Payable', 'Other Current Liability'),
    acct(`${p}lottopay`, '2210', 'Lottery Payable', 'Other Current Liability'),
    acct(`${p}loan`, '2500', 'Equipment Loan', 'Long Term Liability'),
    acct(`${p}equity`, '3000', "Owner's Equity", 'Equity'),
    acct(`${p}retained`, '3100', 'Retained Earnings', 'Equity'),
    acct(`${p}fuelsales`, '4000', 'Fuel Sales', 'Income'),
    acct(`${p}gas`, '4000.01', 'Gasoline Sales', 'Income', `${p}fuelsales`),
    acct(`${p}diesel`, '4000.02', 'Diesel Sales', 'Income', `${p}fuelsales`),
    acct(`${p}merch`, '4100', 'Merchandise Sales', 'Income'),
    acct(`${p}beer`, '4100.01', 'Beer & Wine', 'Income', `${p}merch`),
    acct(`${p}tobacco`, '4100.02', 'Tobacco', 'Income', `${p}merch`),
    acct(`${p}cafe`, '4100.03', 'Café & Bakery', 'Income', `${p}merch`),
    acct(`${p}lotto`, '4200', 'Lottery Commissions', 'Income'),
    acct(`${p}cogsfuel`, '5000', 'Cost of Fuel', 'Cost of Goods Sold'),
    acct(`${p}cogsmerch`, '5100', 'Cost of Merchandise', 'Cost of Goods Sold'),
    acct(`${p}ccfees`, '6000', 'Credit Card Fees', 'Expense'),
    acct(`${p}util`, '6100', 'Utilities', 'Expense'),
    acct(`${p}repairs`, '6200', 'Repairs & Maintenance', 'Expense'),
    acct(`${p}overshort`, '6300', 'Cash Over/Short', 'Expense'),
    acct(`${p}interest`, '7000', 'Interest Income', 'Other Income'),
    acct(`${p}penalties`, '8000', 'Penalties & Fines', 'Other Expense'),
  ];
}

function dataTypes(p: string): Row[] {
  const dt = (name: string, category: string, debit: string, credit: string): Row => ({
    name,
    category,
    debitAccountId: `@${p}${debit}`,
    creditAccountId: `@${p}${credit}`,
  });
  return [
    dt('Gasoline Sales', 'Sales', 'safe', 'gas'),
    dt('Diesel Sales', 'Sales', 'safe', 'diesel'),
    dt('Store Sales', 'Sales', 'safe', 'merch'),
    dt('Beer & Wine Sales', 'Sales', 'safe', 'beer'),
    dt('Tobacco Sales', 'Sales', 'safe', 'tobacco'),
    dt('Lottery Sales', 'Sales', 'safe', 'lottopay'),
    dt('Fuel Purchases', 'Purchases', 'cogsfuel', 'ap'),
    dt('Credit Card Receipts', 'Receipts', 'bank', 'safe'),
    dt('Lottery Payouts', 'Payouts', 'lottopay', 'safe'),
  ];
}

function sunrise(): SeedCompany {
  const tricky = trickyRecords();
  return {
    id: '1',
    name: 'Sunrise Fuel & Food LLC',
    records: {
      accounts: [...chartOfAccounts('s-', ['101', '102', '103']), ...(tricky.accounts ?? [])],
      classes: [
        { ref: 's-retail', name: 'Retail' },
        { name: 'Station 101 - Main St', parentId: '@s-retail' },
        { name: 'Station 102 - Elm & 5th', parentId: '@s-retail' },
        { name: 'Station 103 - Route 9 Travel Plaza', parentId: '@s-retail' },
        { name: 'Wholesale Fuel' },
        ...(tricky.classes ?? []),
      ],
      customers: [
        {
          name: 'City of Springfield',
          companyName: 'City of Springfield Public Works',
          email: 'ap@springfield.example',
          phone: '(214) 555-0100',
        },
        { name: 'Greenway Landscaping', companyName: 'Greenway Landscaping Inc.', phone: '(214) 555-0120' },
        { name: 'Dallas Cab Company', email: 'fleet@dallascab.example', active: false },
        ...(tricky.customers ?? []),
      ],
      'price-book-vendors': [
        { name: 'Coca-Cola Bottling Co.', category: 'Merchandise', taxId: '58-0628465', phone: '(800) 555-0140' },
        { name: 'Frito-Lay', category: 'Merchandise', email: 'dsd@fritolay.example' },
        { name: 'Valero Marketing and Supply', category: 'Fuel', taxId: '74-1828067' },
        { name: 'Texas Lottery Commission', category: 'Lottery', phone: '(512) 555-0150' },
        { name: 'Waste Management', category: 'Expenses' },
        ...(tricky['price-book-vendors'] ?? []),
      ],
      'accounting-vendors': [
        { name: 'Oncor Electric Delivery', email: 'billing@oncor.example' },
        { name: 'Texas Comptroller', taxId: null },
        { name: 'Heartland Payment Systems', phone: '(888) 555-0160' },
        ...(tricky['accounting-vendors'] ?? []),
      ],
      'data-types': dataTypes('s-'),
      locations: [
        { ref: 's-dallas', name: 'Dallas Region', stationCode: 'R1', address: null },
        {
          name: 'Sunrise #101 Main St',
          stationCode: '101',
          parentId: '@s-dallas',
          address: '101 Main St, Dallas, TX 75201',
        },
        {
          name: 'Sunrise #102 Elm & 5th',
          stationCode: '102',
          parentId: '@s-dallas',
          address: '500 Elm St, Dallas, TX 75202',
        },
        { ref: 's-fw', name: 'Fort Worth Region', stationCode: 'R2', address: null },
        {
          name: 'Sunrise #103 Route 9 Travel Plaza',
          stationCode: '103',
          parentId: '@s-fw',
          address: '9000 Route 9, Fort Worth, TX 76101',
        },
      ],
    },
  };
}

function prairie(): SeedCompany {
  return {
    id: '2',
    name: 'Prairie Express Stores, Inc.',
    records: {
      accounts: chartOfAccounts('p-', ['7', '12']),
      classes: [{ name: 'Store 7 - Wichita' }, { name: 'Store 12 - Salina' }],
      customers: [
        { name: 'Kansas Wheat Co-op', companyName: 'Kansas Wheat Cooperative', email: 'office@kswheat.example' },
        { name: 'Sunflower School District', phone: '(316) 555-0170' },
      ],
      'price-book-vendors': [
        { name: 'Pepsi Beverages', category: 'Merchandise' },
        { name: 'Phillips 66 Fuel', category: 'Fuel', taxId: '37-1652702' },
        { name: 'Kansas Lottery', category: 'Lottery' },
        { name: 'Cintas Uniforms', category: 'Expenses' },
      ],
      'accounting-vendors': [{ name: 'Evergy Electric' }, { name: 'Kansas Department of Revenue' }],
      'data-types': dataTypes('p-'),
      locations: [
        { name: 'Prairie Express #7', stationCode: '7', address: '700 W Kellogg St, Wichita, KS 67213' },
        { name: 'Prairie Express #12', stationCode: '12', address: '1200 S Ohio St, Salina, KS 67401' },
      ],
    },
  };
}

export function defaultSeed(): SeedCompany[] {
  return [sunrise(), prairie()];
}
