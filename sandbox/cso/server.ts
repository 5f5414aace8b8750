// One request's path through the sandbox: control API (never faulted or logged), then fault
// injection, then the matching route; every non-control request lands in the request log.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyFault, createRouter, requestUrl, sendHtml, sendJson, type RequestHandler } from '../common';
import { csoLie } from './api/lies';
import { addContractRoutes, API_BASE } from './api/contract-routes';
import { sendError } from './api/wire';
import type { CsoApp, Ctx, Handler } from './app';
import { addControlRoutes, CONTROL_BASE } from './control/control-routes';
import { addPageRoutes } from './pages/page-routes';

const STATUS_WORDS: Record<number, [string, string]> = {
  429: ['rate_limited', 'Too many requests; wait and retry.'],
  503: ['unavailable', 'CStoreOffice is temporarily unavailable; retry later.'],
};

function faultAnswer(res: ServerResponse, path: string, status: number, retryAfter: number | undefined): void {
  const headers: Record<string, string> = {};
  if (status === 429 || status === 503) headers['Retry-After'] = String(retryAfter ?? 1);
  if (!path.startsWith(API_BASE))
    return sendHtml(res, status, `<!DOCTYPE html><title>${status}</title><h1>Error ${status}</h1>`, headers);
  const [code, message] = STATUS_WORDS[status] ?? ['server_error', 'CStoreOffice had an internal error.'];
  sendError(res, { status, code, message }, headers);
}

export function createRequestHandler(app: CsoApp): RequestHandler {
  const router = createRouter<Handler>();
  addControlRoutes(router);
  addContractRoutes(router);
  addPageRoutes(router);

  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = requestUrl(req);
    const method = req.method ?? 'GET';
    const started = app.clock.now();
    const ctx: Ctx = { app, req, res, url, params: {}, tags: [], realm: '' };
    const isControl = url.pathname.startsWith(`${CONTROL_BASE}/`);
    const match = router.match(method, url.pathname);
    const route = match && 'pattern' in match ? match.pattern : url.pathname;
    if (!isControl) {
      const apiCompany = url.pathname.startsWith(`${API_BASE}/companies/`) ? (url.pathname.split('/')[5] ?? '') : '';
      res.once('close', () => {
        app.log.record({
          method,
          path: url.pathname,
          route,
          realm: ctx.realm || apiCompany,
          status: res.statusCode,
          tags: ctx.tags,
          durationMs: app.clock.now() - started,
        });
      });
    }
    const run = async () => {
      if (!match) {
        if (url.pathname.startsWith(API_BASE))
          return sendError(res, { status: 404, code: 'not_found', message: 'No such API path.' });
        return sendHtml(res, 404, '<!DOCTYPE html><title>Not found</title><h1>Page not found</h1>');
      }
      if ('methodNotAllowed' in match)
        return sendJson(res, 405, { error: { code: 'method_not_allowed', message: `${method} is not allowed here.` } });
      ctx.params = match.params;
      await match.handler(ctx);
    };
    const fault = isControl ? undefined : app.faults.take(method, url.pathname);
    if (!fault) return run();
    ctx.tags.push(`fault:${fault.kind}${fault.status ? `:${fault.status}` : ''}`);
    const retryAfter = app.faultRetryAfter.get(fault.id);
    await applyFault(fault, req, res, {
      respondStatus: (status) => faultAnswer(res, url.pathname, status, retryAfter),
      proceed: run,
      lie: csoLie,
      told: (lie) => ctx.tags.push(`lie:${lie}`),
    });
  };
}
