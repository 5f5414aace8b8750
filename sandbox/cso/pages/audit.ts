// The Audit page (Transactions → Audit), shaped like CStoreOffice's ExtJS form: a panel titled
// "Audit", a Company combobox (input name="company"), the "Open QB Synchronization Manager" button
// and a grid of audit periods. Every id is generated per load, as ExtJS does.
import type { AuditPeriod } from '../core/audit-periods';
import type { Company } from '../core/store';
import type { User } from '../core/sessions';
import { AUDIT_SCRIPT } from './audit-script';
import { html, type Html, type NextId } from './html';
import { panel, renderShell } from './layout';

const COLUMNS = ['Period', 'From', 'To', 'Status', 'Closed by', 'Closed on'];

function periodRows(nextId: NextId, periods: AuditPeriod[]): Html {
  return html`${periods.map(
    (
      p,
      i,
    ) => html`<tr class="x-grid-row x-grid-item${i % 2 ? ' x-grid-item-alt' : ''}" id="${nextId('tableview')}" role="row" data-recordindex="${i}">
${[p.period, p.from, p.to, p.status, p.closedBy ?? '', p.closedOn ?? ''].map((v, c) => html`<td class="x-grid-cell x-grid-td" role="gridcell"><div class="x-grid-cell-inner${c === 3 ? ` x-status-${p.status.toLowerCase()}` : ''}">${v}</div></td>`)}</tr>`,
  )}`;
}

function companyCombo(nextId: NextId, companies: Company[], selected: Company): Html {
  const id = nextId('combobox');
  return html`<div class="x-field x-form-item x-form-item-default x-form-type-text x-field-default" id="${id}" role="presentation">
<label class="x-form-item-label x-form-item-label-default x-unselectable" id="${id}-labelEl" for="${id}-inputEl"><span class="x-form-item-label-inner"><span class="x-form-item-label-text">Company:</span></span></label>
<div class="x-form-item-body x-form-item-body-default x-form-text-field-body" id="${id}-bodyEl" role="presentation"><div class="x-form-trigger-wrap x-form-trigger-wrap-default" id="${id}-triggerWrap" role="presentation">
<div class="x-form-text-wrap x-form-text-wrap-default" id="${id}-inputWrap" role="presentation"><input id="${id}-inputEl" data-ref="inputEl" type="text" role="combobox" aria-haspopup="listbox" aria-expanded="false" aria-readonly="true" class="x-form-field x-form-text x-form-text-default" autocomplete="off" name="company" value="${selected.name}" readonly></div>
<div class="x-form-trigger x-form-trigger-default x-form-arrow-trigger x-form-arrow-trigger-default" id="${id}-trigger-picker" role="presentation"></div>
</div></div></div>
<div class="x-boundlist x-boundlist-floating x-layer x-boundlist-default" id="${nextId('boundlist')}" role="listbox" hidden><ul class="x-list-plain">${companies.map((c, i) => html`<li class="x-boundlist-item${c.id === selected.id ? ' x-boundlist-selected' : ''}" role="option" aria-selected="${c.id === selected.id ? 'true' : 'false'}" data-recordindex="${i}" data-recordid="${c.id}">${c.name}</li>`)}</ul></div>`;
}

export function renderAudit(o: {
  user: User;
  nextId: NextId;
  companies: Company[];
  selected: Company;
  periods: AuditPeriod[];
}): string {
  const { nextId } = o;
  const body = html`<div class="x-toolbar x-toolbar-default x-docked-top" id="${nextId('toolbar')}" role="toolbar" style="position:relative">
${companyCombo(nextId, o.companies, o.selected)}
<input type="hidden" name="companyId" value="${o.selected.id}">
<a class="x-btn x-btn-default-small" id="${nextId('button')}" role="button" href="#" data-action="open-qb-sync"><span class="x-btn-inner x-btn-inner-default-small">Open QB Synchronization Manager</span></a>
</div>
<div class="x-window x-window-default" id="${nextId('window')}" role="dialog" hidden><div class="x-window-body">QuickBooks Online is not connected for this company in the sandbox's own manager.</div></div>
<div class="x-grid x-panel x-grid-with-row-lines" id="${nextId('gridpanel')}" role="grid" aria-label="Audit periods">
<table class="x-grid-table" role="presentation"><thead><tr class="x-grid-header-ct" role="row">${COLUMNS.map((c) => html`<th class="x-column-header x-column-header-align-left" id="${nextId('gridcolumn')}" role="columnheader"><span class="x-column-header-text">${c}</span></th>`)}</tr></thead>
<tbody class="x-grid-body">${periodRows(nextId, o.periods)}</tbody></table>
<div class="x-mask" hidden><div class="x-mask-msg">Loading...</div></div>
</div>`;
  return renderShell({
    title: 'Audit',
    user: o.user,
    nextId,
    body: panel(nextId, 'Audit', body),
    script: AUDIT_SCRIPT,
  });
}
