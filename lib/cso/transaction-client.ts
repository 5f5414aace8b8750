// The calls for a company's audit days and vendor invoices (CONTRACT.md v1.4), read-only, on the
// same transport as the entity calls. Each reads the whole listing (or the changes since a
// watermark, tombstones included) and refuses one read short of its `total`. A server before v1.4
// answers 404 `not_found` there: that becomes CsoFeatureMissingError, so the caller can say
// "this CStoreOffice cannot post transactions yet" instead of seeing an empty month.
import type { z } from 'zod';
import { featureMissingOr } from './errors';
import { collectListing, pagesOf, type Listing, type ListingPage, type ListOptions } from './read-all';
import { CsoAuditDayPage, CsoVendorInvoice, CsoVendorInvoicePage, type CsoAuditDay } from './transaction-schemas';
import type { createTransport } from './transport';

type Transport = ReturnType<typeof createTransport>;

export function createTransactionCalls(transport: Transport) {
  function readAll<T extends { id: string }>(
    companyId: string,
    segment: 'audit-days' | 'vendor-invoices',
    schema: z.ZodType<ListingPage<T>>,
    options: ListOptions,
  ): Promise<Listing<T>> {
    const feature = segment === 'audit-days' ? 'auditDays' : 'vendorInvoices';
    const path = `/companies/${encodeURIComponent(companyId)}/${segment}`;
    const fetchPage = async (cursor: string | undefined): Promise<ListingPage<T>> => {
      const query = cursor
        ? { cursor, limit: options.limit }
        : { updatedSince: options.updatedSince, limit: options.limit };
      const result = await transport.call({ method: 'GET', path, query, schema, signal: options.signal }, true);
      if (!result.ok) throw featureMissingOr(result.error, feature);
      return result.value;
    };
    return collectListing(pagesOf(fetchPage), segment);
  }

  return {
    /** Every station's days (open ones too: post audited days only), or those changed since `updatedSince`. */
    listAuditDays(companyId: string, options: ListOptions = {}): Promise<Listing<CsoAuditDay>> {
      return readAll<CsoAuditDay>(companyId, 'audit-days', CsoAuditDayPage, options);
    },

    /**
     * One invoice, or null when CStoreOffice has none by that id (deleted): asked before the bill
     * of an invoice a listing no longer shows is deleted, so a listing that says less than the
     * truth deletes nothing.
     */
    async getVendorInvoice(
      companyId: string,
      invoiceId: string,
      signal?: AbortSignal,
    ): Promise<CsoVendorInvoice | null> {
      const path = `/companies/${encodeURIComponent(companyId)}/vendor-invoices/${encodeURIComponent(invoiceId)}`;
      const result = await transport.call({ method: 'GET', path, schema: CsoVendorInvoice, signal }, true);
      if (result.ok) return result.value;
      if (result.error.kind === 'notFound' && result.error.code === 'not_found') return null;
      throw featureMissingOr(result.error, 'vendorInvoices');
    },

    /** Every vendor invoice (a negative total is a credit), or those changed since `updatedSince`. */
    listVendorInvoices(companyId: string, options: ListOptions = {}): Promise<Listing<CsoVendorInvoice>> {
      return readAll(companyId, 'vendor-invoices', CsoVendorInvoicePage, options) as Promise<Listing<CsoVendorInvoice>>;
    },
  };
}
