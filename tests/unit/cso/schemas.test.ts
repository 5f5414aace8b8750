import { describe, expect, it } from 'vitest';
import { CSO_SEGMENTS, csoPageSchema, csoRecordPageUrl, isTombstone } from '../../../lib/cso';

const customer = {
  id: '12',
  name: 'O’Brien',
  active: true,
  companyName: null,
  email: null,
  phone: null,
  version: 3,
  updatedAt: '2025-11-03T14:00:00.000Z',
};

describe('page schema', () => {
  it('reads records and tombstones apart', () => {
    const page = csoPageSchema('customer').parse({
      items: [customer, { id: '13', deleted: true, updatedAt: '2025-11-03T14:00:00.000Z' }],
      nextCursor: null,
      serverTime: '2025-11-03T14:00:00.000Z',
    });
    expect(page.items.map(isTombstone)).toEqual([false, true]);
  });

  it.each([
    ['a numeric id', { ...customer, id: 12 }],
    ['a missing version', { ...customer, version: undefined }],
    ['a bad timestamp', { ...customer, updatedAt: 'yesterday' }],
    ['a tombstone saying deleted: false', { id: '1', deleted: false, updatedAt: '2025-11-03T14:00:00.000Z' }],
  ])('refuses %s', (_, item) => {
    expect(
      csoPageSchema('customer').safeParse({ items: [item], nextCursor: null, serverTime: '2025-11-03T14:00:00.000Z' })
        .success,
    ).toBe(false);
  });

  it("refuses an account type outside CStoreOffice's vocabulary", () => {
    const account = { ...customer, parentId: null, number: '1010', accountType: 'Non-Posting', description: null };
    expect(
      csoPageSchema('account').safeParse({ items: [account], nextCursor: null, serverTime: '2025-11-03T14:00:00.000Z' })
        .success,
    ).toBe(false);
  });
});

describe('paths', () => {
  it("maps the extension's type ids to the contract's segments and record pages", () => {
    expect(CSO_SEGMENTS).toEqual({
      account: 'accounts',
      class: 'classes',
      customer: 'customers',
      priceBookVendor: 'price-book-vendors',
      accountingVendor: 'accounting-vendors',
      dataType: 'data-types',
      location: 'locations',
    });
    expect(csoRecordPageUrl('https://03.cstoreoffice.com/', 'priceBookVendor', '4 2')).toBe(
      'https://03.cstoreoffice.com/app.php/accounting/price-book-vendors/4%202',
    );
  });
});
