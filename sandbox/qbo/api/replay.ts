/**
 * `requestid` idempotency: the first response given for a requestid in a realm is replayed for any
 * repeat, without running the request again (qbo-api.md §8).
 */
import { faultBody, faults } from '../errors';
import type { Realm } from '../store/realm';
import type { RequestContext } from '../state';
import { qboTime, sendQbo } from './respond';

export interface Outcome {
  status: number;
  body: Record<string, unknown>;
}

export async function withReplay(
  ctx: RequestContext,
  realm: Realm,
  maxLength: number,
  run: () => Outcome | Promise<Outcome>,
): Promise<void> {
  const requestId = ctx.url.searchParams.get('requestid');
  if (requestId !== null && requestId.length > maxLength) {
    const error = faults.business(
      `You cannot enter more than ${maxLength} characters in the request_id field. Please shorten it.`,
    );
    return sendQbo(ctx, error.status, faultBody(error, qboTime(ctx)));
  }
  const previous = requestId !== null ? realm.replies.get(requestId) : undefined;
  if (previous) {
    ctx.tags.push('replayed');
    return sendQbo(ctx, previous.status, previous.body);
  }
  const outcome = await run();
  const stamped = { ...outcome.body, time: qboTime(ctx) };
  if (requestId !== null && (outcome.status < 400 || ctx.state.switches.replayFaults)) {
    realm.replies.set(requestId, { status: outcome.status, body: stamped });
  }
  sendQbo(ctx, outcome.status, stamped);
}
