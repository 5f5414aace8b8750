/** Sends API bodies the way QBO does: `time` stamped, JSON or XML by Accept, faults as `Fault`. */
import { send } from '../../common/index';
import { faultBody, type QboError } from '../errors';
import type { RequestContext } from '../state';
import { formatQboTime } from '../time';
import { toIntuitXml } from './xml';

export function qboTime(ctx: RequestContext): string {
  const realm = ctx.state.realms.get(ctx.realm);
  return formatQboTime(ctx.state.clock.now(), realm?.offsetMinutes ?? -420, true);
}

function wantsJson(ctx: RequestContext): boolean {
  return (ctx.req.headers.accept ?? '').toLowerCase().includes('json') || ctx.url.searchParams.get('format') === 'json';
}

export function sendQbo(ctx: RequestContext, status: number, body: Record<string, unknown>): void {
  const stamped = body.time ? body : { ...body, time: qboTime(ctx) };
  const code = (body.Fault as { Error?: { code?: string }[] } | undefined)?.Error?.[0]?.code;
  if (code) ctx.tags.push(`fault:${code}`);
  if (wantsJson(ctx)) send(ctx.res, status, JSON.stringify(stamped), 'application/json;charset=UTF-8');
  else send(ctx.res, status, toIntuitXml(stamped), 'application/xml;charset=UTF-8');
}

export function sendFault(ctx: RequestContext, error: QboError): void {
  sendQbo(ctx, error.status, faultBody(error, qboTime(ctx)));
}
