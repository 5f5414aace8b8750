// The CStoreOffice app shell: blue header, a toolbar of menus (Transactions → Audit, Accounting →
// the entity lists), and the page body. Menu buttons and items are found by their text.
import { SEGMENTS, ENTITY_SPECS } from '../core/entity-specs';
import type { User } from '../core/sessions';
import { html, trusted, type Html, type NextId } from './html';
import { MENU_SCRIPT, SHELL_CSS } from './styles';

export const AUDIT_PATH = '/app.php/accounting/audit';
export const listPath = (segment: string) => `/app.php/accounting/${segment}`;
export const detailPath = (segment: string, id: string) => `/app.php/accounting/${segment}/${encodeURIComponent(id)}`;

interface MenuItem {
  text: string;
  href: string;
}

const MENUS: Array<{ text: string; items: MenuItem[] }> = [
  { text: 'Dashboard', items: [{ text: 'Home', href: '/app.php/dashboard' }] },
  { text: 'Price Book', items: [{ text: 'Price Book Vendors', href: listPath('price-book-vendors') }] },
  {
    text: 'Transactions',
    items: [
      { text: 'Shift Reports', href: '/app.php/dashboard?soon=shift-reports' },
      { text: 'Account Register', href: '/app.php/dashboard?soon=account-register' },
      { text: 'Audit', href: AUDIT_PATH },
    ],
  },
  { text: 'Accounting', items: SEGMENTS.map((s) => ({ text: ENTITY_SPECS[s].plural, href: listPath(s) })) },
];

function menuBar(nextId: NextId): Html {
  return html`<div class="x-toolbar x-toolbar-default x-docked-top" id="${nextId('toolbar')}" role="menubar">${MENUS.map(
    (menu) => {
      const menuId = nextId('menu');
      return html`<a class="x-btn x-btn-default-toolbar-small" id="${nextId('button')}" role="button" aria-haspopup="true" aria-expanded="false" data-menu="${menuId}" href="#"><span class="x-btn-inner x-btn-inner-default-toolbar-small">${menu.text}</span></a>
<div class="x-menu x-layer" id="${menuId}" role="menu" hidden>${menu.items.map((item) => html`<a class="x-menu-item-link" id="${nextId('menuitem')}" role="menuitem" href="${item.href}"><span class="x-menu-item-text">${item.text}</span></a>`)}</div>`;
    },
  )}</div>`;
}

export interface ShellOptions {
  title: string;
  user: User;
  nextId: NextId;
  body: Html;
  script?: string;
}

export function renderShell(o: ShellOptions): string {
  return html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${o.title} - CStoreOffice</title>
<style>${trusted(SHELL_CSS)}</style></head>
<body class="x-body x-webkit x-chrome x-border-box">
<div class="x-viewport" id="${o.nextId('viewport')}">
<div class="x-app-header" id="${o.nextId('container')}"><span class="cso-logo">CStoreOffice®</span><span class="cso-user">${o.user.displayName} (${o.user.username})</span><a href="/app.php/logout">Sign out</a></div>
${menuBar(o.nextId)}
<div class="x-main" id="${o.nextId('container')}">${o.body}</div>
</div>
<script>${trusted(MENU_SCRIPT)}</script>${o.script ? html`<script>${trusted(o.script)}</script>` : ''}
</body></html>`.text;
}

/** A titled ExtJS panel. */
export function panel(nextId: NextId, title: string | Html, body: Html): Html {
  const id = nextId('panel');
  return html`<div class="x-panel x-panel-default" id="${id}"><div class="x-panel-header x-header x-panel-header-default" id="${id}_header"><div class="x-title x-panel-header-title"><div class="x-title-text x-title-text-default" id="${id}_header_title-textEl">${title}</div></div></div>
<div class="x-panel-body x-panel-body-default" id="${id}-body">${body}</div></div>`;
}
