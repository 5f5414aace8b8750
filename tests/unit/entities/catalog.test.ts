import { describe, expect, it } from 'vitest';
import {
  ENTITY_TYPE_IDS,
  ENTITY_TYPES,
  SYNC_STATUS_LABELS,
  describeStatus,
  typesInDependencyOrder,
  typesStoredAs,
} from '@/lib/entities';

describe('entity catalog', () => {
  it.each([
    ['account', 'Account', 'Account', 'Name', 100, true],
    ['class', 'Class', 'Class', 'Name', 100, true],
    ['customer', 'Customer', 'Customer', 'DisplayName', 500, false],
    ['priceBookVendor', 'Price book vendor', 'Vendor', 'DisplayName', 500, false],
    ['accountingVendor', 'Accounting vendor', 'Vendor', 'DisplayName', 500, false],
    ['dataType', 'Data type', 'Item', 'Name', 100, false],
    ['location', 'Location (station)', 'Department', 'Name', 100, true],
  ] as const)(
    '%s is labelled "%s" and stored as QBO %s.%s (max %i, hierarchical %s)',
    (id, label, qbo, field, max, hierarchical) => {
      const type = ENTITY_TYPES[id];
      expect(type.label).toBe(label);
      expect(type.qboEntity).toBe(qbo);
      expect(type.qboNameField).toBe(field);
      expect(type.nameMaxLength).toBe(max);
      expect(type.hierarchical).toBe(hierarchical);
    },
  );

  it('lists exactly the seven types, each keyed by its own id', () => {
    expect(ENTITY_TYPE_IDS).toHaveLength(7);
    for (const id of ENTITY_TYPE_IDS) expect(ENTITY_TYPES[id].id).toBe(id);
  });

  it('puts customers and both vendor kinds in the shared DisplayName namespace, and nothing else', () => {
    const shared = ENTITY_TYPE_IDS.filter((id) => ENTITY_TYPES[id].sharesDisplayNameNamespace);
    expect(shared).toEqual(['customer', 'priceBookVendor', 'accountingVendor']);
  });

  it('orders accounts before data types', () => {
    const order = typesInDependencyOrder();
    expect(order).toHaveLength(7);
    expect(order.indexOf('account')).toBeLessThan(order.indexOf('dataType'));
  });

  it('knows both vendor kinds land in QBO Vendor', () => {
    expect(typesStoredAs('Vendor')).toEqual(['priceBookVendor', 'accountingVendor']);
    expect(typesStoredAs('Department')).toEqual(['location']);
  });
});

describe('statuses', () => {
  it("uses the five labels of the documentation, and one for rows the company's setup keeps out", () => {
    expect(Object.values(SYNC_STATUS_LABELS)).toEqual([
      'Synchronized',
      'Waiting for Creation',
      'Waiting for Update',
      'Waiting for Deletion',
      'Synchronization Error',
      'Not Synchronized',
    ]);
  });

  it.each([
    ['waitingForCreation', 'qbo', 'Waiting for Creation in QuickBooks'],
    ['waitingForUpdate', 'cso', 'Waiting for Update in CStoreOffice'],
    ['waitingForDeletion', 'qbo', 'Waiting for Deletion in QuickBooks'],
    ['synchronized', 'qbo', 'Synchronized'],
    ['error', undefined, 'Synchronization Error'],
  ] as const)('%s toward %s reads "%s"', (status, side, words) => {
    expect(describeStatus(status, side)).toBe(words);
  });
});
