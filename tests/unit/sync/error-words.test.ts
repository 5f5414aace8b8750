/** CStoreOffice's 409s in a bookkeeper's words: a taken name and a taken unique value read differently. */
import { describe, expect, it } from 'vitest';
import type { EntityTypeId } from '@/lib/entities';
import { translateFailure } from '@/lib/sync';
import { countOf } from '@/lib/sync/issue-words';

const ctx = { what: 'account', name: 'Payroll Checking', side: 'cso' as const, existingName: 'Operating Bank Account' };

describe('CStoreOffice 409 words', () => {
  it.each([
    ['duplicate_name', 'Name already used in CStoreOffice', 'already uses that name'],
    ['duplicate_value', 'Value already used in CStoreOffice', 'already uses one of its values, which must be unique'],
  ])('%s → %s', (code, title, words) => {
    const result = translateFailure(
      {
        code: '409',
        message: 'Another Account already uses number 1010.',
        detail: code,
        existingId: '1001',
        retryable: false,
      },
      ctx,
    );
    expect(result.title).toBe(title);
    expect(result.detail).toContain(words);
    expect(result.detail).toContain('Operating Bank Account');
    expect(result.detail).not.toContain('name or number');
  });

  it('a 409 naming no other record (e.g. still in use) says what to deal with first', () => {
    const result = translateFailure(
      { code: '409', message: 'The account has sub-accounts.', detail: 'in_use', retryable: false },
      ctx,
    );
    expect(result.title).toBe('CStoreOffice cannot do this yet');
  });
});

describe('counting records in words', () => {
  it.each<[number, EntityTypeId, string]>([
    [1, 'class', '1 class'],
    [5, 'class', '5 classes'],
    [4, 'location', '4 locations (stations)'],
    [2, 'priceBookVendor', '2 price book vendors'],
    [3, 'account', '3 accounts'],
  ])('%i %s → %s', (n, typeId, words) => {
    expect(countOf(n, typeId)).toBe(words);
  });
});
