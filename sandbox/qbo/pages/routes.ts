/**
 * QBO web pages at the deep-link paths (qbo-api.md §11): each lists the realm's records (a name list
 * or a transaction type) and highlights the one the link asks for. The realm comes from
 * `companyId`/`realmId`, else the first.
 */
import { escapeHtml, sendHtml, type Router } from '../../common/index';
import type { TableEntity } from '../entities/catalog';
import type { Handler, RequestContext } from '../state';
import type { Realm } from '../store/realm';

interface PageDef {
  title: string;
  type: TableEntity;
  /** Query parameter naming the highlighted record. */
  param: string;
  columns: [string, (data: Record<string, unknown>) => unknown][];
}

const name = (d: Record<string, unknown>): unknown => d.FullyQualifiedName ?? d.DisplayName ?? d.Name ?? d.DocNumber;
const refName = (ref: unknown): unknown => (ref as { name?: unknown } | undefined)?.name;
const email = (d: Record<string, unknown>): unknown =>
  (d.PrimaryEmailAddr as { Address?: string } | undefined)?.Address;
const PERSON_COLUMNS: PageDef['columns'] = [
  ['Name', (d) => d.DisplayName],
  ['Company', (d) => d.CompanyName],
  ['Email', email],
  ['Status', (d) => (d.Active === false ? 'Inactive' : 'Active')],
];

const TXN_COLUMNS: PageDef['columns'] = [
  ['Date', (d) => d.TxnDate],
  ['No.', (d) => d.DocNumber],
  ['Payee', (d) => refName(d.VendorRef)],
  ['Total', (d) => d.TotalAmt],
];
const txnPage = (title: string, type: TableEntity): PageDef => ({ title, type, param: 'txnId', columns: TXN_COLUMNS });

const PAGES: Record<string, PageDef> = {
  // Transaction pages open with `?txnId=` (qbo-api.md §11); the vendor-credit path is UNCONFIRMED.
  journal: txnPage('Journal entries', 'JournalEntry'),
  bill: txnPage('Bills', 'Bill'),
  vendorcredit: txnPage('Vendor credits', 'VendorCredit'),
  customerdetail: { title: 'Customers', type: 'Customer', param: 'nameId', columns: PERSON_COLUMNS },
  customers: { title: 'Customers', type: 'Customer', param: 'nameId', columns: PERSON_COLUMNS },
  vendordetail: { title: 'Vendors', type: 'Vendor', param: 'nameId', columns: PERSON_COLUMNS },
  vendors: { title: 'Vendors', type: 'Vendor', param: 'nameId', columns: PERSON_COLUMNS },
  chartofaccounts: {
    title: 'Chart of accounts',
    type: 'Account',
    param: 'accountId',
    columns: [
      ['Number', (d) => d.AcctNum],
      ['Name', name],
      ['Type', (d) => d.AccountType],
      ['Detail type', (d) => d.AccountSubType],
      ['Status', (d) => (d.Active === false ? 'Inactive' : 'Active')],
    ],
  },
  class: {
    title: 'Classes',
    type: 'Class',
    param: 'classId',
    columns: [
      ['Name', name],
      ['Status', (d) => (d.Active === false ? 'Inactive' : 'Active')],
    ],
  },
  classes: {
    title: 'Classes',
    type: 'Class',
    param: 'classId',
    columns: [
      ['Name', name],
      ['Status', (d) => (d.Active === false ? 'Inactive' : 'Active')],
    ],
  },
  location: {
    title: 'Locations',
    type: 'Department',
    param: 'locationId',
    columns: [
      ['Name', name],
      ['Status', (d) => (d.Active === false ? 'Inactive' : 'Active')],
    ],
  },
  items: {
    title: 'Products and services',
    type: 'Item',
    param: 'itemId',
    columns: [
      ['Name', name],
      ['Type', (d) => d.Type],
      ['Status', (d) => (d.Active === false ? 'Inactive' : 'Active')],
    ],
  },
};

function pickRealm(ctx: RequestContext): Realm | undefined {
  const wanted = ctx.url.searchParams.get('companyId') ?? ctx.url.searchParams.get('realmId');
  return wanted ? ctx.state.realms.get(wanted) : ctx.state.realms.values().next().value;
}

function render(realm: Realm, page: PageDef, selected: string | null): string {
  const rows = realm.tables[page.type].all().map((rec) => {
    const current = rec.id === selected;
    const cells = page.columns.map(([, get]) => `<td>${escapeHtml(get(rec.data))}</td>`).join('');
    return `<tr data-id="${escapeHtml(rec.id)}"${current ? ' class="highlight" aria-current="true"' : ''}>${cells}</tr>`;
  });
  const head = page.columns.map(([label]) => `<th scope="col">${escapeHtml(label)}</th>`).join('');
  const company = escapeHtml(realm.companyInfo.data.CompanyName);
  const found = selected && realm.tables[page.type].get(selected);
  const banner = selected
    ? found
      ? `<p id="selected">Showing ${escapeHtml(name(found.data))}</p>`
      : '<p id="selected" role="alert">That record was not found.</p>'
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(page.title)} - ${company} - QuickBooks</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#393a3d}table{border-collapse:collapse}td,th{padding:.4rem .8rem;border-bottom:1px solid #ddd;text-align:left}.highlight{background:#e8f5e3;outline:2px solid #2ca01c}</style></head>
<body><header><p>${company} (realm ${escapeHtml(realm.realmId)})</p><h1>${escapeHtml(page.title)}</h1></header>${banner}
<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>
<script>document.querySelector('.highlight')?.scrollIntoView({block:'center'})</script></body></html>`;
}

export function addPageRoutes(router: Router<Handler>): void {
  for (const [path, page] of Object.entries(PAGES)) {
    router.add('GET', `/app/${path}`, (ctx) => {
      ctx.tags.push('page', `page:${path}`);
      const realm = pickRealm(ctx);
      if (!realm)
        return sendHtml(ctx.res, 404, '<!doctype html><title>QuickBooks</title><p role="alert">No such company.</p>');
      ctx.realm = realm.realmId;
      sendHtml(
        ctx.res,
        200,
        render(realm, page, ctx.url.searchParams.get(page.param) ?? ctx.url.searchParams.get('nameId')),
      );
    });
  }
}
