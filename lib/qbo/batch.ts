/**
 * Batch writes: items are sent 30 to a call (QBO's limit), each call with its own requestid derived
 * from the caller's, and every item's entity or Fault is handed back under the caller's key.
 * A failed item never hides the others' results.
 */
import { QboResponseError, QboUsageError, ReconnectNeededError } from './errors';
import { faultToError } from './faults';
import { isQboRecordEntity, parseRecord, type QboRecordEntity } from './records';
import { BatchEnvelope, DeletedStub, parseOrThrow } from './schemas';
import type { QboTxnEntity } from './txn-schemas';
import type { Transport } from './transport';

const BATCH_SIZE = 30;
const BATCH_REQUEST_ID_MAX = 36;

/** A delete's body is `{Id, SyncToken}` (writes.ts deleteBody); only transactions can be deleted. */
export type BatchItem<K> =
  | { key: K; operation: 'create' | 'update'; entity: QboRecordEntity; body: Record<string, unknown> }
  | { key: K; operation: 'delete'; entity: QboTxnEntity; body: Record<string, unknown> }
  | { key: K; query: string };

/** A delete's `value` is the `{Id, status: "Deleted"}` stub QBO answers. */
export type BatchOutcome<K> =
  | { key: K; ok: true; entity?: QboRecordEntity; value: unknown }
  | { key: K; ok: false; error: Error };

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** One chunk keeps the caller's id; several get `-0`, `-1`, ... so a re-run derives the same ids. */
export function chunkRequestId(requestId: string, index: number, chunks: number): string {
  const id = chunks === 1 ? requestId : `${requestId}-${index}`;
  if (id.length > BATCH_REQUEST_ID_MAX) {
    throw new QboUsageError(
      `A batch requestid is at most ${BATCH_REQUEST_ID_MAX} characters (with the chunk suffix): ${id}`,
    );
  }
  return id;
}

function requestItem<K>(item: BatchItem<K>, bId: string): Record<string, unknown> {
  if ('query' in item) return { bId, Query: item.query };
  return { bId, operation: item.operation, [item.entity]: item.body };
}

/** Maps one BatchItemResponse entry to an outcome: an entity, a QueryResponse, or a Fault. */
function outcomeOf<K>(
  item: BatchItem<K>,
  answer: Record<string, unknown> | undefined,
  intuitTid: string,
): BatchOutcome<K> {
  if (!answer)
    return {
      key: item.key,
      ok: false,
      error: new QboResponseError('QuickBooks did not answer this batch item', intuitTid),
    };
  if (answer.Fault !== undefined)
    return { key: item.key, ok: false, error: faultToError(answer.Fault, 200, intuitTid) };
  if ('query' in item) return { key: item.key, ok: true, value: answer.QueryResponse ?? {} };
  const entityKey = Object.keys(answer).find(isQboRecordEntity) ?? item.entity;
  try {
    const what = `the batch result of ${entityKey}`;
    const value =
      item.operation === 'delete'
        ? parseOrThrow(DeletedStub, answer[entityKey], what, intuitTid)
        : parseRecord(entityKey, answer[entityKey], what, intuitTid);
    return { key: item.key, ok: true, entity: entityKey, value };
  } catch (error) {
    return { key: item.key, ok: false, error: error as Error };
  }
}

export async function runBatch<K>(
  transport: Transport,
  items: readonly BatchItem<K>[],
  requestId: string,
): Promise<BatchOutcome<K>[]> {
  const chunks = chunk(items, BATCH_SIZE);
  const ids = chunks.map((_, i) => chunkRequestId(requestId, i, chunks.length));
  const outcomes: BatchOutcome<K>[] = [];
  for (const [index, part] of chunks.entries()) {
    // bIds are at most 10 characters when a requestid is sent: use positions, map back by them.
    const body = { BatchItemRequest: part.map((item, i) => requestItem(item, `b${i}`)) };
    try {
      const res = await transport({
        method: 'POST',
        path: 'batch',
        json: body,
        requestId: ids[index],
        kind: 'batch',
        write: true,
      });
      const envelope = parseOrThrow(BatchEnvelope, res.json, 'a batch answer', res.intuitTid);
      const byBid = new Map(envelope.BatchItemResponse.map((a) => [a.bId ?? '', a as Record<string, unknown>]));
      part.forEach((item, i) => outcomes.push(outcomeOf(item, byBid.get(`b${i}`), res.intuitTid)));
    } catch (error) {
      // Only the user can cure these; stop so nothing later runs on a broken connection.
      if (error instanceof ReconnectNeededError || error instanceof QboUsageError) throw error;
      for (const item of part) outcomes.push({ key: item.key, ok: false, error: error as Error });
    }
  }
  return outcomes;
}
