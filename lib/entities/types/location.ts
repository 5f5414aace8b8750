/** Locations (stations): hierarchical, stored as QBO Departments. */
import { z } from 'zod';
import { base, both, hierarchy, NAME_LIST, text } from './parts';
import type { EntityModule } from './shape';

export const LocationRecord = z.object({ ...base, ...hierarchy, address: text });
export type LocationRecord = z.infer<typeof LocationRecord>;

export const location = {
  id: 'location',
  label: 'Location (station)',
  ...NAME_LIST,
  hierarchical: true,
  maxDepth: 5,
  dependsOn: [],
  schema: LocationRecord,
  fields: { name: both, parentId: both, address: both, active: both },
  refs: { parentId: 'location' },
  cso: { segment: 'locations' },
  qbo: {
    entity: 'Department',
    nameField: 'Name',
    keys: { parentId: ['ParentRef', 'SubDepartment'], address: ['Address'] },
    createKeys: [],
    updateRepeatsName: false,
    page: { path: '/app/location', idParam: 'locationId' },
  },
} as const satisfies EntityModule<LocationRecord>;
