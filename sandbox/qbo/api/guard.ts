/**
 * What QBO's gateway does before a request reaches the accounting service: bearer token check
 * (lower-case 401/403 envelope), realm access, throttling (429), and minorversion bookkeeping.
 */
import { send, sendJson } from '../../common/index';
import { gatewayFaultBody, throttleJson, throttleXml } from '../errors';
import type { Realm } from '../store/realm';
import type { RequestContext } from '../state';
import { qboTime } from './respond';

export interface Admitted {
  realm: Realm;
  appId: string;
}

const gateway = (ctx: RequestContext, status: 401 | 403, detail: string): undefined => {
  ctx.tags.push(status === 401 ? 'auth-failed' : 'forbidden');
  sendJson(
    ctx.res,
    status,
    gatewayFaultBody(status, detail, ctx.state.clock.now()),
    {},
    'application/json;charset=UTF-8',
  );
  return undefined;
};

export function sendThrottled(ctx: RequestContext): void {
  ctx.tags.push('throttled');
  if (ctx.state.switches.throttleXml) send(ctx.res, 429, throttleXml(qboTime(ctx)), 'application/xml;charset=UTF-8');
  else send(ctx.res, 429, JSON.stringify(throttleJson(qboTime(ctx))), 'application/json;charset=UTF-8');
}

export function admit(ctx: RequestContext, options: { batch?: boolean } = {}): Admitted | undefined {
  const { state, req } = ctx;
  const realmId = ctx.params.realmId ?? '';
  ctx.realm = realmId;
  ctx.tags.push('api');
  const header = req.headers.authorization ?? '';
  if (!/^Bearer\s+/i.test(header)) return gateway(ctx, 401, 'Authorization header is missing or is not a Bearer token');
  const token = header.replace(/^Bearer\s+/i, '').trim();
  if (token.length < 20 || token.length > 4096)
    return gateway(ctx, 401, 'Malformed bearer token: too short or too long');
  const check = state.tokens.checkAccess(token);
  if ('error' in check) {
    const detail =
      check.error === 'expired'
        ? `Token expired: ${token.slice(0, 20)}...`
        : check.error === 'revoked'
          ? 'Token revoked'
          : 'Token invalid';
    return gateway(ctx, 401, detail);
  }
  if (!check.grant.scopes.includes('com.intuit.quickbooks.accounting'))
    return gateway(ctx, 403, 'The access token does not have sufficient scope');
  const realm = state.realms.get(realmId);
  if (check.grant.realmId !== realmId || !realm)
    return gateway(ctx, 403, `The access token is not authorized for company ${realmId}`);
  if (state.switches.throttle && !state.limiter.admit(realmId, check.grant.clientId, options.batch === true)) {
    sendThrottled(ctx);
    return undefined;
  }
  // Intuit retired minor versions below 75: lower ones are served as 75 (qbo-api.md §1).
  const minor = Number(ctx.url.searchParams.get('minorversion'));
  ctx.tags.push(`minorversion:${Number.isFinite(minor) && minor > 75 ? minor : 75}`);
  return { realm, appId: check.grant.clientId };
}
