import { describe, expect, it } from 'vitest';
import { type EntityTypeId, ENTITY_TYPE_IDS, lintName } from '@/lib/entities';

const codes = (typeId: EntityTypeId, name: string) => lintName(typeId, name).map((p) => p.code);

describe('name lint', () => {
  describe.each(ENTITY_TYPE_IDS)('%s', (typeId) => {
    const max = typeId === 'customer' || typeId.endsWith('Vendor') ? 500 : 100;

    it.each([
      ['a plain name', 'Fuel Sales', []],
      ['apostrophes, ampersands, accents and emoji', "Joe's Café & Bar ⛽", []],
      ['curly quotes', 'Joe’s “Best”', []],
      ['a colon', 'Fuel:Diesel', ['forbidden-char']],
      ['a tab', 'Fuel\tDiesel', ['forbidden-char']],
      ['a line break', 'Fuel\nDiesel', ['forbidden-char']],
      ['an empty name', '', ['empty']],
      ['only spaces', '   ', ['empty']],
      ['a trailing space', 'Fuel ', ['edge-whitespace']],
      ['a leading space', ' Fuel', ['edge-whitespace']],
    ])('%s', (_, name, expected) => {
      expect(codes(typeId, name)).toEqual(expected);
    });

    it(`accepts exactly ${max} characters and refuses ${max + 1}`, () => {
      expect(codes(typeId, 'x'.repeat(max))).toEqual([]);
      const problems = lintName(typeId, 'x'.repeat(max + 1));
      expect(problems.map((p) => p.code)).toEqual(['too-long']);
      expect(problems[0]?.message).toContain(`at most ${max}`);
    });

    it('counts an emoji as two characters, as QBO does', () => {
      expect(codes(typeId, 'x'.repeat(max - 2) + '⛽')).toEqual([]);
      expect(codes(typeId, 'x'.repeat(max - 1) + '😀')).toEqual(['too-long']);
    });
  });

  it.each([
    ['account', true],
    ['class', false],
    ['customer', false],
    ['priceBookVendor', false],
    ['accountingVendor', false],
    ['dataType', false],
    ['location', false],
  ] as const)('a double quote in a %s name refused: %s', (typeId, refused) => {
    expect(codes(typeId, 'The "Best" Fuel')).toEqual(refused ? ['forbidden-char'] : []);
  });

  it('explains every problem of a name in words', () => {
    const problems = lintName('account', ' Cash: "Drawer"');
    expect(problems.map((p) => p.code)).toEqual(['forbidden-char', 'edge-whitespace']);
    expect(problems[0]?.message).toBe(
      'QuickBooks does not accept a colon (:) or a double quote (") in an Account name. Rename it without them.',
    );
  });
});
