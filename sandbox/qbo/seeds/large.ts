/**
 * Generates large realms for benchmarks: `count` records spread over the name lists the way a big
 * chain's books look (mostly customers and vendors), deterministic for a given `count` and `salt`.
 */
import type { SeedData } from './types';

export function generateLargeSeed(count = 100_000, salt = 'bench'): SeedData {
  const accounts = Math.max(1, Math.floor(count * 0.02));
  const classes = Math.floor(count * 0.005);
  const departments = Math.floor(count * 0.005);
  const vendors = Math.floor(count * 0.25);
  const items = Math.floor(count * 0.1);
  const customers = count - accounts - classes - departments - vendors - items;
  const pad = (n: number): string => String(n).padStart(6, '0');
  const parentEvery = 10;
  return {
    companyName: `Large Company ${salt} (${count} records)`,
    accounts: Array.from({ length: accounts }, (_, i) => ({
      Name: `Account ${pad(i)}`,
      AccountType: i % 2 === 0 ? 'Income' : 'Expense',
      AcctNum: String(10000 + (i % 89999)),
      ...(i % parentEvery !== 0 ? { parent: `Account ${pad(i - (i % parentEvery))}` } : {}),
    })),
    classes: Array.from({ length: classes }, (_, i) => ({ Name: `Class ${pad(i)}` })),
    departments: Array.from({ length: departments }, (_, i) => ({ Name: `Location ${pad(i)}` })),
    customers: Array.from({ length: customers }, (_, i) => ({
      DisplayName: `Customer ${salt} ${pad(i)}`,
      CompanyName: `Customer Co ${pad(i)}`,
      ...(i % 50 === 49 ? { Active: false } : {}),
    })),
    vendors: Array.from({ length: vendors }, (_, i) => ({
      DisplayName: `Vendor ${salt} ${pad(i)}`,
      CompanyName: `Vendor Co ${pad(i)}`,
    })),
    items: Array.from({ length: items }, (_, i) => ({
      Name: `Item ${pad(i)}`,
      Type: 'Service' as const,
      income: 'Account 000000',
    })),
  };
}
