// The contract API (lib/cso/CONTRACT.md): /api/qbo-sync/v1/... over the shared store.
import { createHash } from 'node:crypto';
import { parseJson, readBody, sendJson, type Router } from '../../common';
import type { Ctx, Handler } from '../app';
import { currentUser } from '../auth';
import { isSegment, type Segment } from '../core/entity-specs';
import type { StoreError } from '../core/store';
import type { User } from '../core/sessions';
import { decodeCursor, encodeCursor } from './cursor';
import { sendError, sendRecord, toWire } from './wire';

export const API_BASE = '/api/qbo-sync/v1';
const PAGE_DEFAULT = 100;
const PAGE_MAX = 500;
const TOMBSTONE_RETENTION_MS = 30 * 24 * 60 * 60_000;

const JSON_TYPE = 'application/json; charset=utf-8';
const bad = (code: string, message: string): StoreError => ({ status: 400, code, message });

function signedIn(ctx: Ctx): User | undefined {
  const user = currentUser(ctx.app, ctx.req);
  if (!user)
    sendError(ctx.res, {
      status: 401,
      code: 'unauthenticated',
      message: 'You are signed out of CStoreOffice. Sign in again and retry.',
    });
  return user;
}

/** Resolves user, company and type for an entity route; answers the error itself when one fails. */
function scope(ctx: Ctx): { companyId: string; segment: Segment } | undefined {
  const user = signedIn(ctx);
  if (!user) return undefined;
  const { companyId = '', segment = '' } = ctx.params;
  ctx.realm = companyId;
  if (!ctx.app.store.company(companyId))
    return void sendError(ctx.res, {
      status: 404,
      code: 'company_not_found',
      message: `No company with id ${companyId}.`,
    });
  if (!ctx.app.sessions.mayAudit(user, companyId))
    return void sendError(ctx.res, { status: 403, code: 'forbidden', message: 'You may not audit this company.' });
  if (!isSegment(segment))
    return void sendError(ctx.res, { status: 404, code: 'not_found', message: `Unknown entity type "${segment}".` });
  return { companyId, segment };
}

async function jsonBody(ctx: Ctx): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: parseJson(await readBody(ctx.req)) ?? {} };
  } catch {
    sendError(ctx.res, bad('invalid_json', 'The request body is not valid JSON.'));
    return { ok: false };
  }
}

/** `If-Match: 3` or `If-Match: "3"`; undefined when missing or not a version. */
function ifMatch(ctx: Ctx): number | undefined {
  const raw = ctx.req.headers['if-match'];
  const match = typeof raw === 'string' ? /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(raw) : null;
  return match ? Number(match[1]) : undefined;
}

function requireIfMatch(ctx: Ctx): number | undefined {
  const version = ifMatch(ctx);
  if (version === undefined)
    sendError(ctx.res, {
      status: 428,
      code: 'precondition_required',
      message: 'Send If-Match with the version you last read.',
    });
  return version;
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
    { items: page.records.map(toWire), nextCursor, total: page.total, serverTime: new Date(now).toISOString() },
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
  sendRecord(ctx.res, 200, rec);
};

const create: Handler = async (ctx) => {
  const s = scope(ctx);
  if (!s) return;
  const body = await jsonBody(ctx);
  if (!body.ok) return;
  ctx.tags.push('write', `create:${s.segment}`);
  const key = ctx.req.headers['idempotency-key'];
  const idemScope = `${s.companyId}/${s.segment}`;
  const fingerprint = createHash('sha256').update(JSON.stringify(body.value)).digest('hex');
  if (typeof key === 'string' && key !== '') {
    const seen = ctx.app.idempotency.get(idemScope, key);
    if (seen && seen.fingerprint !== fingerprint)
      return sendError(
        ctx.res,
        bad('idempotency_key_reused', 'This Idempotency-Key was already used with a different body.'),
      );
    if (seen) {
      ctx.tags.push('idempotent-replay');
      return sendJson(ctx.res, seen.status, seen.body, { ...seen.headers, 'Idempotent-Replayed': 'true' }, JSON_TYPE);
    }
  }
  const result = ctx.app.store.create(s.companyId, s.segment, body.value);
  if (!result.ok) return sendError(ctx.res, result.error);
  const headers = {
    ETag: `"${result.record.version}"`,
    Location: `${API_BASE}/companies/${s.companyId}/${s.segment}/${result.record.id}`,
  };
  if (typeof key === 'string' && key !== '')
    ctx.app.idempotency.remember(idemScope, key, { status: 201, body: toWire(result.record), headers, fingerprint });
  sendRecord(ctx.res, 201, result.record, headers);
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
  sendRecord(ctx.res, 200, result.record);
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
  router
    .add('GET', `${API_BASE}/companies`, listCompanies)
    .add('GET', entity, list)
    .add('POST', entity, create)
    .add('GET', `${entity}/:id`, getOne)
    .add('PATCH', `${entity}/:id`, update)
    .add('DELETE', `${entity}/:id`, remove);
}
