// CStoreOffice's single sign-on page: a Keycloak login form (#username, #password, #kc-login).
import { html, trusted } from './html';

export const SIGN_IN_PATH = '/auth/realms/cstoreoffice/protocol/openid-connect/auth';
export const AUTHENTICATE_PATH = '/auth/realms/cstoreoffice/login-actions/authenticate';

/** Only same-origin paths are followed after sign-in; anything else falls back to the dashboard. */
export function safeReturnPath(value: string | null | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\')
    ? value
    : '/app.php/dashboard';
}

export const signInUrl = (returnTo: string) =>
  `${SIGN_IN_PATH}?client_id=cstoreoffice&response_type=code&redirect_uri=${encodeURIComponent(returnTo)}`;

const CSS = `body{margin:0;font:14px/1.5 "Open Sans",Helvetica,Arial,sans-serif;background:#1b3a57 linear-gradient(#1b3a57,#157fcc);min-height:100vh}
#kc-header{color:#fff;text-align:center;padding:48px 0 16px;font-size:28px;font-weight:300;letter-spacing:1px}
#kc-content{max-width:420px;margin:0 auto;background:#fff;border-radius:4px;padding:28px 32px;box-shadow:0 4px 18px rgba(0,0,0,.3)}
#kc-page-title{font-size:20px;font-weight:400;margin:0 0 18px;text-align:center}
.form-group{margin-bottom:14px}label{display:block;margin-bottom:4px;color:#333}
.pf-c-form-control{width:100%;padding:8px;border:1px solid #bbb;border-radius:3px;font:inherit;box-sizing:border-box}
#kc-login{width:100%;padding:10px;background:#0066cc;border:0;border-radius:3px;color:#fff;font:inherit;cursor:pointer}
.alert-error{background:#fdecea;border:1px solid #c9190b;color:#a30000;padding:8px 10px;border-radius:3px;margin-bottom:14px}`;

export function renderSignIn(o: { returnTo: string; error?: string; username?: string; notice?: string }): string {
  return html`<!DOCTYPE html>
<html lang="en" class="login-pf"><head><meta charset="utf-8"><title>Sign in to CStoreOffice</title><style>${trusted(CSS)}</style></head>
<body class="">
<div class="login-pf-page"><div id="kc-header" class="login-pf-page-header"><div id="kc-header-wrapper">CStoreOffice®</div></div>
<div id="kc-content" class="card-pf"><header class="login-pf-header"><h1 id="kc-page-title">Sign in to your account</h1></header>
<div id="kc-content-wrapper">
${o.notice ? html`<div class="alert alert-info">${o.notice}</div>` : ''}
${o.error ? html`<div class="alert-error pf-c-alert pf-m-danger"><span id="input-error" class="kc-feedback-text" aria-live="polite">${o.error}</span></div>` : ''}
<form id="kc-form-login" action="${AUTHENTICATE_PATH}?redirect_uri=${encodeURIComponent(o.returnTo)}" method="post">
<div class="form-group"><label for="username" class="pf-c-form__label">Username or email</label>
<input tabindex="1" id="username" class="pf-c-form-control" name="username" value="${o.username ?? ''}" type="text" autofocus autocomplete="username" aria-invalid="${o.error ? 'true' : 'false'}"></div>
<div class="form-group"><label for="password" class="pf-c-form__label">Password</label>
<input tabindex="2" id="password" class="pf-c-form-control" name="password" type="password" autocomplete="current-password" aria-invalid="${o.error ? 'true' : 'false'}"></div>
<div id="kc-form-buttons" class="form-group"><input tabindex="4" class="pf-c-button pf-m-primary pf-m-block btn-lg" name="login" id="kc-login" type="submit" value="Sign In"></div>
</form></div></div></div>
</body></html>`.text;
}
