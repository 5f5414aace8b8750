// Checks a vendor invoice entered through the control API as CStoreOffice's invoice forms would:
// a live vendor of the named type, a station, real dates, and lines that each post to one live data
// type or account with a whole, non-zero number of cents.
import type { CsoStore } from '../core/store';
import type { InvoiceLine, VendorInvoiceBody } from '../core/transactions';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: unknown): v is string =>
  typeof v === 'string' && DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const optionalText = (v: unknown) => (typeof v === 'string' ? v : null);

export function invoiceInput(
  store: CsoStore,
  companyId: string,
  input: Record<string, unknown>,
): VendorInvoiceBody | string {
  const { vendorType, vendorId, number, date, dueDate, stationId, lines } = input;
  if (vendorType !== 'priceBookVendor' && vendorType !== 'accountingVendor')
    return 'vendorType must be priceBookVendor or accountingVendor.';
  const vendorSegment = vendorType === 'priceBookVendor' ? 'price-book-vendors' : 'accounting-vendors';
  if (typeof vendorId !== 'string' || !store.get(companyId, vendorSegment, vendorId))
    return `No ${vendorType} ${String(vendorId)}.`;
  if (typeof number !== 'string' || number.trim() === '') return 'number is required.';
  if (!isDate(date) || !isDate(dueDate)) return 'date and dueDate must be YYYY-MM-DD.';
  if (dueDate < date) return 'dueDate is before date.';
  if (typeof stationId !== 'string' || !store.get(companyId, 'locations', stationId))
    return `No station ${String(stationId)}.`;
  if (!Array.isArray(lines) || lines.length === 0) return 'An invoice needs at least one line.';
  const checked: InvoiceLine[] = [];
  for (const [i, raw] of (lines as Array<Record<string, unknown>>).entries()) {
    const dataTypeId = optionalText(raw.dataTypeId);
    const accountId = optionalText(raw.accountId);
    if ((dataTypeId === null) === (accountId === null))
      return `Line ${i + 1} needs a dataTypeId or an accountId, not both.`;
    if (dataTypeId !== null && !store.get(companyId, 'data-types', dataTypeId)) return `No data type ${dataTypeId}.`;
    if (accountId !== null && !store.get(companyId, 'accounts', accountId)) return `No account ${accountId}.`;
    const amountCents = raw.amountCents;
    if (typeof amountCents !== 'number' || !Number.isSafeInteger(amountCents) || amountCents === 0)
      return `Line ${i + 1}: amountCents must be a whole, non-zero number of cents.`;
    checked.push({ id: String(i + 1), dataTypeId, accountId, amountCents, memo: optionalText(raw.memo) });
  }
  return { vendorType, vendorId, number, date, dueDate, stationId, lines: checked };
}
