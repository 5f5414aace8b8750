/**
 * `POST /batch`: up to 30 independent items (create / update / delete / Query), each answered with
 * its entity, a QueryResponse or a Fault, under HTTP 200 (qbo-api.md §5). Items cannot see records
 * created by earlier items of the same batch.
 */
import { entityByName, type EntityName } from '../entities/catalog';
import { faults } from '../errors';
import { LIMITS } from '../options';
import type { WriteContext } from '../service/writes';
import type { RequestContext } from '../state';
import { faultOutcome, queryOutcome, writeOutcome, type WriteOperation } from './entity-ops';
import type { Outcome } from './replay';

const OPERATIONS = new Set(['create', 'update', 'delete']);

function itemOutcome(
  ctx: RequestContext,
  wctx: WriteContext,
  item: Record<string, unknown>,
  bIdTooLong: boolean,
): { out: Record<string, unknown>; created?: string } {
  const bId = item.bId;
  const reply = (o: Outcome): Record<string, unknown> => ({ ...(bId !== undefined ? { bId } : {}), ...o.body });
  const fail = (o: Outcome): { out: Record<string, unknown> } => {
    const fault = (o.body as { Fault: unknown }).Fault;
    return { out: { ...(bId !== undefined ? { bId } : {}), Fault: fault } };
  };
  if (bIdTooLong)
    return fail(
      faultOutcome(
        faults.business(`bId may not be longer than ${LIMITS.batchBIdMax} characters when a requestid is sent.`),
      ),
    );
  if (typeof item.Query === 'string') {
    const result = queryOutcome(wctx.realm, item.Query, wctx.now);
    ctx.tags.push(`batch:query:${result.entity ?? 'invalid'}`);
    return result.status === 200 ? { out: reply(result) } : fail(result);
  }
  const operation = String(item.operation ?? 'create').toLowerCase();
  const key = Object.keys(item).find((k) => entityByName(k) !== undefined && k !== 'bId');
  const type: EntityName | undefined = key ? entityByName(key) : undefined;
  if (!type || !key || !OPERATIONS.has(operation)) {
    return fail(
      faultOutcome(faults.unsupported(`Operation ${operation} is not supported for ${key ?? 'this batch item'}.`)),
    );
  }
  ctx.tags.push(`batch:${operation}:${type}`, 'batch:write');
  const result = writeOutcome(wctx, type, operation as WriteOperation, item[key]);
  if (result.status !== 200) return fail(result);
  const entity = result.body[type] as { Id?: string } | undefined;
  return { out: reply(result), ...(operation === 'create' && entity?.Id ? { created: `${type}:${entity.Id}` } : {}) };
}

export function batchOutcome(ctx: RequestContext, wctx: WriteContext, body: unknown): Outcome {
  const items =
    body && typeof body === 'object' ? (body as { BatchItemRequest?: unknown }).BatchItemRequest : undefined;
  if (!Array.isArray(items)) return faultOutcome(faults.required('BatchItemRequest'));
  if (items.length > LIMITS.batchItems) {
    return faultOutcome(
      faults.business(
        `Batch request has ${items.length} items; the maximum number of batch items is ${LIMITS.batchItems}.`,
      ),
    );
  }
  ctx.state.log.count(ctx.realm, 'batch-items', items.length);
  const hasRequestId = ctx.url.searchParams.has('requestid');
  const hidden = new Set<string>();
  const responses = items.map((raw) => {
    const item = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const tooLong = hasRequestId && String(item.bId ?? '').length > LIMITS.batchBIdMax;
    const { out, created } = itemOutcome(ctx, { ...wctx, hidden }, item, tooLong);
    if (created) hidden.add(created);
    return out;
  });
  return { status: 200, body: { BatchItemResponse: responses } };
}
