// The contract API (lib/cso/CONTRACT.md): /api/qbo-sync/v1/... over the shared store.
import { sendJson, type Router } from '../../common';
import { linksServed, type Ctx, type Handler } from '../app';
import { isSegment, type Segment } from '../core/entity-specs';
import { listQuery, sendPage, TOMBSTONE_RETENTION_MS } from './list-page';
import { addQboSyncRoutes } from './qbo-sync-routes';
import { addTransactionRoutes } from './transaction-routes';
import { companyScope, idempotent, JSON_TYPE, jsonBody, requireIfMatch, signedIn } from './request';
import { sendError, sendRecord, toWire } from './wire';

export const API_BASE = '/api/qbo-sync/v1';

/** Resolves user, company and type for an entity route; answers the error itself when one fails. */
function scope(ctx: Ctx): { companyId: string; segment: Segment } | undefined {
  const company = companyScope(ctx);
  if (!company) return undefined;
  const segment = ctx.params.segment ?? '';
  if (!isSegment(segment))
    return void sendError(ctx.res, { status: 404, code: 'not_found', message: `Unknown entity type "${segment}".` });
  return { companyId: company.companyId, segment };
}

const listCompanies: Handler = (ctx) => {
  const user = signedIn(ctx);
  if (!user) return;
  const items = ctx.app.store
    .companies()
    .filter((c) => ctx.app.sessions.mayAudit(user, c.id))
    .map((c) => ({ id: c.id, name: c.name }));
  sendJson(ctx.res, 200, { items }, {}, JSON_TYPE);
};

const list: Handler = (ctx) => {
  const s = scope(ctx);
  if (!s) return;
  ctx.app.store.pruneTombstones(s.companyId, s.segment, ctx.app.clock.now() - TOMBSTONE_RETENTION_MS);
  const q = listQuery(ctx);
  if (!q) return;
  ctx.tags.push(`type:${s.segment}`);
  sendPage(ctx, q, ctx.app.store.list(s.companyId, s.segment, q), (r) => toWire(r, linksServed(ctx.app)));
};

const getOne: Handler = (ctx) => {
  const s = scope(ctx);
  if (!s) return;
  const rec = ctx.app.store.get(s.companyId, s.segment, ctx.params.id ?? '');
  if (!rec)
    return sendError(ctx.res, { status: 404, code: 'not_found', message: `No record with id ${ctx.params.id}.` });
  sendRecord(ctx.res, 200, rec, {}, linksServed(ctx.app));
};

const create: Handler = async (ctx) => {
  const s = scope(ctx);
  if (!s) return;
  const body = await jsonBody(ctx);
  if (!body.ok) return;
  ctx.tags.push('write', `create:${s.segment}`);
  const idem = idempotent(ctx, `${s.companyId}/${s.segment}`, body.value);
  if (idem.replayed) return;
  const result = ctx.app.store.create(s.companyId, s.segment, body.value);
  if (!result.ok) return sendError(ctx.res, result.error);
  const headers = {
    ETag: `"${result.record.version}"`,
    Location: `${API_BASE}/companies/${s.companyId}/${s.segment}/${result.record.id}`,
  };
  idem.remember(201, toWire(result.record, linksServed(ctx.app)), headers);
  sendRecord(ctx.res, 201, result.record, headers, linksServed(ctx.app));
};

const update: Handler = async (ctx) => {
  const s = scope(ctx);
  if (!s) return;
  const version = requireIfMatch(ctx);
  if (version === undefined) return;
  const body = await jsonBody(ctx);
  if (!body.ok) return;
  ctx.tags.push('write', `update:${s.segment}`);
  const result = ctx.app.store.update(s.companyId, s.segment, ctx.params.id ?? '', body.value, version);
  if (!result.ok) return sendError(ctx.res, result.error);
  sendRecord(ctx.res, 200, result.record, {}, linksServed(ctx.app));
};

const remove: Handler = (ctx) => {
  const s = scope(ctx);
  if (!s) return;
  const version = requireIfMatch(ctx);
  if (version === undefined) return;
  ctx.tags.push('write', `delete:${s.segment}`);
  const result = ctx.app.store.remove(s.companyId, s.segment, ctx.params.id ?? '', version);
  if (!result.ok) return sendError(ctx.res, result.error);
  ctx.res.writeHead(204).end();
};

export function addContractRoutes(router: Router<Handler>): void {
  const entity = `${API_BASE}/companies/:companyId/:segment`;
  addQboSyncRoutes(router, API_BASE);
  addTransactionRoutes(router, API_BASE);
  router
    .add('GET', `${API_BASE}/companies`, listCompanies)
    .add('GET', entity, list)
    .add('POST', entity, create)
    .add('GET', `${entity}/:id`, getOne)
    .add('PATCH', `${entity}/:id`, update)
    .add('DELETE', `${entity}/:id`, remove);
}
