/** Classes: hierarchical tags, stored as QBO Classes. */
import { z } from 'zod';
import { base, both, hierarchy, NAME_LIST } from './parts';
import type { EntityModule } from './shape';

export const ClassRecord = z.object({ ...base, ...hierarchy });
export type ClassRecord = z.infer<typeof ClassRecord>;

export const classType = {
  id: 'class',
  label: 'Class',
  ...NAME_LIST,
  hierarchical: true,
  maxDepth: 5,
  dependsOn: [],
  schema: ClassRecord,
  fields: { name: both, parentId: both, active: both },
  refs: { parentId: 'class' },
  cso: { segment: 'classes' },
  qbo: {
    entity: 'Class',
    nameField: 'Name',
    keys: { parentId: ['ParentRef', 'SubClass'] },
    createKeys: [],
    updateRepeatsName: true,
    page: { path: '/app/class', idParam: 'classId' },
  },
} as const satisfies EntityModule<ClassRecord>;
