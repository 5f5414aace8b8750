/** Customers: stored as QBO Customers, in the display-name namespace they share with vendors. */
import { z } from 'zod';
import { base, both, contact, PERSON, PERSON_QBO_KEYS } from './parts';
import type { EntityModule } from './shape';

export const CustomerRecord = z.object({ ...base, ...contact });
export type CustomerRecord = z.infer<typeof CustomerRecord>;

export const customer = {
  id: 'customer',
  label: 'Customer',
  ...PERSON,
  schema: CustomerRecord,
  fields: { name: both, companyName: both, email: both, phone: both, active: both },
  cso: { segment: 'customers' },
  qbo: {
    entity: 'Customer',
    nameField: 'DisplayName',
    keys: PERSON_QBO_KEYS,
    createKeys: [],
    updateRepeatsName: false,
    page: { path: '/app/customerdetail', idParam: 'nameId' },
  },
} as const satisfies EntityModule<CustomerRecord>;
