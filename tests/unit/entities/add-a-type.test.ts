/**
 * Adding an entity type is writing its module and listing it in the registry (lib/entities/README.md).
 * A throwaway type, a copy of `location` under the id `site`, is listed after the seven; every table
 * derived from the modules picks it up, and the seven read as before.
 */
import { describe, expect, it, vi } from 'vitest';
import { csoRecordPageUrl, CSO_SEGMENTS } from '@/lib/cso';
import { csoBody } from '@/lib/cso/source-map';
import {
  ENTITY_MODULES,
  ENTITY_TYPE_IDS,
  ENTITY_TYPES,
  type EntityTypeId,
  type LocationRecord,
  QBO_ENTITY_NAMES,
  typesInDependencyOrder,
  typesStoredAs,
} from '@/lib/entities';
import { location } from '@/lib/entities/types/location';
import type * as Registry from '@/lib/entities/registry';
import type { EntityModule } from '@/lib/entities/types/shape';
import { qboEntityPageUrl } from '@/lib/qbo';
import { comparedFields, hasRefFields, refType, sharedFields } from '@/lib/sync/fields';

vi.mock('@/lib/entities/registry', async (importOriginal) => {
  const registry = await importOriginal<typeof Registry>();
  const { location: copied } = await import('@/lib/entities/types/location');
  const site = {
    ...copied,
    id: 'site',
    label: 'Site',
    refs: { parentId: 'site' },
    cso: { segment: 'sites' },
    qbo: { ...copied.qbo, page: { path: '/app/site', idParam: 'siteId' } },
  };
  return { ...registry, ENTITY_MODULES: [...registry.ENTITY_MODULES, site] };
});

const SITE = 'site' as EntityTypeId;
const SEVEN = ['account', 'class', 'customer', 'priceBookVendor', 'accountingVendor', 'dataType', 'location'];

describe('a registered eighth type', () => {
  it('joins the catalog after the seven, stored in its module’s QBO list', () => {
    expect(ENTITY_TYPE_IDS).toEqual([...SEVEN, 'site']);
    expect(ENTITY_TYPES[SITE]).toEqual({ ...ENTITY_TYPES.location, id: 'site', label: 'Site' });
    expect(typesStoredAs('Department')).toEqual(['location', 'site']);
    expect(typesInDependencyOrder()).toContain('site');
    expect(QBO_ENTITY_NAMES).toEqual(['Account', 'Class', 'Customer', 'Vendor', 'Item', 'Department']);
  });

  it('carries its fields with their capabilities and references', () => {
    expect(comparedFields(SITE, 'cso')).toEqual(['name', 'parentId', 'address', 'active']);
    expect(sharedFields(SITE)).toEqual(['name', 'parentId', 'address', 'active']);
    expect(hasRefFields(SITE)).toBe(true);
    expect(refType(SITE, 'parentId')).toBe('site');
  });

  it('has its CStoreOffice path and fields, and its QBO page', () => {
    expect(CSO_SEGMENTS[SITE]).toBe('sites');
    expect(csoRecordPageUrl('https://03.cstoreoffice.com', SITE, '7')).toBe(
      'https://03.cstoreoffice.com/app.php/accounting/sites/7',
    );
    expect(csoBody(SITE, { name: 'North', address: '1 Main St', stationCode: 'N1' })).toEqual({
      body: { name: 'North', address: '1 Main St' },
    });
    expect(qboEntityPageUrl('https://app.qbo.intuit.com', SITE, '7', '99')).toBe(
      'https://app.qbo.intuit.com/app/site?siteId=7&companyId=99',
    );
  });

  it('leaves the seven types as they were', () => {
    expect(ENTITY_MODULES.slice(0, 7).map((m) => m.id)).toEqual(SEVEN);
    expect(comparedFields('location', 'cso')).toEqual(['name', 'parentId', 'address', 'active']);
    expect(refType('location', 'parentId')).toBe('location');
    expect(CSO_SEGMENTS.location).toBe('locations');
    expect(qboEntityPageUrl('https://app.qbo.intuit.com', 'location', '7')).toBe(
      'https://app.qbo.intuit.com/app/location?locationId=7',
    );
  });

  it('does not compile while a field of its record has no capabilities', () => {
    const { address: _left, ...fields } = location.fields;
    // @ts-expect-error `address` is a field of LocationRecord: the module must say what each side holds of it.
    const incomplete: EntityModule<LocationRecord> = { ...location, fields };
    expect(Object.keys(incomplete.fields)).toEqual(['name', 'parentId', 'active']);
  });
});
