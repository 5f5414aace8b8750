/** Where CStoreOffice keeps its Audit page (Transactions → Audit), which hosts the manager. */
const CSO_AUDIT_PATH = '/app.php/accounting/audit';

export function auditPageUrl(origin: string, companyId: string): string {
  const url = new URL(CSO_AUDIT_PATH, origin);
  url.searchParams.set('company', companyId);
  return url.toString();
}
