import { describe, expect, it } from 'vitest';
import { typeLabelOf } from '@/lib/background/views';

describe('a row’s type as the table shows it', () => {
  it('a vendor found only in QuickBooks is a QuickBooks vendor, and says which kind it will become', () => {
    expect(typeLabelOf({ typeId: 'accountingVendor', typeLabel: 'Accounting vendor', csoId: null })).toBe(
      'Vendor (QuickBooks) → accounting vendor',
    );
    expect(typeLabelOf({ typeId: 'accountingVendor', typeLabel: 'Accounting vendor', csoId: '12' })).toBe(
      'Accounting vendor',
    );
    expect(typeLabelOf({ typeId: 'customer', typeLabel: 'Customer', csoId: null })).toBe('Customer');
  });
});
