/**
 * Fault injection shared by the sandboxes. A rule names a path pattern (and optionally a method) and
 * fires either for the next N matching requests or at a rate (deterministic: a seeded generator).
 *
 * Kinds:
 * - `status`: answer with an HTTP status (429, 500, 502, 503...); each sandbox renders the body in
 *   its own service's shape through `respondStatus` in `applyFault`.
 * - `hang`: accept the request and never answer, until `hangMs` passes (then drop) or the server stops.
 * - `drop`: destroy the connection before the request is processed.
 * - `lost-response`: process the request normally (the write IS applied) and then destroy the
 *   connection instead of sending the response, like a reply lost on the network.
 * - `lie`: process the request normally and answer 200, but with a body that says less than the
 *   truth (`lie` names how: rows dropped from a list, an empty list, a listing that ends early, a
 *   change feed missing changes). Each sandbox tells its own answers' shape in `ApplyFaultHooks.lie`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type FaultKind = 'status' | 'hang' | 'drop' | 'lost-response' | 'lie';

/** How a `lie` fault shortens a successful list answer. */
export type LieKind = 'dropRows' | 'emptyList' | 'endEarly';
export const LIE_KINDS: readonly LieKind[] = ['dropRows', 'emptyList', 'endEarly'];

export interface FaultSpec {
  kind: FaultKind;
  /** Glob on the URL path (without query): `*` matches any run of characters, including `/`. */
  path: string;
  /** Only this HTTP method; any method when omitted. */
  method?: string;
  /** For `status`: the HTTP status to answer with. */
  status?: number;
  /** Fire for the next `count` matching requests, then retire the rule. */
  count?: number;
  /** Fire for this fraction (0..1) of matching requests; ignored when `count` is set. */
  rate?: number;
  /** For `hang`: how long to hold the request before dropping it (default 130 s, past QBO's 120 s). */
  hangMs?: number;
  /** For `lie`: how the answer is shortened (default `dropRows`). */
  lie?: LieKind;
}

export interface FaultRule extends FaultSpec {
  id: string;
  /** For count rules: how many firings remain. */
  remaining?: number;
  /** How many times this rule has fired. */
  fired: number;
}

export interface FaultInjector {
  add(spec: FaultSpec): FaultRule;
  remove(id: string): boolean;
  clear(): void;
  list(): FaultRule[];
  /** The rule that fires for this request, consuming one count; undefined when none fires. */
  take(method: string, path: string): FaultRule | undefined;
}

/** Mulberry32: a tiny seeded generator so rate-based faults repeat run after run. */
function createSeededRandom(seed = 1): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

export function createFaultInjector(options: { random?: () => number } = {}): FaultInjector {
  const random = options.random ?? createSeededRandom(1);
  let rules: (FaultRule & { re: RegExp })[] = [];
  let nextId = 1;

  const strip = ({ re: _re, ...rule }: FaultRule & { re: RegExp }): FaultRule => ({ ...rule });

  return {
    add(spec) {
      if (spec.kind === 'status' && !(Number(spec.status) >= 100 && Number(spec.status) <= 599)) {
        throw new RangeError('a status fault needs an HTTP status between 100 and 599');
      }
      if (spec.kind === 'lie' && spec.lie !== undefined && !LIE_KINDS.includes(spec.lie))
        throw new RangeError(`a lie is one of ${LIE_KINDS.join(', ')}`);
      if (spec.count === undefined && spec.rate === undefined) spec = { ...spec, count: 1 };
      const rule = {
        ...spec,
        id: String(nextId++),
        fired: 0,
        re: globToRegExp(spec.path),
        ...(spec.count !== undefined ? { remaining: spec.count } : {}),
      };
      rules.push(rule);
      return strip(rule);
    },
    remove(id) {
      const before = rules.length;
      rules = rules.filter((r) => r.id !== id);
      return rules.length !== before;
    },
    clear() {
      rules = [];
    },
    list: () => rules.map(strip),
    take(method, path) {
      for (const rule of rules) {
        if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
        if (!rule.re.test(path)) continue;
        if (rule.remaining !== undefined) {
          if (rule.remaining <= 0) continue;
          rule.remaining -= 1;
          if (rule.remaining === 0) rules = rules.filter((r) => r !== rule);
        } else if (random() >= (rule.rate ?? 0)) {
          continue;
        }
        rule.fired += 1;
        return strip(rule);
      }
      return undefined;
    },
  };
}

export interface ApplyFaultHooks {
  /** Render a `status` fault in the service's own shape. */
  respondStatus(status: number): void;
  /** Run the real handler (used by `lost-response` and `lie`). */
  proceed(): Promise<void>;
  /**
   * The service's answer body shortened as `lie` says, or null when this answer is not a list it
   * can shorten (then it goes out untouched, and the lie is not counted as told).
   */
  lie(body: unknown, lie: LieKind): unknown;
  /** Called when a lie was told, for the sandbox's counters. */
  told?(lie: LieKind): void;
}

/** Carries out a fired rule. Resolves once the fault has been acted on (a hang resolves at once). */
export async function applyFault(
  rule: FaultRule,
  req: IncomingMessage,
  res: ServerResponse,
  hooks: ApplyFaultHooks,
): Promise<void> {
  switch (rule.kind) {
    case 'status':
      hooks.respondStatus(rule.status ?? 500);
      return;
    case 'drop':
      req.socket.destroy();
      return;
    case 'hang': {
      // unref: a hung request must never keep the process (or a test run) alive.
      const timer = setTimeout(() => req.socket.destroy(), rule.hangMs ?? 130_000);
      timer.unref();
      req.socket.once('close', () => clearTimeout(timer));
      return;
    }
    case 'lie': {
      const lie = rule.lie ?? 'dropRows';
      // Hold the real answer, then send a shortened copy of it with the same status and headers.
      let head: { status: number; headers: Record<string, unknown> } | null = null;
      const writeHead = res.writeHead.bind(res);
      const end = res.end.bind(res);
      res.writeHead = ((status: number, headers?: Record<string, unknown>) => {
        head = { status, headers: headers ?? {} };
        return res;
      }) as unknown as ServerResponse['writeHead'];
      res.end = ((chunk?: unknown) => {
        const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '';
        let body = text;
        if (head && head.status === 200) {
          try {
            const shortened = hooks.lie(JSON.parse(text), lie);
            if (shortened !== null) {
              body = JSON.stringify(shortened);
              hooks.told?.(lie);
            }
          } catch {
            // Not JSON (an XML answer, a page): it goes out as it was.
          }
        }
        const headers = { ...(head?.headers ?? {}), 'Content-Length': Buffer.byteLength(body) };
        writeHead(head?.status ?? 200, headers as never);
        return end(body);
      }) as unknown as ServerResponse['end'];
      await hooks.proceed();
      return;
    }
    case 'lost-response': {
      const lose = (): ServerResponse => {
        req.socket.destroy();
        return res;
      };
      // Swallow everything the handler writes, then cut the connection: the work is done, the reply never arrives.
      res.writeHead = lose as unknown as ServerResponse['writeHead'];
      res.write = (() => true) as unknown as ServerResponse['write'];
      res.end = lose as unknown as ServerResponse['end'];
      await hooks.proceed();
      if (!req.socket.destroyed) req.socket.destroy();
      return;
    }
  }
}
