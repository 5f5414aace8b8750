/**
 * What both vendor kinds share: the record and its fields, and QBO's Vendor list. Each kind's module
 * adds its id, label and CStoreOffice path.
 */
import { z } from 'zod';
import { base, both, contact, PERSON, PERSON_QBO_KEYS, text } from './parts';

/** Both vendor kinds; QBO masks TaxIdentifier on read, so taxId is written and never compared. */
export const VendorRecord = z.object({ ...base, ...contact, taxId: text });
export type VendorRecord = z.infer<typeof VendorRecord>;

export const VENDOR = {
  ...PERSON,
  schema: VendorRecord,
  // CStoreOffice's vendor contract has no company name (lib/cso/CONTRACT.md): a QBO vendor's
  // CompanyName is left as it is, never copied or compared. The tax id: CStoreOffice holds it, QBO
  // accepts it but masks it on read, so it is written, never compared.
  fields: {
    name: both,
    companyName: { cso: 'none', qbo: 'rw' },
    email: both,
    phone: both,
    active: both,
    taxId: { cso: 'rw', qbo: 'write' },
  },
  qbo: {
    entity: 'Vendor',
    nameField: 'DisplayName',
    keys: { ...PERSON_QBO_KEYS, taxId: ['TaxIdentifier'] },
    createKeys: [],
    updateRepeatsName: false,
    page: { path: '/app/vendordetail', idParam: 'nameId' },
  },
} as const;
