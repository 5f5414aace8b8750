/**
 * The QBO web page that holds an entity (the panel's "QBO Id" link). Customers and vendors have
 * their own detail pages; the other lists open on the list page, where the user finds the record.
 */
import { type EntityTypeId, tableOf } from '../entities';

export const QBO_WEB_HOSTS = {
  production: 'https://app.qbo.intuit.com',
  sandbox: 'https://app.sandbox.qbo.intuit.com',
} as const;

/** Each type's page and the parameter that names the record (its module's `qbo.page`). */
const PAGES = tableOf((m) => m.qbo.page);

export function qboEntityPageUrl(webBase: string, typeId: EntityTypeId, id: string, realmId?: string): string {
  const base = webBase.replace(/\/+$/, '');
  const { path, idParam } = PAGES[typeId];
  const query = [`${idParam}=${encodeURIComponent(id)}`, realmId ? `companyId=${encodeURIComponent(realmId)}` : '']
    .filter(Boolean)
    .join('&');
  return `${base}${path}?${query}`;
}
