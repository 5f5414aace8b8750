import { describe, expect, it } from 'vitest';
import { type EntityTypeId, type PathNode, matchKey, nearMatchKey, resolvePath } from '@/lib/entities';

const nodes: PathNode[] = [
  { id: '1', name: 'Fuel Sales', parentId: null },
  { id: '2', name: 'Diesel', parentId: '1' },
  { id: '3', name: 'Red', parentId: '2' },
  { id: '4', name: 'Orphan', parentId: '99' },
  { id: '5', name: 'Loop A', parentId: '6' },
  { id: '6', name: 'Loop B', parentId: '5' },
];
const lookup = (id: string) => nodes.find((n) => n.id === id);
const node = (id: string) => lookup(id)!;

describe('match key', () => {
  it.each([
    ['account', '3', 'Fuel Sales:Diesel:Red'],
    ['class', '2', 'Fuel Sales:Diesel'],
    ['location', '1', 'Fuel Sales'],
    ['customer', '3', 'Red'],
    ['priceBookVendor', '2', 'Diesel'],
    ['accountingVendor', '2', 'Diesel'],
    ['dataType', '3', 'Red'],
  ] as [EntityTypeId, string, string][])('%s record %s matches on "%s"', (typeId, id, key) => {
    expect(matchKey(typeId, node(id), lookup)).toBe(key);
  });

  it('marks a path with a missing parent or a loop as incomplete', () => {
    expect(resolvePath(node('4'), lookup)).toEqual({ segments: ['Orphan'], complete: false });
    expect(resolvePath(node('5'), lookup).complete).toBe(false);
    expect(resolvePath(node('3'), lookup)).toEqual({ segments: ['Fuel Sales', 'Diesel', 'Red'], complete: true });
  });
});

describe('near match key', () => {
  it.each([
    ['Shell Oil', 'shell oil'],
    ['Shell  Oil', 'SHELL OIL'],
    [' Shell Oil ', 'Shell Oil'],
    ['Fuel : Diesel', 'fuel:diesel'],
    ['Cafe\u0301', 'Café'],
  ])('"%s" is a near match of "%s"', (a, b) => {
    expect(nearMatchKey(a)).toBe(nearMatchKey(b));
  });

  it.each([
    ["Joe's", 'Joe’s'],
    ['Shell Oil', 'Shell Oil Co'],
    ['Fuel:Diesel', 'Diesel'],
  ])('"%s" is not a near match of "%s"', (a, b) => {
    expect(nearMatchKey(a)).not.toBe(nearMatchKey(b));
  });
});
