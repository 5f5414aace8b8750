/** A vendor invoice into its Bill (or VendorCredit when negative), and what keeps one from posting. */
import { describe, expect, it } from 'vitest';
import { composeInvoice } from '@/lib/posting/compose-invoice';
import type { VendorInvoice } from '@/lib/posting/types';
import { fuelInvoice, storeBooks } from './books';

const invoice = (lines: VendorInvoice['lines'], over: Partial<VendorInvoice> = {}) => fuelInvoice({ lines, ...over });
const l = (amountCents: number, over: Partial<VendorInvoice['lines'][number]> = {}) => ({
  id: String(amountCents),
  dataTypeId: 't-buy' as string | null,
  accountId: null as string | null,
  amountCents,
  memo: null,
  ...over,
});

describe('a vendor invoice', () => {
  it('posts as a bill: one line per account, the station as its location and each line’s class', () => {
    const c = composeInvoice(
      invoice([l(1_000_000), l(524_390), l(2_500, { dataTypeId: null, accountId: 'a-os', memo: 'Ice' })]),
      storeBooks(),
    );
    expect(c.ok && c.body).toMatchObject({
      entity: 'Bill',
      docNumber: 'BOL-48213',
      dueDate: '2025-10-12',
      vendorId: '8',
      departmentId: '1',
      lines: [
        { accountId: '43', amountCents: 2_500, classId: '500', description: 'Ice' },
        { accountId: '44', amountCents: 1_524_390, classId: '500', description: 'Fuel Purchases' },
      ],
    });
  });

  it('posts a negative total as a vendor credit with positive lines', () => {
    const c = composeInvoice(invoice([l(-12_000)], { vendorType: 'accountingVendor', vendorId: 'v2' }), storeBooks());
    expect(c.ok && c.body).toMatchObject({
      entity: 'VendorCredit',
      vendorId: '9',
      lines: [{ accountId: '44', amountCents: 12_000 }],
    });
    expect(c.ok && 'dueDate' in c.body).toBe(false);
  });

  it.each([
    [
      'a negative line on a positive bill',
      invoice([l(10_000), l(-500, { dataTypeId: null, accountId: 'a-os' })]),
      'negativeLine',
      /takes \$5\.00 off “Cash Over\/Short”/,
    ],
    [
      'a number QuickBooks cannot keep',
      invoice([l(100)], { number: 'INV-2025-10-0000000012345' }),
      'docNumberTooLong',
      /21 characters/,
    ],
    [
      'an account not in QuickBooks',
      invoice([l(100, { dataTypeId: null, accountId: 'a-new' })]),
      'unlinkedAccount',
      /“Car Wash Sales”/,
    ],
  ] as const)('%s is an issue naming it', (_name, inv, code, words) => {
    const c = composeInvoice(inv, storeBooks());
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.issue.code).toBe(code);
    expect(c.issue.detail).toMatch(words);
  });
});
