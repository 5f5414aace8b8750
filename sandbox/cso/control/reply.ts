// How every control route reads its JSON body and answers (no contract envelope rules here: the
// control API is the sandbox's own back door).
import { parseJson, readBody, sendJson } from '../../common';
import type { Ctx, Handler } from '../app';

export type ControlRoute = [method: string, path: string, handler: Handler];

export const ok = (ctx: Ctx, body: unknown, status = 200) => sendJson(ctx.res, status, body);
export const fail = (ctx: Ctx, status: number, message: string) =>
  sendJson(ctx.res, status, { error: { code: 'control_error', message } });

export async function body(ctx: Ctx): Promise<Record<string, unknown>> {
  const value = parseJson(await readBody(ctx.req));
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
