// The listing rules every contract list shares (CONTRACT.md, "List"): limit, cursor, updatedSince,
// the 30-day tombstone horizon (410) and the page envelope. Entity lists and the transaction lists
// (v1.4) answer through here, so a client pages them all the same way.
import { sendJson } from '../../common';
import type { Ctx } from '../app';
import type { Changed, ListQuery } from '../core/change-list';
import { decodeCursor, encodeCursor } from './cursor';
import { bad, JSON_TYPE } from './request';
import { sendError } from './wire';

const PAGE_DEFAULT = 100;
const PAGE_MAX = 500;
export const TOMBSTONE_RETENTION_MS = 30 * 24 * 60 * 60_000;

/** The query of a list request, or undefined when it is wrong (the 400 / 410 is already sent). */
export function listQuery(ctx: Ctx): ListQuery | undefined {
  const q = ctx.url.searchParams;
  const now = ctx.app.clock.now();
  const limitText = q.get('limit');
  const limit = limitText === null ? PAGE_DEFAULT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX)
    return void sendError(ctx.res, bad('invalid_limit', `limit must be a whole number from 1 to ${PAGE_MAX}.`));
  let afterSeq = 0;
  let sinceMs: number | null = null;
  const cursor = q.get('cursor');
  if (cursor !== null) {
    const state = decodeCursor(cursor);
    if (!state) return void sendError(ctx.res, bad('invalid_cursor', 'The cursor is not one this server issued.'));
    ({ afterSeq, sinceMs } = state);
  } else if (q.get('updatedSince') !== null) {
    sinceMs = Date.parse(q.get('updatedSince') ?? '');
    if (Number.isNaN(sinceMs))
      return void sendError(ctx.res, bad('invalid_updated_since', 'updatedSince must be an ISO 8601 date-time.'));
  }
  if (sinceMs !== null && sinceMs < now - TOMBSTONE_RETENTION_MS) {
    return void sendError(ctx.res, {
      status: 410,
      code: 'updated_since_too_old',
      message: 'Deletions are kept 30 days; read the full list again.',
    });
  }
  ctx.tags.push(sinceMs === null ? 'list:full' : 'list:changes');
  return { afterSeq, sinceMs, limit };
}

/** Sends one page: its items on the wire, the cursor that carries the filter on, `total`, server time. */
export function sendPage<T extends Changed>(
  ctx: Ctx,
  q: ListQuery,
  page: { records: T[]; more: boolean; total: number },
  wire: (rec: T) => unknown,
): void {
  const last = page.records.at(-1);
  const nextCursor = page.more && last ? encodeCursor({ afterSeq: last.seq, sinceMs: q.sinceMs }) : null;
  const body = {
    items: page.records.map(wire),
    nextCursor,
    total: page.total,
    serverTime: new Date(ctx.app.clock.now()).toISOString(),
  };
  sendJson(ctx.res, 200, body, {}, JSON_TYPE);
}
