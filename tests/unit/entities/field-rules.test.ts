import { describe, expect, it } from 'vitest';
import { type EntityTypeId, lintFields } from '@/lib/entities';

const fieldsOf = (typeId: EntityTypeId, values: Record<string, unknown>) =>
  lintFields(typeId, values).map((p) => p.field);

describe('field lint: values QuickBooks would refuse', () => {
  it.each<[string, EntityTypeId, Record<string, unknown>, string[]]>([
    ['a description of 100 characters', 'account', { description: 'd'.repeat(100) }, []],
    ['a description of 101 characters', 'account', { description: 'd'.repeat(101) }, ['description']],
    ['a CStoreOffice account number', 'account', { number: '4010.01' }, []],
    ['an account number of 8 characters', 'account', { number: '40100001' }, ['number']],
    ['a colon in an account number', 'account', { number: '40:1' }, ['number']],
    ['a detail type of 101 characters', 'account', { detailType: 'x'.repeat(101) }, ['detailType']],
    ['a company name of 100 characters', 'customer', { companyName: 'c'.repeat(100) }, []],
    ['a company name of 101 characters', 'customer', { companyName: 'c'.repeat(101) }, ['companyName']],
    ['a plain e-mail', 'customer', { email: 'ap@acme.example' }, []],
    ['an e-mail without a dot', 'customer', { email: 'ap@localhost' }, ['email']],
    ['an e-mail without an @', 'accountingVendor', { email: 'ap.acme.example' }, ['email']],
    ['an e-mail of 101 characters', 'priceBookVendor', { email: `${'a'.repeat(89)}@acme.example` }, ['email']],
    ['a phone of 30 characters', 'customer', { phone: '5'.repeat(30) }, []],
    ['a phone of 31 characters', 'accountingVendor', { phone: '5'.repeat(31) }, ['phone']],
    ['empty values', 'customer', { companyName: null, email: '', phone: null }, []],
    ['types without rules', 'class', { name: 'x'.repeat(500) }, []],
  ])('%s', (_, typeId, values, fields) => {
    expect(fieldsOf(typeId, values)).toEqual(fields);
  });

  it('says what is wrong and what to do, with the limit', () => {
    const [problem] = lintFields('account', { description: 'd'.repeat(140) });
    expect(problem?.message).toBe(
      'The description is 140 characters long; QuickBooks allows at most 100. Shorten it in CStoreOffice.',
    );
  });

  it('checks only the fields asked for', () => {
    expect(lintFields('account', { description: 'd'.repeat(101), number: '1:2' }, ['number'])).toHaveLength(1);
  });
});
