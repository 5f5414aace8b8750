/**
 * Data types: QBO Service items, written after the accounts they post to. A CStoreOffice data type
 * moves money from one account to another, and the Service item carries both: the credit account
 * is the item's IncomeAccountRef (what selling it posts to), the debit account its
 * ExpenseAccountRef (what buying it from a vendor posts to; QBO shows it as "I purchase this
 * product/service from a vendor"). A data type with no credit account uses the configured default
 * income account, since QBO requires IncomeAccountRef on a Service item; one with no debit account
 * has no ExpenseAccountRef.
 */
import { z } from 'zod';
import { base, both, NAME_LIST } from './parts';
import type { EntityModule } from './shape';

const accountRef = z.string().min(1).nullable();

export const DataTypeRecord = z.object({
  ...base,
  /** The account the data type credits; in QBO the Service item's IncomeAccountRef. */
  creditAccountId: accountRef,
  /** The account the data type debits; in QBO the Service item's ExpenseAccountRef. */
  debitAccountId: accountRef,
});
export type DataTypeRecord = z.infer<typeof DataTypeRecord>;

export const dataType = {
  id: 'dataType',
  label: 'Data type',
  ...NAME_LIST,
  hierarchical: false,
  dependsOn: ['account'],
  schema: DataTypeRecord,
  fields: { name: both, creditAccountId: both, debitAccountId: both, active: both },
  refs: { creditAccountId: 'account', debitAccountId: 'account' },
  cso: { segment: 'data-types' },
  qbo: {
    entity: 'Item',
    nameField: 'Name',
    keys: { creditAccountId: ['IncomeAccountRef'], debitAccountId: ['ExpenseAccountRef'] },
    // The item type and its income account, even when the op does not name the credit account.
    createKeys: ['Type', 'IncomeAccountRef'],
    updateRepeatsName: false,
    page: { path: '/app/items', idParam: 'itemId' },
  },
} as const satisfies EntityModule<DataTypeRecord>;
