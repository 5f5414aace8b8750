// Contract v1.3: a company's QuickBooks sync state and run history, under
// /api/qbo-sync/v1/companies/{companyId}/qbo-sync. Added before the entity routes, whose
// `:segment` would otherwise take "qbo-sync" for an entity type (as a v1.2 server does).
import { sendJson, type Router } from '../../common';
import { linksServed, type Ctx, type Handler } from '../app';
import type { SyncState } from '../core/sync-state';
import { bad, companyScope, idempotencyKey, idempotent, JSON_TYPE, jsonBody, requireIfMatch } from './request';
import { sendError } from './wire';

const RUNS_DEFAULT = 50;
const RUNS_MAX = 100;

/** The signed-in company, when this server serves v1.3; a v1.2 server knows no such path. */
function syncScope(ctx: Ctx): { companyId: string } | undefined {
  const s = companyScope(ctx);
  if (s && !linksServed(ctx.app))
    return void sendError(ctx.res, { status: 404, code: 'not_found', message: 'Unknown entity type "qbo-sync".' });
  return s;
}

function stateWire(state: SyncState) {
  return {
    realmId: state.realmId,
    version: state.version,
    updatedAt: state.updatedAtMs === null ? null : new Date(state.updatedAtMs).toISOString(),
    ignores: state.ignores,
    manualLinks: state.manualLinks,
    resolutions: state.resolutions,
  };
}
const sendState = (ctx: Ctx, state: SyncState) =>
  sendJson(ctx.res, 200, stateWire(state), { ETag: `"${state.version}"` }, JSON_TYPE);

const readState: Handler = (ctx) => {
  const s = syncScope(ctx);
  if (s) sendState(ctx, ctx.app.syncStates.get(s.companyId));
};

const writeState =
  (whole: boolean): Handler =>
  async (ctx) => {
    const s = syncScope(ctx);
    if (!s) return;
    const version = requireIfMatch(ctx);
    if (version === undefined) return;
    const body = await jsonBody(ctx);
    if (!body.ok) return;
    ctx.tags.push('write', 'sync-state');
    const result = ctx.app.syncStates.write(s.companyId, body.value, version, whole);
    if (!result.ok) return sendError(ctx.res, result.error);
    sendState(ctx, result.state);
  };

const encodeRunCursor = (beforeSeq: number) =>
  Buffer.from(JSON.stringify({ v: 'runs', b: beforeSeq })).toString('base64url');
function decodeRunCursor(cursor: string): number | undefined {
  try {
    const raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: unknown; b?: unknown };
    return raw.v === 'runs' && Number.isSafeInteger(raw.b) ? (raw.b as number) : undefined;
  } catch {
    return undefined;
  }
}

const listRuns: Handler = (ctx) => {
  const s = syncScope(ctx);
  if (!s) return;
  const q = ctx.url.searchParams;
  const limit = q.get('limit') === null ? RUNS_DEFAULT : Number(q.get('limit'));
  if (!Number.isInteger(limit) || limit < 1 || limit > RUNS_MAX)
    return sendError(ctx.res, bad('invalid_limit', `limit must be a whole number from 1 to ${RUNS_MAX}.`));
  const cursor = q.get('cursor');
  const beforeSeq = cursor === null ? null : decodeRunCursor(cursor);
  if (beforeSeq === undefined)
    return sendError(ctx.res, bad('invalid_cursor', 'The cursor is not one this server issued.'));
  ctx.tags.push('list:runs');
  const page = ctx.app.syncRuns.page(s.companyId, beforeSeq, limit);
  const nextCursor = page.more && page.lastSeq !== null ? encodeRunCursor(page.lastSeq) : null;
  sendJson(ctx.res, 200, { items: page.runs, nextCursor, total: page.total }, {}, JSON_TYPE);
};

const appendRun: Handler = async (ctx) => {
  const s = syncScope(ctx);
  if (!s) return;
  // History is append-only: a retried append without a key would stay in it twice, for good.
  if (idempotencyKey(ctx) === undefined)
    return sendError(ctx.res, bad('idempotency_key_required', 'Send an Idempotency-Key with each run summary.'));
  const body = await jsonBody(ctx);
  if (!body.ok) return;
  ctx.tags.push('write', 'append:runs');
  const idem = idempotent(ctx, `${s.companyId}/qbo-sync/runs`, body.value);
  if (idem.replayed) return;
  const result = ctx.app.syncRuns.append(s.companyId, body.value);
  if (!result.ok) return sendError(ctx.res, result.error);
  const headers = { Location: `${ctx.url.pathname}/${result.run.id}` };
  idem.remember(201, result.run, headers);
  sendJson(ctx.res, 201, result.run, headers, JSON_TYPE);
};

export function addQboSyncRoutes(router: Router<Handler>, apiBase: string): void {
  const base = `${apiBase}/companies/:companyId/qbo-sync`;
  router
    .add('GET', base, readState)
    .add('PUT', base, writeState(true))
    .add('PATCH', base, writeState(false))
    .add('GET', `${base}/runs`, listRuns)
    .add('POST', `${base}/runs`, appendRun);
}
