/**
 * One batch of writes to a side, for a run and for Undo alike. Every op gets an answer: one the
 * service left out reads as a failure that may be retried, never as a success.
 */
import type { Side } from '../entities';
import type { SyncPorts, WriteOp, WriteResult } from './ports';

const NO_ANSWER: WriteResult = {
  ok: false,
  failure: { code: 'missing', message: 'No answer for this write.', retryable: true },
};

export async function sendBatch(
  ports: Pick<SyncPorts, 'cso' | 'qbo'>,
  side: Side,
  requestId: string,
  ops: WriteOp<string>[],
): Promise<WriteResult[]> {
  // The two sources key their lists differently; the ops were built for the side they go to.
  const source = side === 'qbo' ? ports.qbo : ports.cso;
  const write = source.write as (batch: { requestId: string; ops: WriteOp<string>[] }) => Promise<WriteResult[]>;
  const results = await write({ requestId, ops });
  return ops.map((_, i) => results[i] ?? NO_ANSWER);
}
