// The contract API (lib/cso/CONTRACT.md): /api/qbo-sync/v1/... over the shared store.
import { sendJson, type Router } from '../../common';
import { linksServed, type Ctx, type Handler } from '../app';
import { isSegment, type Segment } from '../core/entity-specs';
import { decodeCursor, encodeCursor } from './cursor';
import { addQboSyncRoutes } from './qbo-sync-routes';
import { bad, companyScope, idempotent, JSON_TYPE, jsonBody, requireIfMatch, signedIn } from './request';
import { sendError, sendRecord, toWire } from './wire';

export const API_BASE = '/api/qbo-sync/v1';
const PAGE_DEFAULT = 100;
const PAGE_MAX = 500;
const TOMBSTONE_RETENTION_MS = 30 * 24 * 60 * 60_000;

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
  const q = ctx.url.searchParams;
  const now = ctx.app.clock.now();
  const limitText = q.get('limit');
  const limit = limitText === null ? PAGE_DEFAULT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX)
    return sendError(ctx.res, bad('invalid_limit', `limit must be a whole number from 1 to ${PAGE_MAX}.`));
  let afterSeq = 0;
  let sinceMs: number | null = null;
  const cursor = q.get('cursor');
  if (cursor !== null) {
    const state = decodeCursor(cursor);
    if (!state) return sendError(ctx.res, bad('invalid_cursor', 'The cursor is not one this server issued.'));
    ({ afterSeq, sinceMs } = state);
  } else if (q.get('updatedSince') !== null) {
    sinceMs = Date.parse(q.get('updatedSince') ?? '');
    if (Number.isNaN(sinceMs))
      return sendError(ctx.res, bad('invalid_updated_since', 'updatedSince must be an ISO 8601 date-time.'));
  }
  ctx.app.store.pruneTombstones(s.companyId, s.segment, now - TOMBSTONE_RETENTION_MS);
  if (sinceMs !== null && sinceMs < now - TOMBSTONE_RETENTION_MS) {
    return sendError(ctx.res, {
      status: 410,
      code: 'updated_since_too_old',
      message: 'Deletions are kept 30 days; read the full list again.',
    });
  }
  ctx.tags.push(sinceMs === null ? 'list:full' : 'list:changes', `type:${s.segment}`);
  const page = ctx.app.store.list(s.companyId, s.segment, { afterSeq, sinceMs, limit });
  const last = page.records.at(-1);
  const nextCursor = page.more && last ? encodeCursor({ afterSeq: last.seq, sinceMs }) : null;
  sendJson(
    ctx.res,
    200,
    {
      items: page.records.map((r) => toWire(r, linksServed(ctx.app))),
      nextCursor,
      total: page.total,
      serverTime: new Date(now).toISOString(),
    },
    {},
    JSON_TYPE,
  );
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
  router
    .add('GET', `${API_BASE}/companies`, listCompanies)
    .add('GET', entity, list)
    .add('POST', entity, create)
    .add('GET', `${entity}/:id`, getOne)
    .add('PATCH', `${entity}/:id`, update)
    .add('DELETE', `${entity}/:id`, remove);
}
