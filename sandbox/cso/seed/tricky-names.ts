// Names that break integrations, added to the first default company. Each one is here because a
// real QuickBooks integration has tripped over it (see the project's domain research, Part 3).
import type { SeedCompany } from '../core/store';

type Records = SeedCompany['records'];

const LONG_ACCOUNT =
  'Accrued Payroll Liabilities for Seasonal Store Staff at the Route 9 Travel Plaza Including Overtime and Holiday Pay';
const LONG_CUSTOMER = `Springfield Regional Transit Authority Fleet Fueling Program (${'Account Holder Notes: billed monthly net 30, PO required, contact fleet office before changing terms; '.repeat(6)})`;

export const TRICKY_NAMES = { LONG_ACCOUNT, LONG_CUSTOMER, HTML: '<img src=x onerror=alert(1)> Test Customer' };

export function trickyRecords(): Records {
  return {
    accounts: [
      {
        name: 'Payroll: Store Staff',
        number: '6400',
        accountType: 'Expense',
        description: 'Colon in the name: QuickBooks uses it as the parent separator.',
      },
      {
        name: 'Customer "Deposits"',
        number: '2300',
        accountType: 'Other Current Liability',
        description: 'Straight double quotes are refused in QuickBooks account names.',
      },
      {
        name: LONG_ACCOUNT,
        number: '2400',
        accountType: 'Other Current Liability',
        description: 'Longer than the 100 characters QuickBooks allows.',
      },
    ],
    classes: [{ name: 'Café & Deli' }, { name: 'Café & deli' }],
    customers: [
      {
        name: "O'Brien Trucking",
        companyName: "O'Brien Trucking LLC",
        email: 'ap@obrien-trucking.example',
        phone: '(214) 555-0110',
      },
      { name: 'O’Brien Landscaping', companyName: 'O’Brien Landscaping', phone: '(214) 555-0111' },
      { name: 'The "Quick" Stop Club', companyName: null },
      { name: 'The “Quick” Stop Club', companyName: null },
      { name: 'ACME Fleet Services', companyName: 'ACME Fleet Services Inc.', email: 'fleet@acme.example' },
      { name: 'Acme Fleet Services', companyName: 'Acme Fleet Services (old account)' },
      { name: 'Lone Star Towing', phone: '(972) 555-0144' },
      { name: 'Lone Star  Towing', phone: '(972) 555-0145' },
      { name: 'José’s Taquería', companyName: 'Taquería José S.A.' },
      { name: '🚚 Fast Freight Co', email: 'billing@fastfreight.example' },
      { name: 'Rapid Ice Co', companyName: 'Rapid Ice Company', phone: '(214) 555-0190' },
      { name: TRICKY_NAMES.HTML, companyName: '<b>bold</b> & "quoted"' },
      { name: LONG_CUSTOMER },
    ],
    'price-book-vendors': [
      { name: 'Rapid Ice Co', category: 'Merchandise', taxId: '75-1234567', phone: '(214) 555-0191' },
      {
        name: 'Core-Mark International',
        category: 'Merchandise',
        taxId: '94-3250000',
        email: 'orders@coremark.example',
      },
    ],
    'accounting-vendors': [
      { name: 'Core-Mark International', taxId: '94-3250000', email: 'ar@coremark.example' },
      { name: 'AT&T', phone: '(800) 555-0100' },
      { name: 'Brink’s Armored Car', taxId: '54-1317776' },
      { name: 'Société Générale Equipment Leasing', email: 'leasing@sgel.example' },
    ],
  };
}
