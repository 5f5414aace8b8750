/**
 * Posting's DocumentSource over the CStoreOffice client (CONTRACT v1.4): every audit day and vendor
 * invoice, read to the end (a read short of the listing's total rejects rather than posting half a
 * month), in the shapes lib/posting plans with.
 */
import type { DocumentSource } from '../posting/ports';
import type { CsoClient } from './client';

export function createCsoDocuments(options: { client: CsoClient; companyId: string }): DocumentSource {
  const { client, companyId } = options;
  return {
    async read() {
      const [days, invoices] = await Promise.all([
        client.listAuditDays(companyId),
        client.listVendorInvoices(companyId),
      ]);
      return {
        days: days.records.map(({ updatedAt: _at, ...day }) => day),
        invoices: invoices.records.map(({ updatedAt: _at, ...invoice }) => invoice),
      };
    },
    async invoiceExists(id) {
      return (await client.getVendorInvoice(companyId, id)) !== null;
    },
  };
}
