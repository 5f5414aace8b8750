import { describe, expect, it } from 'vitest';
import { quote } from '../../../lib/sync/issue-words';

describe('a vendor in words', () => {
  it('QuickBooks has vendors; CStoreOffice has price book and accounting vendors', () => {
    expect(quote({ side: 'qbo', typeId: 'priceBookVendor', id: '9', name: 'Acme' })).toBe('vendor “Acme”');
    expect(quote({ side: 'qbo', typeId: 'accountingVendor', id: '9', name: 'Acme' })).toBe('vendor “Acme”');
    expect(quote({ side: 'cso', typeId: 'priceBookVendor', id: '3', name: 'Acme' })).toBe('price book vendor “Acme”');
    expect(quote({ side: 'qbo', typeId: 'customer', id: '4', name: 'Acme' })).toBe('customer “Acme”');
  });
});
