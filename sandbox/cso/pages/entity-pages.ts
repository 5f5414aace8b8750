// List and detail pages for the seven entity types. The list lets a person add, rename, (de)activate
// and delete by hand; the detail page is where the panel's "CSO Id" links land. All text is escaped.
import { ENTITY_SPECS, type Segment } from '../core/entity-specs';
import type { Company, StoredRecord } from '../core/store';
import type { User } from '../core/sessions';
import { html, type Html, type NextId } from './html';
import { detailPath, listPath, panel, renderShell } from './layout';

const LABELS: Record<string, string> = {
  number: 'Number',
  accountType: 'Account type',
  description: 'Description',
  detailType: 'Detail type',
  companyName: 'Company name',
  email: 'E-mail',
  phone: 'Phone',
  taxId: 'Tax ID',
  category: 'Category',
  debitAccountId: 'Debit account',
  creditAccountId: 'Credit account',
  stationCode: 'Station ID',
  address: 'Address',
};
const label = (field: string) => LABELS[field] ?? field;

type Lookup = (segment: Segment, id: string) => StoredRecord | undefined;

function fieldValue(field: string, rec: StoredRecord, lookup: Lookup): Html | string {
  const value = rec.values[field];
  const spec = ENTITY_SPECS[rec.segment].fields[field];
  const target = field === 'parentId' ? rec.segment : spec?.kind === 'ref' ? spec.target : undefined;
  if (target && typeof value === 'string') {
    const ref = lookup(target, value);
    return html`<a href="${detailPath(target, value)}">${ref ? String(ref.values.name) : `#${value}`}</a>`;
  }
  return value === null || value === undefined ? '' : String(value);
}

function addForm(segment: Segment, companyId: string): Html {
  const spec = ENTITY_SPECS[segment];
  const extra = Object.entries(spec.fields).map(([field, fs]) => {
    if (fs.kind === 'enum')
      return html`<label>${label(field)} <select name="${field}">${fs.values.map((v) => html`<option${v === fs.default ? ' selected' : ''}>${v}</option>`)}</select></label>`;
    if (field === 'number' || field === 'stationCode')
      return html`<label>${label(field)} <input name="${field}" size="8"></label>`;
    return '';
  });
  return html`<form class="cso-add-form" method="post" action="${listPath(segment)}/create"><input type="hidden" name="companyId" value="${companyId}">
<label>Name <input name="name" required size="32"></label>${extra}<button class="x-btn x-btn-default-small" type="submit">Add ${spec.label}</button></form>`;
}

function row(rec: StoredRecord, companyId: string, lookup: Lookup): Html {
  const spec = ENTITY_SPECS[rec.segment];
  const base = `${listPath(rec.segment)}/${encodeURIComponent(rec.id)}`;
  const columns = [
    ...(spec.hierarchical ? ['parentId'] : []),
    ...Object.keys(spec.fields).filter((f) => f !== 'description' && f !== 'address'),
  ];
  return html`<tr class="x-grid-row x-grid-item" data-recordid="${rec.id}">
<td class="x-grid-cell"><a href="${detailPath(rec.segment, rec.id)}">${rec.id}</a></td>
<td class="x-grid-cell cso-long">${String(rec.values.name)}</td>
<td class="x-grid-cell">${rec.values.active ? 'Yes' : 'No'}</td>
${columns.map((f) => html`<td class="x-grid-cell">${fieldValue(f, rec, lookup)}</td>`)}
<td class="x-grid-cell">
<form class="cso-inline-form" method="post" action="${base}/rename"><input type="hidden" name="companyId" value="${companyId}"><input name="name" aria-label="New name" value="${String(rec.values.name)}" size="24"><button class="x-btn" type="submit">Rename</button></form>
<form class="cso-inline-form" method="post" action="${base}/toggle-active"><input type="hidden" name="companyId" value="${companyId}"><button class="x-btn" type="submit">${rec.values.active ? 'Deactivate' : 'Activate'}</button></form>
<form class="cso-inline-form" method="post" action="${base}/delete"><input type="hidden" name="companyId" value="${companyId}"><button class="x-btn" type="submit">Delete</button></form>
</td></tr>`;
}

export interface ListPageInput {
  user: User;
  nextId: NextId;
  segment: Segment;
  companies: Company[];
  company: Company;
  records: StoredRecord[];
  lookup: Lookup;
  error?: string;
  notice?: string;
}

export function renderList(o: ListPageInput): string {
  const spec = ENTITY_SPECS[o.segment];
  const columns = [
    ...(spec.hierarchical ? ['parentId'] : []),
    ...Object.keys(spec.fields).filter((f) => f !== 'description' && f !== 'address'),
  ];
  const body = html`<form method="get" action="${listPath(o.segment)}" class="cso-add-form"><label>Company <select name="companyId">${o.companies.map((c) => html`<option value="${c.id}"${c.id === o.company.id ? ' selected' : ''}>${c.name}</option>`)}</select></label><button class="x-btn" type="submit">Show</button></form>
${o.error ? html`<div class="x-form-invalid-under" role="alert">${o.error}</div>` : ''}${o.notice ? html`<div role="status">${o.notice}</div>` : ''}
${addForm(o.segment, o.company.id)}
<div class="x-grid"><table><thead><tr><th class="x-column-header">ID</th><th class="x-column-header">Name</th><th class="x-column-header">Active</th>${columns.map((c) => html`<th class="x-column-header">${c === 'parentId' ? 'Parent' : label(c)}</th>`)}<th class="x-column-header">Actions</th></tr></thead>
<tbody>${o.records.map((r) => row(r, o.company.id, o.lookup))}</tbody></table></div>`;
  return renderShell({
    title: spec.plural,
    user: o.user,
    nextId: o.nextId,
    body: panel(o.nextId, html`${spec.plural} — ${o.company.name}`, body),
  });
}

export function renderDetail(o: {
  user: User;
  nextId: NextId;
  rec: StoredRecord;
  company: Company;
  lookup: Lookup;
}): string {
  const { rec } = o;
  const spec = ENTITY_SPECS[rec.segment];
  const fields = [...(spec.hierarchical ? ['parentId'] : []), ...Object.keys(spec.fields)];
  const back = `${listPath(rec.segment)}?company=${encodeURIComponent(rec.companyId)}`;
  const body = rec.deleted
    ? html`<p role="status">This ${spec.label} (id ${rec.id}) was deleted on ${new Date(rec.updatedAtMs).toISOString()}.</p><p><a href="${back}">Back to ${spec.plural}</a></p>`
    : html`<table class="x-grid-table x-property-grid"><tbody>
<tr><th class="x-column-header">ID</th><td class="x-grid-cell" data-field="id">${rec.id}</td></tr>
<tr><th class="x-column-header">Name</th><td class="x-grid-cell cso-long" data-field="name">${String(rec.values.name)}</td></tr>
<tr><th class="x-column-header">Active</th><td class="x-grid-cell" data-field="active">${rec.values.active ? 'Yes' : 'No'}</td></tr>
${fields.map((f) => html`<tr><th class="x-column-header">${f === 'parentId' ? 'Parent' : label(f)}</th><td class="x-grid-cell cso-long" data-field="${f}">${fieldValue(f, rec, o.lookup)}</td></tr>`)}
<tr><th class="x-column-header">Company</th><td class="x-grid-cell">${o.company.name}</td></tr>
<tr><th class="x-column-header">Version</th><td class="x-grid-cell" data-field="version">${rec.version}</td></tr>
<tr><th class="x-column-header">Last changed</th><td class="x-grid-cell" data-field="updatedAt">${new Date(rec.updatedAtMs).toISOString()}</td></tr>
</tbody></table><p><a href="${back}">Back to ${spec.plural}</a></p>`;
  return renderShell({
    title: `${spec.label} ${rec.id}`,
    user: o.user,
    nextId: o.nextId,
    body: panel(o.nextId, html`${spec.label}: ${String(rec.values.name)}`, body),
  });
}
