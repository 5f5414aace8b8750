/**
 * The request pipeline: intuit_tid on every response, injected faults, routing to the API, OAuth,
 * web pages or control API, and one request-log entry per request (control calls excluded).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyFault, createRouter, send, sendJson, type Router } from '../common/index';
import { qboLie } from './api/lies';
import { addApiRoutes } from './api/routes';
import { sendThrottled } from './api/guard';
import { addControlRoutes } from './control/routes';
import { faultBody, faults, gatewayFaultBody } from './errors';
import { addOAuthRoutes } from './oauth/routes';
import { addPageRoutes } from './pages/routes';
import type { Handler, QboState, RequestContext } from './state';
import { formatQboTime } from './time';

function gatewayPage(status: number): string {
  const title =
    status === 502
      ? 'Bad Gateway'
      : status === 503
        ? 'Service Unavailable'
        : status === 504
          ? 'Gateway Timeout'
          : 'Error';
  return `<!DOCTYPE html><html><head><title>${status} ${title}</title></head><body><h1>${status} ${title}</h1></body></html>`;
}

/** Renders an injected status the way QBO's front door would. */
function respondInjected(ctx: RequestContext, status: number): void {
  ctx.tags.push(`injected:${status}`);
  if (status === 429) return sendThrottled(ctx);
  if (status === 401 || status === 403) {
    return sendJson(
      ctx.res,
      status,
      gatewayFaultBody(
        status,
        status === 401 ? 'Token expired: injected by the sandbox' : 'The access token does not have sufficient scope',
        ctx.state.clock.now(),
      ),
    );
  }
  if (status >= 502) return send(ctx.res, status, gatewayPage(status), 'text/html;charset=UTF-8');
  const time = formatQboTime(ctx.state.clock.now(), -420, true);
  if (status === 500) {
    return sendJson(
      ctx.res,
      500,
      faultBody(
        {
          status: 500,
          code: '10000',
          message: 'An application error has occurred while processing your request',
          detail:
            'System Failure Error: An unexpected error occurred while accessing or saving your data. Please wait a few minutes and try again.',
          type: 'SystemFault',
        },
        time,
      ),
    );
  }
  if (status === 400) return sendJson(ctx.res, 400, faultBody(faults.stale('Entity'), time));
  return send(ctx.res, status, '', 'text/plain');
}

const realmOf = (pathname: string): string => /^\/v3\/company\/([^/]+)/.exec(pathname)?.[1] ?? '';

export function createQboApp(state: QboState): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const router: Router<Handler> = createRouter<Handler>();
  addControlRoutes(router);
  addApiRoutes(router);
  addOAuthRoutes(router);
  addPageRoutes(router);

  return async (req, res) => {
    const started = performance.now();
    res.setHeader('intuit_tid', randomUUID());
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const isControl = url.pathname.startsWith('/__sandbox');
    if (url.pathname.startsWith('/v3/')) res.setHeader('QBO-Version', '1512.462');
    const ctx: RequestContext = {
      state,
      req,
      res,
      url,
      params: {},
      tags: [],
      realm: realmOf(url.pathname),
      origin: `http://${req.headers.host ?? '127.0.0.1'}`,
    };
    const match = router.match(req.method ?? 'GET', url.pathname);
    const route = match && 'handler' in match ? match.pattern : url.pathname;
    const run = async (): Promise<void> => {
      if (!match) return sendJson(res, 404, { error: 'not_found', path: url.pathname });
      if ('methodNotAllowed' in match) return sendJson(res, 405, { error: 'method_not_allowed' });
      ctx.params = match.params;
      await match.handler(ctx);
    };
    const rule = isControl ? undefined : state.faults.take(req.method ?? 'GET', url.pathname);
    try {
      if (rule) {
        ctx.tags.push(`injected-fault:${rule.kind}`);
        await applyFault(rule, req, res, {
          respondStatus: (status) => respondInjected(ctx, status),
          proceed: run,
          lie: qboLie,
          told: (lie) => ctx.tags.push(`lie:${lie}`),
        });
      } else {
        await run();
      }
    } finally {
      if (!isControl) {
        // A hung, dropped or lost reply never reached the client: log status 0 rather than node's default 200.
        const status = rule && rule.kind !== 'status' && rule.kind !== 'lie' ? 0 : res.statusCode;
        state.log.record({
          method: req.method ?? 'GET',
          path: url.pathname,
          route,
          realm: ctx.realm,
          status,
          tags: ctx.tags,
          durationMs: performance.now() - started,
        });
      }
    }
  };
}
