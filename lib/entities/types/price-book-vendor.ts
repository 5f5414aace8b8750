/** Price book vendors (CStoreOffice's merchandise suppliers): QBO Vendors, shared with accounting vendors. */
import type { EntityModule } from './shape';
import { VENDOR, type VendorRecord } from './vendor';

export const priceBookVendor = {
  id: 'priceBookVendor',
  label: 'Price book vendor',
  ...VENDOR,
  cso: { segment: 'price-book-vendors' },
} as const satisfies EntityModule<VendorRecord>;
