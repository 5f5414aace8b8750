/** Accounting vendors: QBO Vendors, shared with price book vendors. */
import type { EntityModule } from './shape';
import { VENDOR, type VendorRecord } from './vendor';

export const accountingVendor = {
  id: 'accountingVendor',
  label: 'Accounting vendor',
  ...VENDOR,
  cso: { segment: 'accounting-vendors' },
} as const satisfies EntityModule<VendorRecord>;
