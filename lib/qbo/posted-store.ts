/**
 * Posting's PostedStore over the QBO client: the transactions of a period (three counted reads), and the ops as batch requests of 30 with the run's requestid, so QBO answers a repeat of
 * a batch from its memory instead of posting it twice.
 */
import type { PostingOp } from '../posting/plan';
import type { PostedStore, PostingResult } from '../posting/ports';
import type { BatchItem } from './batch';
import type { QboClient } from './client-api';
import { failureOf, fullReadCursor } from './source';
import { txnConditions } from './txn-query';
import { txnFromQbo, txnToQbo } from './txn-map';
import type { QboBill, QboJournalEntry, QboTxnEntity, QboVendorCredit } from './txn-schemas';

const ENTITIES: readonly QboTxnEntity[] = ['JournalEntry', 'Bill', 'VendorCredit'];

function itemOf(op: PostingOp, key: number): BatchItem<number> {
  if (op.kind === 'delete')
    return { key, operation: 'delete', entity: op.entity, body: { Id: op.qboId, SyncToken: op.syncToken } };
  const body = txnToQbo(op.body);
  if (op.kind === 'create') return { key, operation: 'create', entity: op.body.entity, body };
  return { key, operation: 'update', entity: op.body.entity, body: { ...body, Id: op.qboId, SyncToken: op.syncToken } };
}

export function createQboPostedStore(options: { client: QboClient }): PostedStore {
  const { client } = options;
  return {
    async posted(from) {
      // Checked against QuickBooks' count: a page answered short would look like an entry never
      // posted, and posting it again would be a duplicate.
      const where = txnConditions({ from });
      const reads = await Promise.all(
        ENTITIES.map(async (entity) => ({ entity, read: await client.queryVerified(entity, { where }) })),
      );
      const txns = reads.flatMap(({ entity, read }) =>
        read.rows.map((row) => txnFromQbo(entity, row as QboJournalEntry | QboBill | QboVendorCredit)),
      );
      const times = reads.map((r) => r.read.serverTime).filter((t): t is string => t !== null);
      return { txns, cursor: fullReadCursor(times.sort()[0] ?? null, () => new Date()) };
    },
    async changes(cursor) {
      const cdc = await client.changesSince(ENTITIES, cursor);
      const changed = ENTITIES.flatMap((entity) =>
        (cdc.changed[entity] ?? []).map((row) =>
          txnFromQbo(entity, row as QboJournalEntry | QboBill | QboVendorCredit),
        ),
      );
      const deleted = ENTITIES.flatMap((entity) => (cdc.deleted[entity] ?? []).map((id) => ({ entity, id })));
      return { changed, deleted, cursor: cdc.cursor };
    },
    async write(ops, requestId) {
      const outcomes = await client.batch(ops.map(itemOf), { requestId });
      return outcomes.map((outcome): PostingResult => {
        if (!outcome.ok) return { ok: false, failure: failureOf(outcome.error) };
        const op = ops[outcome.key]!;
        if (op.kind === 'delete') return { ok: true, posted: null };
        return { ok: true, posted: txnFromQbo(op.body.entity, outcome.value as QboJournalEntry) };
      });
    },
  };
}
