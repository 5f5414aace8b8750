/** Data types: QBO Service items, each crediting an account (so written after the accounts). */
import { z } from 'zod';
import { base, both, NAME_LIST } from './parts';
import type { EntityModule } from './shape';

export const DataTypeRecord = z.object({
  ...base,
  /** The account the data type credits; in QBO the Service item's IncomeAccountRef. */
  creditAccountId: z.string().min(1).nullable(),
});
export type DataTypeRecord = z.infer<typeof DataTypeRecord>;

export const dataType = {
  id: 'dataType',
  label: 'Data type',
  ...NAME_LIST,
  hierarchical: false,
  dependsOn: ['account'],
  schema: DataTypeRecord,
  fields: { name: both, creditAccountId: both, active: both },
  refs: { creditAccountId: 'account' },
  cso: { segment: 'data-types' },
  qbo: {
    entity: 'Item',
    nameField: 'Name',
    keys: { creditAccountId: ['IncomeAccountRef'] },
    // The item type and its income account, even when the op does not name the credit account.
    createKeys: ['Type', 'IncomeAccountRef'],
    updateRepeatsName: false,
    page: { path: '/app/items', idParam: 'itemId' },
  },
} as const satisfies EntityModule<DataTypeRecord>;
