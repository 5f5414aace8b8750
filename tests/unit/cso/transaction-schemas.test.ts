// The v1.4 transaction schemas at the edge: absent optional keys read as null, and the shapes a
// posting cannot use (a line on both a data type and an account, a date that is not a date) refused.
import { describe, expect, it } from 'vitest';
import { CsoAuditDayPage, CsoVendorInvoicePage } from '../../../lib/cso/transaction-schemas';

const AT = '2025-11-03T14:00:00.000Z';
const page = (item: unknown) => ({ items: [item], nextCursor: null, total: 1, serverTime: AT });
const day = { id: '9', stationId: '1', date: '2025-10-01', status: 'audited', version: 2, updatedAt: AT };
const invoice = {
  id: '8',
  vendorType: 'priceBookVendor',
  vendorId: '3',
  number: 'INV-1',
  date: '2025-10-01',
  dueDate: '2025-10-15',
  stationId: '1',
  version: 1,
  updatedAt: AT,
};

describe('transaction schemas', () => {
  it('reads absent party and memo keys of a day line as null', () => {
    const parsed = CsoAuditDayPage.parse(page({ ...day, lines: [{ id: '1', dataTypeId: '5', amountCents: -250 }] }));
    expect(parsed.items[0]).toMatchObject({
      lines: [{ id: '1', dataTypeId: '5', amountCents: -250, customerId: null, vendorId: null, memo: null }],
    });
  });

  it('reads a tombstone as a tombstone, not a day', () => {
    expect(CsoAuditDayPage.parse(page({ id: '9', deleted: true, updatedAt: AT })).items[0]).toEqual({
      id: '9',
      deleted: true,
      updatedAt: AT,
    });
  });

  it.each([
    [
      'a line on both a data type and an account',
      { lines: [{ id: '1', dataTypeId: '5', accountId: '6', amountCents: 1 }] },
    ],
    ['a line on neither', { lines: [{ id: '1', amountCents: 1 }] }],
    ['a date that is not YYYY-MM-DD', { date: '10/01/2025', lines: [] }],
    ['an unknown vendor type', { vendorType: 'employee', lines: [] }],
  ])('refuses an invoice with %s', (_, change) => {
    expect(CsoVendorInvoicePage.safeParse(page({ ...invoice, ...change })).success).toBe(false);
  });

  it('takes a credit: a negative total on an account line', () => {
    const credit = { ...invoice, lines: [{ id: '1', accountId: '6', amountCents: -4_500, memo: 'Returns' }] };
    expect(CsoVendorInvoicePage.parse(page(credit)).items[0]).toMatchObject({
      lines: [{ dataTypeId: null, accountId: '6', amountCents: -4_500 }],
    });
  });
});
