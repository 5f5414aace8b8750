/** The consent page of Intuit's authorize step: the app asks for access, the user picks a company. */
import { escapeHtml } from '../../common/index';

export interface AuthorizePageInput {
  appName: string;
  scopes: string[];
  companies: { realmId: string; name: string }[];
  hidden: Record<string, string>;
}

const SCOPE_TEXT: Record<string, string> = {
  'com.intuit.quickbooks.accounting': 'Accounting data: customers, vendors, accounts, items and transactions',
  'com.intuit.quickbooks.payment': 'Payments',
  openid: 'Your Intuit identity',
  profile: 'Your name',
  email: 'Your email address',
  phone: 'Your phone number',
  address: 'Your address',
};

export function renderAuthorizePage(input: AuthorizePageInput): string {
  const hidden = Object.entries(input.hidden)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('\n      ');
  const options = input.companies
    .map(
      (c, i) => `<option value="${escapeHtml(c.realmId)}"${i === 0 ? ' selected' : ''}>${escapeHtml(c.name)}</option>`,
    )
    .join('');
  const scopes = input.scopes.map((s) => `<li>${escapeHtml(SCOPE_TEXT[s] ?? s)}</li>`).join('');
  const picker = input.companies.length
    ? `<label for="realmId">Company</label>\n      <select id="realmId" name="realmId">${options}</select>`
    : '<p role="alert">You have no QuickBooks companies to connect.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Intuit: Connect ${escapeHtml(input.appName)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;color:#393a3d}
h1{font-size:1.4rem}.actions{display:flex;gap:1rem;margin-top:1.5rem}
button{padding:.6rem 1.4rem;border-radius:4px;border:1px solid #2ca01c;font-size:1rem}
button[value=connect]{background:#2ca01c;color:#fff}button[value=cancel]{background:#fff;color:#2ca01c}</style></head>
<body><main>
  <h1><strong>${escapeHtml(input.appName)}</strong> wants to connect to your QuickBooks company</h1>
  <p>It will be able to access:</p><ul>${scopes}</ul>
  <form method="post" action="/connect/oauth2">
      ${hidden}
      ${picker}
      <div class="actions">
        <button type="submit" name="action" value="cancel">Cancel</button>
        <button type="submit" name="action" value="connect"${input.companies.length ? '' : ' disabled'}>Connect</button>
      </div>
  </form>
</main></body></html>`;
}

export function renderOAuthErrorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Intuit: Error</title></head><body><main><h1>Something went wrong</h1><p role="alert">${escapeHtml(message)}</p></main></body></html>`;
}
