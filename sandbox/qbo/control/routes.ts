/**
 * The control API under `/__sandbox/` used by tests, the demo and benchmarks: reset, realms and
 * seeds, token minting, switches, the clock, fault injection, the request log and counters.
 * No authentication: the sandbox binds to 127.0.0.1.
 */
import { z } from 'zod';
import { LIE_KINDS } from '../../common/faults';
import { parseDuration, parseJson, readBody, sendJson, type Router } from '../../common/index';
import { DEFAULT_SWITCHES, type QboSwitches } from '../options';
import type { Handler, QboState, RequestContext } from '../state';
import { addRealm, dumpRealm, SEED_NAMES, setBookCloseDate, summarize } from './realms';

const Duration = z.union([z.number(), z.string()]);
const RealmBody = z.object({
  seed: z.enum(SEED_NAMES).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  realmId: z.string().regex(/^\d+$/).optional(),
  companyName: z.string().optional(),
  count: z.number().int().positive().max(1_000_000).optional(),
});
const ResetBody = z.object({
  seed: z.enum([...SEED_NAMES, 'none']).optional(),
  realmId: z.string().optional(),
  keepSwitches: z.boolean().optional(),
});
const TokenBody = z.object({ realmId: z.string(), clientId: z.string().optional(), scope: z.string().optional() });
const SwitchesBody = z
  .object(Object.fromEntries(Object.keys(DEFAULT_SWITCHES).map((k) => [k, z.boolean().optional()])))
  .strict();
const AutoApproveBody = z.object({ enabled: z.boolean(), realmId: z.string().optional() });
const ClockBody = z.object({
  advance: Duration.optional(),
  set: z.union([z.number(), z.string()]).optional(),
  speed: z.number().min(0).optional(),
});
const FaultBody = z.object({
  kind: z.enum(['status', 'hang', 'drop', 'lost-response', 'lie']),
  path: z.string().min(1),
  lie: z.enum(LIE_KINDS).optional(),
  method: z.string().optional(),
  status: z.number().int().optional(),
  count: z.number().int().positive().optional(),
  rate: z.number().min(0).max(1).optional(),
  hangMs: Duration.optional(),
});
const BookCloseBody = z.object({ date: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.null()]) });
const ClientBody = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  appName: z.string().optional(),
  redirectUris: z.array(z.string()).optional(),
});

async function body<T>(ctx: RequestContext, schema: z.ZodType<T>): Promise<T | undefined> {
  let raw: unknown;
  try {
    raw = parseJson(await readBody(ctx.req)) ?? {};
  } catch {
    sendJson(ctx.res, 400, { error: 'invalid JSON' });
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    sendJson(ctx.res, 400, { error: 'invalid body', issues: parsed.error.issues });
    return undefined;
  }
  return parsed.data;
}

const clockView = (state: QboState): Record<string, unknown> => ({
  now: state.clock.now(),
  iso: new Date(state.clock.now()).toISOString(),
  speed: state.clock.speed(),
});

export function resetState(state: QboState, keepSwitches = false): void {
  state.realms.clear();
  state.tokens.reset();
  state.log.reset();
  state.faults.clear();
  state.limiter.reset();
  state.autoApproveRealmId = undefined;
  state.realmSeq = 0;
  if (!keepSwitches) state.switches = { ...DEFAULT_SWITCHES };
}

export function mintTokens(state: QboState, input: z.infer<typeof TokenBody>): Record<string, unknown> {
  const issued = state.tokens.mint({
    realmId: input.realmId,
    clientId: input.clientId ?? 'qbo-sandbox-client',
    scopes: (input.scope ?? 'com.intuit.quickbooks.accounting').split(/\s+/),
  });
  return {
    token_type: 'bearer',
    access_token: issued.accessToken,
    refresh_token: issued.refreshToken,
    expires_in: issued.expiresIn,
    x_refresh_token_expires_in: issued.refreshExpiresIn,
    realmId: input.realmId,
  };
}

export function addControlRoutes(router: Router<Handler>): void {
  const c = '/__sandbox';
  router
    .add('POST', `${c}/reset`, async (ctx) => {
      const b = await body(ctx, ResetBody);
      if (!b) return;
      resetState(ctx.state, b.keepSwitches);
      const realm =
        b.seed && b.seed !== 'none'
          ? addRealm(ctx.state, { seed: b.seed, ...(b.realmId ? { realmId: b.realmId } : {}) })
          : undefined;
      sendJson(ctx.res, 200, { ok: true, realms: realm ? [summarize(realm)] : [] });
    })
    .add('GET', `${c}/realms`, (ctx) =>
      sendJson(ctx.res, 200, { realms: [...ctx.state.realms.values()].map(summarize) }),
    )
    .add('POST', `${c}/realms`, async (ctx) => {
      const b = await body(ctx, RealmBody);
      if (!b) return;
      try {
        sendJson(ctx.res, 201, summarize(addRealm(ctx.state, b as Parameters<typeof addRealm>[1])));
      } catch (err) {
        sendJson(ctx.res, 400, { error: err instanceof Error ? err.message : String(err) });
      }
    })
    .add('GET', `${c}/realms/:realmId`, (ctx) => {
      const realm = ctx.state.realms.get(ctx.params.realmId ?? '');
      if (!realm) return sendJson(ctx.res, 404, { error: 'no such realm' });
      sendJson(ctx.res, 200, dumpRealm(realm));
    })
    .add('DELETE', `${c}/realms/:realmId`, (ctx) =>
      sendJson(ctx.res, ctx.state.realms.delete(ctx.params.realmId ?? '') ? 200 : 404, {}),
    )
    .add('PUT', `${c}/realms/:realmId/book-close-date`, async (ctx) => {
      const realm = ctx.state.realms.get(ctx.params.realmId ?? '');
      if (!realm) return sendJson(ctx.res, 404, { error: 'no such realm' });
      const b = await body(ctx, BookCloseBody);
      if (!b) return;
      setBookCloseDate(realm, b.date, ctx.state.clock.now());
      sendJson(ctx.res, 200, { realmId: realm.realmId, bookCloseDate: b.date });
    })
    .add('POST', `${c}/tokens`, async (ctx) => {
      const b = await body(ctx, TokenBody);
      if (!b) return;
      if (!ctx.state.realms.has(b.realmId)) return sendJson(ctx.res, 404, { error: 'no such realm' });
      sendJson(ctx.res, 200, mintTokens(ctx.state, b));
    })
    .add('POST', `${c}/clients`, async (ctx) => {
      const b = await body(ctx, ClientBody);
      if (!b) return;
      ctx.state.clients.set(b.clientId, { appName: b.appName ?? b.clientId, ...b });
      sendJson(ctx.res, 201, { clientId: b.clientId });
    })
    .add('GET', `${c}/switches`, (ctx) => sendJson(ctx.res, 200, ctx.state.switches))
    .add('PUT', `${c}/switches`, async (ctx) => {
      const b = await body(ctx, SwitchesBody);
      if (!b) return;
      ctx.state.switches = { ...ctx.state.switches, ...(b as Partial<QboSwitches>) };
      sendJson(ctx.res, 200, ctx.state.switches);
    })
    .add('PUT', `${c}/auto-approve`, async (ctx) => {
      const b = await body(ctx, AutoApproveBody);
      if (!b) return;
      ctx.state.switches.autoApprove = b.enabled;
      ctx.state.autoApproveRealmId = b.realmId;
      sendJson(ctx.res, 200, { enabled: b.enabled, realmId: b.realmId ?? null });
    })
    .add('GET', `${c}/clock`, (ctx) => sendJson(ctx.res, 200, clockView(ctx.state)))
    .add('POST', `${c}/clock`, async (ctx) => {
      const b = await body(ctx, ClockBody);
      if (!b) return;
      if (b.set !== undefined) ctx.state.clock.set(typeof b.set === 'number' ? b.set : Date.parse(b.set));
      if (b.advance !== undefined) ctx.state.clock.advance(parseDuration(b.advance));
      if (b.speed !== undefined) ctx.state.clock.setSpeed(b.speed);
      sendJson(ctx.res, 200, clockView(ctx.state));
    })
    .add('GET', `${c}/faults`, (ctx) => sendJson(ctx.res, 200, { faults: ctx.state.faults.list() }))
    .add('POST', `${c}/faults`, async (ctx) => {
      const b = await body(ctx, FaultBody);
      if (!b) return;
      try {
        const { hangMs, ...rest } = b;
        sendJson(
          ctx.res,
          201,
          ctx.state.faults.add({ ...rest, ...(hangMs !== undefined ? { hangMs: parseDuration(hangMs) } : {}) }),
        );
      } catch (err) {
        sendJson(ctx.res, 400, { error: err instanceof Error ? err.message : String(err) });
      }
    })
    .add('DELETE', `${c}/faults`, (ctx) => {
      ctx.state.faults.clear();
      sendJson(ctx.res, 200, {});
    })
    .add('DELETE', `${c}/faults/:id`, (ctx) =>
      sendJson(ctx.res, ctx.state.faults.remove(ctx.params.id ?? '') ? 200 : 404, {}),
    )
    .add('GET', `${c}/log`, (ctx) => {
      const q = ctx.url.searchParams;
      const filter = {
        ...(q.has('realm') ? { realm: q.get('realm') ?? '' } : {}),
        ...(q.has('since') ? { since: Number(q.get('since')) } : {}),
        ...(q.has('limit') ? { limit: Number(q.get('limit')) } : {}),
      };
      sendJson(ctx.res, 200, { entries: ctx.state.log.entries(filter) });
    })
    .add('DELETE', `${c}/log`, (ctx) => {
      ctx.state.log.reset();
      sendJson(ctx.res, 200, {});
    })
    .add('GET', `${c}/counters`, (ctx) => {
      const realm = ctx.url.searchParams.get('realm');
      sendJson(ctx.res, 200, realm !== null ? ctx.state.log.counters(realm) : ctx.state.log.allCounters());
    });
}
