// A generated company with N records of every type, for paging and benchmark runs. Names are
// deterministic so two runs with the same N produce the same data.
import { ACCOUNT_TYPES, VENDOR_CATEGORIES } from '../core/entity-specs';
import type { SeedCompany } from '../core/store';

const pad = (n: number) => String(n).padStart(5, '0');

export function largeSeed(perType: number): SeedCompany[] {
  const n = Math.max(0, Math.floor(perType));
  const range = Array.from({ length: n }, (_, i) => i);
  // Every tenth account is a parent; the nine after it are its sub-accounts (same type, XXXX.XX).
  const accounts = range.map((i) => {
    const top = i - (i % 10);
    const type = ACCOUNT_TYPES[Math.floor(top / 10) % ACCOUNT_TYPES.length];
    const parentNumber = String(1000 + top / 10).padStart(4, '0');
    return i % 10 === 0
      ? { ref: `a${i}`, name: `Account ${pad(i)}`, number: parentNumber, accountType: type }
      : {
          ref: `a${i}`,
          name: `Account ${pad(i)}`,
          number: `${parentNumber}.${String(i % 10).padStart(2, '0')}`,
          accountType: type,
          parentId: `@a${top}`,
        };
  });
  return [
    {
      id: '1',
      name: `Large Chain Co. (${n} per type)`,
      records: {
        accounts: n <= 90_000 ? accounts : accounts.map(({ number: _n, ...rest }) => rest),
        classes: range.map((i) => ({ name: `Class ${pad(i)}` })),
        customers: range.map((i) => ({ name: `Customer ${pad(i)}`, email: `customer${i}@large.example` })),
        'price-book-vendors': range.map((i) => ({
          name: `Supplier ${pad(i)}`,
          category: VENDOR_CATEGORIES[i % VENDOR_CATEGORIES.length],
        })),
        'accounting-vendors': range.map((i) => ({ name: `Payee ${pad(i)}` })),
        'data-types': range.map((i) => ({
          name: i === 0 ? 'Store Sales' : `Data Type ${pad(i)}`,
          category: 'Sales',
          debitAccountId: n > 0 ? '@a0' : null,
          creditAccountId: n > 1 ? `@a${i % n}` : null,
        })),
        locations: range.map((i) => ({ name: `Station ${pad(i)}`, stationCode: `S${i}` })),
      },
    },
  ];
}
