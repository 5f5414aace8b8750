// The human side of the sandbox: sign-in and sign-out, the app shell, the Audit page and its XHR
// endpoint, and the entity list/detail pages with their hand-edit forms (post → redirect → get).
import { parseForm, readBody, redirect, sendHtml, sendJson, type Router } from '../../common';
import type { Ctx, Handler } from '../app';
import { closeSessionCookie, currentUser, openSessionCookie, sessionToken } from '../auth';
import { auditPeriods } from '../core/audit-periods';
import { isSegment, type Segment } from '../core/entity-specs';
import type { Company } from '../core/store';
import type { User } from '../core/sessions';
import { renderAudit } from './audit';
import { renderDetail, renderList } from './entity-pages';
import { createIdGenerator, html } from './html';
import { AUDIT_PATH, detailPath, listPath, panel, renderShell } from './layout';
import { AUTHENTICATE_PATH, renderSignIn, safeReturnPath, SIGN_IN_PATH, signInUrl } from './sign-in';

function requireUser(ctx: Ctx): User | undefined {
  const user = currentUser(ctx.app, ctx.req);
  if (!user) redirect(ctx.res, signInUrl(ctx.url.pathname + ctx.url.search));
  return user;
}

/** The company a page asked for (?company= / ?companyId=), else the user's first one. */
function pickCompany(
  ctx: Ctx,
  user: User,
  requested: string | null,
): { companies: Company[]; company: Company | undefined } {
  const companies = ctx.app.store.companies().filter((c) => ctx.app.sessions.mayAudit(user, c.id));
  const company = requested === null ? companies[0] : companies.find((c) => c.id === requested);
  if (company) ctx.realm = company.id;
  return { companies, company };
}

const notFoundPage = (ctx: Ctx, user: User, text: string) =>
  sendHtml(
    ctx.res,
    404,
    renderShell({
      title: 'Not found',
      user,
      nextId: createIdGenerator(),
      body: panel(createIdGenerator(), 'Not found', html`<p>${text}</p>`),
    }),
  );

const showSignIn: Handler = (ctx) => {
  const returnTo = safeReturnPath(ctx.url.searchParams.get('redirect_uri'));
  sendHtml(ctx.res, 200, renderSignIn({ returnTo }));
};

const authenticate: Handler = async (ctx) => {
  const form = parseForm(await readBody(ctx.req));
  const returnTo = safeReturnPath(ctx.url.searchParams.get('redirect_uri'));
  const token = ctx.app.sessions.signIn(form.username ?? '', form.password ?? '');
  if (!token)
    return sendHtml(
      ctx.res,
      200,
      renderSignIn({ returnTo, error: 'Invalid username or password.', username: form.username ?? '' }),
    );
  ctx.tags.push('sign-in');
  redirect(ctx.res, returnTo, { 'Set-Cookie': openSessionCookie(token) }, 303);
};

const signOut: Handler = (ctx) => {
  ctx.app.sessions.signOut(sessionToken(ctx.req));
  redirect(ctx.res, signInUrl('/app.php/dashboard'), { 'Set-Cookie': closeSessionCookie() });
};

const home: Handler = (ctx) => {
  if (requireUser(ctx)) redirect(ctx.res, '/app.php/dashboard');
};

const dashboard: Handler = (ctx) => {
  const user = requireUser(ctx);
  if (!user) return;
  const nextId = createIdGenerator();
  const body = html`<p>Welcome to CStoreOffice, ${user.displayName}.</p><p>Open <strong>Transactions → Audit</strong> to review audit periods and synchronize with QuickBooks Online.</p>`;
  sendHtml(ctx.res, 200, renderShell({ title: 'Dashboard', user, nextId, body: panel(nextId, 'Dashboard', body) }));
};

const auditPage: Handler = (ctx) => {
  const user = requireUser(ctx);
  if (!user) return;
  const { companies, company } = pickCompany(ctx, user, ctx.url.searchParams.get('company'));
  if (!company) return notFoundPage(ctx, user, 'You may not audit that company.');
  const nextId = createIdGenerator();
  sendHtml(
    ctx.res,
    200,
    renderAudit({ user, nextId, companies, selected: company, periods: auditPeriods(company.id, ctx.app.clock.now()) }),
  );
};

const auditData: Handler = (ctx) => {
  const user = currentUser(ctx.app, ctx.req);
  if (!user) return sendJson(ctx.res, 401, { success: false, message: 'Session expired' });
  const { company } = pickCompany(ctx, user, ctx.url.searchParams.get('company'));
  if (!company) return sendJson(ctx.res, 404, { success: false, message: 'Unknown company' });
  sendJson(ctx.res, 200, {
    success: true,
    company: { id: company.id, name: company.name },
    periods: auditPeriods(company.id, ctx.app.clock.now()),
  });
};

function entityScope(ctx: Ctx): { user: User; segment: Segment } | undefined {
  const user = requireUser(ctx);
  if (!user) return undefined;
  const segment = ctx.params.segment ?? '';
  if (!isSegment(segment)) return void notFoundPage(ctx, user, 'There is no such page.');
  return { user, segment };
}

const listPage: Handler = (ctx) => {
  const s = entityScope(ctx);
  if (!s) return;
  const q = ctx.url.searchParams;
  const { companies, company } = pickCompany(ctx, s.user, q.get('companyId') ?? q.get('company'));
  if (!company) return notFoundPage(ctx, s.user, 'You may not open that company.');
  const records = ctx.app.store
    .all(company.id, s.segment)
    .filter((r) => !r.deleted)
    .sort((a, b) => Number(a.id) - Number(b.id));
  const lookup = (segment: Segment, id: string) => ctx.app.store.get(company.id, segment, id);
  sendHtml(
    ctx.res,
    200,
    renderList({
      user: s.user,
      nextId: createIdGenerator(),
      segment: s.segment,
      companies,
      company,
      records,
      lookup,
      error: q.get('error') ?? undefined,
      notice: q.get('notice') ?? undefined,
    }),
  );
};

const detailPage: Handler = (ctx) => {
  const s = entityScope(ctx);
  if (!s) return;
  const rec = ctx.app.store.findAnywhere(ctx.params.id ?? '');
  const company = rec && ctx.app.store.company(rec.companyId);
  if (!rec || rec.segment !== s.segment || !company || !ctx.app.sessions.mayAudit(s.user, company.id))
    return notFoundPage(ctx, s.user, `No ${s.segment} record with id ${ctx.params.id}.`);
  ctx.realm = company.id;
  const lookup = (segment: Segment, id: string) => ctx.app.store.get(company.id, segment, id);
  sendHtml(ctx.res, 200, renderDetail({ user: s.user, nextId: createIdGenerator(), rec, company, lookup }));
};

/** Runs a hand edit from a list-page form, then redirects back with the outcome in the query. */
function handEdit(action: 'create' | 'rename' | 'toggle-active' | 'delete'): Handler {
  return async (ctx) => {
    const s = entityScope(ctx);
    if (!s) return;
    const form = parseForm(await readBody(ctx.req));
    const { company } = pickCompany(ctx, s.user, form.companyId ?? null);
    if (!company) return notFoundPage(ctx, s.user, 'You may not change that company.');
    const store = ctx.app.store;
    const id = ctx.params.id ?? '';
    ctx.tags.push('hand-edit', `${action}:${s.segment}`);
    const { companyId: _c, ...fields } = form;
    const input: Record<string, unknown> = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ''));
    const current = store.get(company.id, s.segment, id);
    const result =
      action === 'create'
        ? store.create(company.id, s.segment, input)
        : action === 'rename'
          ? store.update(company.id, s.segment, id, { name: form.name ?? '' })
          : action === 'toggle-active'
            ? store.update(company.id, s.segment, id, { active: !(current?.values.active ?? true) })
            : store.remove(company.id, s.segment, id);
    const back = `${listPath(s.segment)}?companyId=${encodeURIComponent(company.id)}`;
    if (!result.ok) {
      const detail = result.error.fields
        ? ` ${Object.entries(result.error.fields)
            .map(([k, v]) => `${k}: ${v}`)
            .join(' ')}`
        : '';
      return redirect(ctx.res, `${back}&error=${encodeURIComponent(result.error.message + detail)}`, {}, 303);
    }
    redirect(
      ctx.res,
      action === 'create' ? detailPath(s.segment, result.record.id) : `${back}&notice=${encodeURIComponent('Saved.')}`,
      {},
      303,
    );
  };
}

export function addPageRoutes(router: Router<Handler>): void {
  router
    .add('GET', '/', home)
    .add('GET', SIGN_IN_PATH, showSignIn)
    .add('POST', AUTHENTICATE_PATH, authenticate)
    .add('GET', '/app.php/logout', signOut)
    .add('GET', '/app.php/dashboard', dashboard)
    .add('GET', AUDIT_PATH, auditPage)
    .add('GET', `${AUDIT_PATH}/periods`, auditData)
    .add('GET', '/app.php/accounting/:segment', listPage)
    .add('POST', '/app.php/accounting/:segment/create', handEdit('create'))
    .add('GET', '/app.php/accounting/:segment/:id', detailPage)
    .add('POST', '/app.php/accounting/:segment/:id/rename', handEdit('rename'))
    .add('POST', '/app.php/accounting/:segment/:id/toggle-active', handEdit('toggle-active'))
    .add('POST', '/app.php/accounting/:segment/:id/delete', handEdit('delete'));
}
