/** Chart-of-accounts entries: hierarchical, stored as QBO Accounts. */
import { z } from 'zod';
import { ACCOUNT_TYPES } from '../account-types';
import { base, both, hierarchy, NAME_LIST, NAME_LIST_FORBIDDEN, text } from './parts';
import type { EntityModule } from './shape';

export const AccountRecord = z.object({
  ...base,
  ...hierarchy,
  number: text,
  accountType: z.enum(ACCOUNT_TYPES),
  description: text,
  /** QBO's AccountSubType ("detail type"): null in CStoreOffice until it is known. */
  detailType: text,
});
export type AccountRecord = z.infer<typeof AccountRecord>;

export const account = {
  id: 'account',
  label: 'Account',
  ...NAME_LIST,
  forbiddenChars: [...NAME_LIST_FORBIDDEN, '"'],
  hierarchical: true,
  dependsOn: [],
  schema: AccountRecord,
  fields: {
    name: both,
    parentId: both,
    number: both,
    accountType: both,
    detailType: both,
    description: both,
    active: both,
  },
  refs: { parentId: 'account' },
  cso: { segment: 'accounts' },
  qbo: {
    entity: 'Account',
    nameField: 'Name',
    keys: {
      parentId: ['ParentRef', 'SubAccount'],
      number: ['AcctNum'],
      // A type sent alone takes its default detail type with it (lib/entities/detail-types.ts).
      accountType: ['AccountType', 'AccountSubType'],
      detailType: ['AccountSubType'],
      description: ['Description'],
    },
    // An account type and detail type must be given, even when the op does not name them.
    createKeys: ['AccountType', 'AccountSubType'],
    updateRepeatsName: true,
    page: { path: '/app/chartofaccounts', idParam: 'accountId' },
  },
} as const satisfies EntityModule<AccountRecord>;
