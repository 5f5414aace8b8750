// The control API under /__sandbox/ for tests, the demo and benchmarks (see ../README.md). No
// sign-in: it is the sandbox's back door, bound to 127.0.0.1.
import { parseDuration, sendJson, type FaultSpec, type Router } from '../../common';
import { CONTRACT_VERSIONS, type ContractVersion, type Ctx, type Handler } from '../app';
import { openSessionCookie } from '../auth';
import { toWire } from '../api/wire';
import { isSegment, SEGMENTS } from '../core/entity-specs';
import type { StoreResult } from '../core/store';
import type { SeedName, SeedRequest } from '../seed';
import { body, fail, ok, type ControlRoute } from './reply';
import { TRANSACTION_CONTROL_ROUTES, transactionDump } from './transaction-control';

const BASE = '/__sandbox';

function seedRequest(b: Record<string, unknown>): SeedRequest | string {
  const name = (b.seed ?? b.name ?? 'default') as SeedName;
  if (!['default', 'empty', 'large'].includes(name)) return `Unknown seed "${String(name)}" (default, empty, large).`;
  const perType = b.perType === undefined ? undefined : Number(b.perType);
  if (perType !== undefined && !(Number.isInteger(perType) && perType >= 0 && perType <= 100_000))
    return 'perType must be a whole number from 0 to 100000.';
  return { name, perType };
}

function answer(ctx: Ctx, result: StoreResult, status = 200) {
  if (!result.ok) return sendJson(ctx.res, result.error.status, { error: result.error });
  ok(ctx, toWire(result.record), status);
}

function editScope(ctx: Ctx) {
  const { companyId = '', segment = '' } = ctx.params;
  if (!ctx.app.store.company(companyId)) return void fail(ctx, 404, `No company ${companyId}.`);
  if (!isSegment(segment)) return void fail(ctx, 404, `Unknown entity type ${segment}.`);
  return { companyId, segment };
}

const routes: ControlRoute[] = [
  // Before the entity routes below, whose `:segment` would take "vendor-invoices" for an entity type.
  ...TRANSACTION_CONTROL_ROUTES,
  [
    'POST',
    '/reset',
    async (ctx) => {
      const req = seedRequest(await body(ctx));
      if (typeof req === 'string') return fail(ctx, 400, req);
      ctx.app.reset(req);
      ok(ctx, { ok: true, companies: ctx.app.store.companies() });
    },
  ],
  [
    'POST',
    '/seed',
    async (ctx) => {
      const req = seedRequest(await body(ctx));
      if (typeof req === 'string') return fail(ctx, 400, req);
      ctx.app.loadSeed(req);
      ctx.app.idempotency.clear();
      ok(ctx, { ok: true, companies: ctx.app.store.companies() });
    },
  ],
  [
    'GET',
    '/dump',
    (ctx) => {
      const only = ctx.url.searchParams.get('company');
      const companies = ctx.app.store
        .companies()
        .filter((c) => only === null || c.id === only)
        .map((c) => ({
          ...c,
          records: Object.fromEntries(SEGMENTS.map((s) => [s, ctx.app.store.all(c.id, s).map((r) => toWire(r))])),
          qboSync: { state: ctx.app.syncStates.get(c.id), runs: ctx.app.syncRuns.all(c.id) },
          transactions: transactionDump(ctx.app, c.id),
        }));
      ok(ctx, { now: new Date(ctx.app.clock.now()).toISOString(), companies });
    },
  ],
  [
    'POST',
    '/companies/:companyId/:segment',
    async (ctx) => {
      const s = editScope(ctx);
      if (s) answer(ctx, ctx.app.store.create(s.companyId, s.segment, await body(ctx)), 201);
    },
  ],
  [
    'PATCH',
    '/companies/:companyId/:segment/:id',
    async (ctx) => {
      const s = editScope(ctx);
      if (s) answer(ctx, ctx.app.store.update(s.companyId, s.segment, ctx.params.id ?? '', await body(ctx)));
    },
  ],
  [
    'DELETE',
    '/companies/:companyId/:segment/:id',
    (ctx) => {
      const s = editScope(ctx);
      if (s) answer(ctx, ctx.app.store.remove(s.companyId, s.segment, ctx.params.id ?? ''));
    },
  ],
  ['GET', '/contract', (ctx) => ok(ctx, { version: ctx.app.contract.version, versions: CONTRACT_VERSIONS })],
  [
    'POST',
    '/contract',
    async (ctx) => {
      const version = (await body(ctx)).version;
      if (!CONTRACT_VERSIONS.includes(version as ContractVersion))
        return fail(ctx, 400, `version must be one of ${CONTRACT_VERSIONS.join(', ')}.`);
      // Only what the API serves changes: links, sync state and transactions stay for a later version.
      ctx.app.contract.version = version as ContractVersion;
      ok(ctx, { version });
    },
  ],
  [
    'GET',
    '/clock',
    (ctx) =>
      ok(ctx, {
        now: ctx.app.clock.now(),
        iso: new Date(ctx.app.clock.now()).toISOString(),
        speed: ctx.app.clock.speed(),
      }),
  ],
  [
    'POST',
    '/clock',
    async (ctx) => {
      const b = await body(ctx);
      try {
        if (b.set !== undefined) ctx.app.clock.set(typeof b.set === 'number' ? b.set : Date.parse(String(b.set)));
        if (b.advance !== undefined) ctx.app.clock.advance(parseDuration(b.advance as string | number));
        if (b.speed !== undefined) ctx.app.clock.setSpeed(Number(b.speed));
      } catch (err) {
        return fail(ctx, 400, (err as Error).message);
      }
      ok(ctx, {
        now: ctx.app.clock.now(),
        iso: new Date(ctx.app.clock.now()).toISOString(),
        speed: ctx.app.clock.speed(),
      });
    },
  ],
  [
    'POST',
    '/sessions',
    async (ctx) => {
      const username = String((await body(ctx)).username ?? 'auditor@demo.test');
      const user = ctx.app.sessions.user(username);
      if (!user) return fail(ctx, 404, `No user ${username}.`);
      const token = ctx.app.sessions.open(user.username);
      ok(ctx, { token, cookie: openSessionCookie(token).split(';')[0] }, 201);
    },
  ],
  [
    'POST',
    '/sessions/expire',
    async (ctx) => {
      const username = (await body(ctx)).username;
      ok(ctx, { expired: ctx.app.sessions.expire(typeof username === 'string' ? username : undefined) });
    },
  ],
  ['GET', '/faults', (ctx) => ok(ctx, { faults: ctx.app.faults.list() })],
  [
    'POST',
    '/faults',
    async (ctx) => {
      const spec = (await body(ctx)) as unknown as FaultSpec & { retryAfter?: number };
      if (!['status', 'hang', 'drop', 'lost-response', 'lie'].includes(spec.kind) || typeof spec.path !== 'string')
        return fail(ctx, 400, 'A fault needs kind (status, hang, drop, lost-response, lie) and path (a glob).');
      try {
        const { retryAfter, ...rest } = spec;
        const rule = ctx.app.faults.add(rest);
        if (retryAfter !== undefined) ctx.app.faultRetryAfter.set(rule.id, Number(retryAfter));
        ok(ctx, { ...rule, ...(retryAfter !== undefined ? { retryAfter } : {}) }, 201);
      } catch (err) {
        fail(ctx, 400, (err as Error).message);
      }
    },
  ],
  [
    'DELETE',
    '/faults',
    (ctx) => {
      ctx.app.faults.clear();
      ctx.app.faultRetryAfter.clear();
      ok(ctx, { ok: true });
    },
  ],
  ['DELETE', '/faults/:id', (ctx) => ok(ctx, { removed: ctx.app.faults.remove(ctx.params.id ?? '') })],
  [
    'GET',
    '/log',
    (ctx) => {
      const q = ctx.url.searchParams;
      const num = (k: string) => (q.get(k) === null ? undefined : Number(q.get(k)));
      ok(ctx, {
        entries: ctx.app.log.entries({
          realm: q.get('company') ?? undefined,
          since: num('since'),
          limit: num('limit'),
        }),
      });
    },
  ],
  [
    'GET',
    '/counters',
    (ctx) => {
      const company = ctx.url.searchParams.get('company');
      ok(ctx, company === null ? { counters: ctx.app.log.allCounters() } : { counters: ctx.app.log.counters(company) });
    },
  ],
  [
    'DELETE',
    '/log',
    (ctx) => {
      ctx.app.log.reset();
      ok(ctx, { ok: true });
    },
  ],
];

export const CONTROL_BASE = BASE;

export function addControlRoutes(router: Router<Handler>): void {
  for (const [method, path, handler] of routes) router.add(method, BASE + path, handler);
}
