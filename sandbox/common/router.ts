/**
 * A tiny method + path router. Patterns are literal segments, `:name` parameters and an optional
 * trailing `*` that captures the rest of the path in `params['*']`. Routes match in the order added.
 */
export type RouteParams = Record<string, string>;

export interface RouteMatch<H> {
  handler: H;
  params: RouteParams;
  /** The pattern that matched, e.g. `/v3/company/:realmId/query`; handy as a counter key. */
  pattern: string;
}

export interface Router<H> {
  add(method: string, pattern: string, handler: H): Router<H>;
  /** A match, or `{ methodNotAllowed: true }` when only other methods serve this path. */
  match(method: string, pathname: string): RouteMatch<H> | { methodNotAllowed: true } | undefined;
}

interface Route<H> {
  method: string;
  pattern: string;
  segments: string[];
  handler: H;
}

const split = (path: string): string[] => path.split('/').filter((s) => s !== '');

function matchSegments(segments: string[], parts: string[]): RouteParams | undefined {
  const params: RouteParams = {};
  for (let i = 0; i < segments.length; i += 1) {
    const seg = segments[i] as string;
    if (seg === '*') {
      params['*'] = parts.slice(i).join('/');
      return params;
    }
    const part = parts[i];
    if (part === undefined) return undefined;
    if (seg.startsWith(':')) {
      params[seg.slice(1)] = decodeURIComponent(part);
    } else if (seg !== part) {
      return undefined;
    }
  }
  return parts.length === segments.length ? params : undefined;
}

export function createRouter<H>(): Router<H> {
  const routes: Route<H>[] = [];
  const router: Router<H> = {
    add(method, pattern, handler) {
      routes.push({ method: method.toUpperCase(), pattern, segments: split(pattern), handler });
      return router;
    },
    match(method, pathname) {
      const parts = split(pathname);
      let pathMatched = false;
      for (const route of routes) {
        const params = matchSegments(route.segments, parts);
        if (!params) continue;
        if (route.method === '*' || route.method === method.toUpperCase()) {
          return { handler: route.handler, params, pattern: route.pattern };
        }
        pathMatched = true;
      }
      return pathMatched ? { methodNotAllowed: true } : undefined;
    },
  };
  return router;
}
