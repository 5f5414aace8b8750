// What every contract route does with a request before its own work: the session, the company,
// the JSON body, If-Match and Idempotency-Key. Each helper answers the error itself when one fails.
import { createHash } from 'node:crypto';
import { parseJson, readBody, sendJson } from '../../common';
import type { Ctx } from '../app';
import { currentUser } from '../auth';
import type { StoreError } from '../core/store';
import type { User } from '../core/sessions';
import { sendError } from './wire';

export const JSON_TYPE = 'application/json; charset=utf-8';
export const bad = (code: string, message: string): StoreError => ({ status: 400, code, message });

export function signedIn(ctx: Ctx): User | undefined {
  const user = currentUser(ctx.app, ctx.req);
  if (!user)
    sendError(ctx.res, {
      status: 401,
      code: 'unauthenticated',
      message: 'You are signed out of CStoreOffice. Sign in again and retry.',
    });
  return user;
}

/** The signed-in user's company from the path, when it exists and the user may audit it. */
export function companyScope(ctx: Ctx): { companyId: string } | undefined {
  const user = signedIn(ctx);
  if (!user) return undefined;
  const companyId = ctx.params.companyId ?? '';
  ctx.realm = companyId;
  if (!ctx.app.store.company(companyId))
    return void sendError(ctx.res, {
      status: 404,
      code: 'company_not_found',
      message: `No company with id ${companyId}.`,
    });
  if (!ctx.app.sessions.mayAudit(user, companyId))
    return void sendError(ctx.res, { status: 403, code: 'forbidden', message: 'You may not audit this company.' });
  return { companyId };
}

export async function jsonBody(ctx: Ctx): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: parseJson(await readBody(ctx.req)) ?? {} };
  } catch {
    sendError(ctx.res, bad('invalid_json', 'The request body is not valid JSON.'));
    return { ok: false };
  }
}

/** `If-Match: 3`, `"3"` or `W/"3"`; undefined when missing or not a version. */
function ifMatch(ctx: Ctx): number | undefined {
  const raw = ctx.req.headers['if-match'];
  const match = typeof raw === 'string' ? /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(raw) : null;
  return match ? Number(match[1]) : undefined;
}

export function requireIfMatch(ctx: Ctx): number | undefined {
  const version = ifMatch(ctx);
  if (version === undefined)
    sendError(ctx.res, {
      status: 428,
      code: 'precondition_required',
      message: 'Send If-Match with the version you last read.',
    });
  return version;
}

export function idempotencyKey(ctx: Ctx): string | undefined {
  const key = ctx.req.headers['idempotency-key'];
  return typeof key === 'string' && key !== '' ? key : undefined;
}

/**
 * The Idempotency-Key rule of creates (and run appends): a repeat of a remembered key with the same
 * body gets the first answer again (`replayed`, already sent); with another body a 400. Otherwise
 * `remember` stores this request's answer under the key, if it had one.
 */
export function idempotent(
  ctx: Ctx,
  scope: string,
  body: unknown,
):
  | { replayed: true }
  | { replayed: false; remember: (status: number, answer: unknown, headers: Record<string, string>) => void } {
  const key = idempotencyKey(ctx);
  const fingerprint = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  const seen = key === undefined ? undefined : ctx.app.idempotency.get(scope, key);
  if (seen && seen.fingerprint !== fingerprint) {
    sendError(ctx.res, bad('idempotency_key_reused', 'This Idempotency-Key was already used with a different body.'));
    return { replayed: true };
  }
  if (seen) {
    ctx.tags.push('idempotent-replay');
    sendJson(ctx.res, seen.status, seen.body, { ...seen.headers, 'Idempotent-Replayed': 'true' }, JSON_TYPE);
    return { replayed: true };
  }
  return {
    replayed: false,
    remember: (status, answer, headers) => {
      if (key !== undefined) ctx.app.idempotency.remember(scope, key, { status, body: answer, headers, fingerprint });
    },
  };
}
