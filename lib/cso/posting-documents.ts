/**
 * Posting's DocumentSource over the CStoreOffice client (CONTRACT v1.4): every audit day and vendor
 * invoice read to the end (a read short of the listing's total rejects rather than posting half a
 * month), or those changed since a watermark with the invoices deleted since, in the shapes
 * lib/posting plans with. 500 a page, the contract's most: a month of ten stations is one page.
 */
import type { DocumentSource } from '../posting/ports';
import type { CsoClient } from './client';

const PAGE = 500;

export function createCsoDocuments(options: { client: CsoClient; companyId: string }): DocumentSource {
  const { client, companyId } = options;
  async function list(updatedSince?: string) {
    const opts = { limit: PAGE, ...(updatedSince ? { updatedSince } : {}) };
    const [days, invoices] = await Promise.all([
      client.listAuditDays(companyId, opts),
      client.listVendorInvoices(companyId, opts),
    ]);
    // Both listings' watermarks: the earlier, so nothing changed between the two reads is missed.
    const cursor = days.serverTime < invoices.serverTime ? days.serverTime : invoices.serverTime;
    return {
      days: days.records.map(({ updatedAt: _at, ...day }) => day),
      invoices: invoices.records.map(({ updatedAt: _at, ...invoice }) => invoice),
      deletedInvoices: invoices.tombstones.map((t) => t.id),
      cursor,
    };
  }
  return {
    async read() {
      const { deletedInvoices: _none, ...all } = await list();
      return all;
    },
    changes: (cursor) => list(cursor),
    async invoiceExists(id) {
      return (await client.getVendorInvoice(companyId, id)) !== null;
    },
  };
}
