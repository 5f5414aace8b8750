/**
 * CStoreOffice's account numbering (lib/cso/CONTRACT.md): four digits, or four digits, a dot and
 * two for a sub-account, unique among a company's accounts. QuickBooks allows other numbers (up to
 * seven characters in the US), so a QuickBooks number may not fit CStoreOffice.
 */
const CSO_ACCOUNT_NUMBER = /^\d{4}(\.\d{2})?$/;

export function fitsCsoNumbering(number: string): boolean {
  return CSO_ACCOUNT_NUMBER.test(number);
}
