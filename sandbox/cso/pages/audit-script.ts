// The Audit page's own script: the Company combobox opens its list; picking a company reloads the
// audit periods over XHR, updates the URL (?company=<id>) with pushState and fires `change` on the
// combobox input — what the ExtJS page does, without a full page load.
export const AUDIT_SCRIPT = `
(function () {
  var input = document.querySelector('input[name="company"]');
  var hidden = document.querySelector('input[name="companyId"]');
  var list = document.querySelector('.x-boundlist');
  var trigger = input.closest('.x-form-trigger-wrap').querySelector('.x-form-trigger');
  var grid = document.querySelector('.x-grid');
  var mask = grid.querySelector('.x-mask');
  var seq = 1000 + Math.floor(Math.random() * 8000);
  function toggle(open) {
    var rect = input.getBoundingClientRect();
    list.style.left = (rect.left + window.scrollX) + 'px';
    list.style.top = (rect.bottom + window.scrollY) + 'px';
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
  }
  input.addEventListener('click', function () { toggle(list.hidden); });
  trigger.addEventListener('click', function () { toggle(list.hidden); });
  document.addEventListener('click', function (e) { if (!e.target.closest('.x-boundlist, .x-form-trigger-wrap')) toggle(false); });
  function cell(text, extra) {
    var td = document.createElement('td'); td.className = 'x-grid-cell x-grid-td'; td.setAttribute('role', 'gridcell');
    var div = document.createElement('div'); div.className = 'x-grid-cell-inner' + (extra || ''); div.textContent = text || '';
    td.appendChild(div); return td;
  }
  function render(periods) {
    var body = grid.querySelector('tbody');
    body.textContent = '';
    periods.forEach(function (p, i) {
      var tr = document.createElement('tr');
      tr.className = 'x-grid-row x-grid-item' + (i % 2 ? ' x-grid-item-alt' : '');
      tr.id = 'tableview-' + (seq++); tr.setAttribute('role', 'row'); tr.setAttribute('data-recordindex', String(i));
      [p.period, p.from, p.to, p.status, p.closedBy, p.closedOn].forEach(function (v, c) {
        tr.appendChild(cell(v, c === 3 ? ' x-status-' + p.status.toLowerCase() : ''));
      });
      body.appendChild(tr);
    });
  }
  function select(item) {
    var id = item.getAttribute('data-recordid');
    toggle(false);
    if (id === hidden.value) return;
    list.querySelectorAll('.x-boundlist-item').forEach(function (li) {
      var on = li === item; li.classList.toggle('x-boundlist-selected', on); li.setAttribute('aria-selected', String(on));
    });
    input.value = item.textContent; hidden.value = id;
    history.pushState({ company: id }, '', location.pathname + '?company=' + encodeURIComponent(id));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    mask.hidden = false;
    fetch('/app.php/accounting/audit/periods?company=' + encodeURIComponent(id), { credentials: 'same-origin' })
      .then(function (r) { if (r.status === 401) { location.reload(); throw new Error('signed out'); } return r.json(); })
      .then(function (data) { render(data.periods); })
      .finally(function () { mask.hidden = true; });
  }
  list.addEventListener('click', function (e) { var li = e.target.closest('.x-boundlist-item'); if (li) select(li); });
  window.addEventListener('popstate', function () { location.reload(); });
  var win = document.querySelector('.x-window');
  document.querySelector('[data-action="open-qb-sync"]').addEventListener('click', function (e) { e.preventDefault(); win.hidden = !win.hidden; });
})();
`;
