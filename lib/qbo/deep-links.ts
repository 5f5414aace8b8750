/**
 * The QBO web page that holds an entity (the panel's "QBO Id" link). Customers and vendors have
 * their own detail pages; the other lists open on the list page, where the user finds the record.
 */
import type { EntityTypeId } from '../entities';

export const QBO_WEB_HOSTS = {
  production: 'https://app.qbo.intuit.com',
  sandbox: 'https://app.sandbox.qbo.intuit.com',
} as const;

export function qboEntityPageUrl(webBase: string, typeId: EntityTypeId, id: string, realmId?: string): string {
  const base = webBase.replace(/\/+$/, '');
  const company = realmId ? `companyId=${encodeURIComponent(realmId)}` : '';
  const withCompany = (path: string, params = '') => {
    const query = [params, company].filter(Boolean).join('&');
    return `${base}${path}${query ? `?${query}` : ''}`;
  };
  switch (typeId) {
    case 'customer':
      return withCompany('/app/customerdetail', `nameId=${encodeURIComponent(id)}`);
    case 'priceBookVendor':
    case 'accountingVendor':
      return withCompany('/app/vendordetail', `nameId=${encodeURIComponent(id)}`);
    case 'account':
      return withCompany('/app/chartofaccounts', `accountId=${encodeURIComponent(id)}`);
    case 'class':
      return withCompany('/app/class', `classId=${encodeURIComponent(id)}`);
    case 'location':
      return withCompany('/app/location', `locationId=${encodeURIComponent(id)}`);
    case 'dataType':
      return withCompany('/app/items', `itemId=${encodeURIComponent(id)}`);
  }
}
