/** The accounting API routes under `/v3/company/{realmId}/`. */
import { parseJson, readBody, type Router } from '../../common/index';
import { faults } from '../errors';
import { LIMITS } from '../options';
import type { WriteContext } from '../service/writes';
import type { Handler, RequestContext } from '../state';
import { batchOutcome } from './batch';
import { cdcOutcome } from './cdc';
import { queryOutcome, readOutcome, resolveEntity, writeOutcome, type WriteOperation } from './entity-ops';
import { admit } from './guard';
import { withReplay, type Outcome } from './replay';
import { sendFault, sendQbo } from './respond';

const writeContext = (ctx: RequestContext, realm: WriteContext['realm']): WriteContext => ({
  realm,
  switches: ctx.state.switches,
  now: ctx.state.clock.now(),
  allowDuplicateDocNum: (ctx.url.searchParams.get('include') ?? '')
    .toLowerCase()
    .split(',')
    .includes('allowduplicatedocnum'),
});

const reply = (ctx: RequestContext, outcome: Outcome): void => sendQbo(ctx, outcome.status, outcome.body);

function unknownResource(ctx: RequestContext): void {
  sendFault(
    ctx,
    faults.unsupported(
      `Operation Could not find resource for relative : ${ctx.url.pathname} of full path: ${ctx.origin}${ctx.url.pathname}${ctx.url.search} is not supported.`,
    ),
  );
}

async function jsonBody(ctx: RequestContext): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: parseJson(await readBody(ctx.req)) };
  } catch (err) {
    sendFault(ctx, faults.badRequest(`Error parsing object: ${err instanceof Error ? err.message : String(err)}`));
    return { ok: false };
  }
}

const query: Handler = async (ctx) => {
  const admitted = admit(ctx);
  if (!admitted) return;
  const statement = ctx.req.method === 'POST' ? await readBody(ctx.req) : (ctx.url.searchParams.get('query') ?? '');
  const outcome = queryOutcome(admitted.realm, statement, ctx.state.clock.now());
  ctx.tags.push('query', `query:${outcome.entity ?? 'invalid'}`);
  reply(ctx, outcome);
};

const write: Handler = async (ctx) => {
  const admitted = admit(ctx);
  if (!admitted) return;
  const type = resolveEntity(ctx.params.entity ?? '');
  if (!type) return unknownResource(ctx);
  const body = await jsonBody(ctx);
  if (!body.ok) return;
  const op = (ctx.url.searchParams.get('operation') ?? '').toLowerCase();
  const operation: WriteOperation = op === 'delete' ? 'delete' : op === 'update' ? 'update' : 'create';
  if (op !== '' && op !== 'update' && op !== 'delete')
    return sendFault(ctx, faults.unsupported(`Operation ${op} is not supported.`));
  ctx.tags.push('write', `write:${type}`);
  await withReplay(ctx, admitted.realm, LIMITS.requestIdMax, () =>
    writeOutcome(writeContext(ctx, admitted.realm), type, operation, body.value),
  );
};

const read: Handler = (ctx) => {
  const admitted = admit(ctx);
  if (!admitted) return;
  const type = resolveEntity(ctx.params.entity ?? '');
  if (!type) return unknownResource(ctx);
  ctx.tags.push('read', `read:${type}`);
  reply(ctx, readOutcome(admitted.realm, type, ctx.params.id ?? ''));
};

const batch: Handler = async (ctx) => {
  const admitted = admit(ctx, { batch: true });
  if (!admitted) return;
  const body = await jsonBody(ctx);
  if (!body.ok) return;
  ctx.tags.push('batch');
  await withReplay(ctx, admitted.realm, LIMITS.batchRequestIdMax, () =>
    batchOutcome(ctx, writeContext(ctx, admitted.realm), body.value),
  );
};

const cdc: Handler = (ctx) => {
  const admitted = admit(ctx);
  if (!admitted) return;
  ctx.tags.push('cdc');
  reply(ctx, cdcOutcome(admitted.realm, ctx.url.searchParams, ctx.state.clock.now()));
};

const preferences: Handler = async (ctx) => {
  const admitted = admit(ctx);
  if (!admitted) return;
  if (ctx.req.method === 'GET') {
    ctx.tags.push('read', 'read:Preferences');
    return reply(ctx, readOutcome(admitted.realm, 'Preferences', ''));
  }
  const body = await jsonBody(ctx);
  if (!body.ok) return;
  ctx.tags.push('write', 'write:Preferences');
  await withReplay(ctx, admitted.realm, LIMITS.requestIdMax, () =>
    writeOutcome(writeContext(ctx, admitted.realm), 'Preferences', 'update', body.value),
  );
};

export function addApiRoutes(router: Router<Handler>): void {
  const base = '/v3/company/:realmId';
  router
    .add('GET', `${base}/query`, query)
    .add('POST', `${base}/query`, query)
    .add('POST', `${base}/batch`, batch)
    .add('GET', `${base}/cdc`, cdc)
    .add('GET', `${base}/preferences`, preferences)
    .add('POST', `${base}/preferences`, preferences)
    .add('POST', `${base}/:entity`, write)
    .add('GET', `${base}/:entity/:id`, read)
    .add('*', `${base}/*`, (ctx) => {
      if (admit(ctx)) unknownResource(ctx);
    });
}
