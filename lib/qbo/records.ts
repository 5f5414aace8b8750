/**
 * Name lists and transactions as one set of record types, for the parts of the client that treat
 * them alike (queries, reads, writes, batch, CDC). The two maps stay separate at their source so the
 * entity engine's exhaustive map over the lists it syncs is not widened.
 */
import type { z } from 'zod';
import { ENTITY_SCHEMAS, parseOrThrow, type QboEntity, type QboEntityMap } from './schemas';
import { TXN_SCHEMAS, type QboTxnEntity, type QboTxnMap } from './txn-schemas';

export type QboRecordEntity = QboEntity | QboTxnEntity;
export type QboRecordMap = QboEntityMap & QboTxnMap;

const RECORD_SCHEMAS: Record<QboRecordEntity, z.ZodType> = { ...ENTITY_SCHEMAS, ...TXN_SCHEMAS };

export function isQboRecordEntity(value: string): value is QboRecordEntity {
  return Object.hasOwn(RECORD_SCHEMAS, value);
}

/** Validates one record of a known type, list or transaction. */
export function parseRecord<E extends QboRecordEntity>(
  entity: E,
  value: unknown,
  what: string,
  intuitTid = '',
): QboRecordMap[E] {
  return parseOrThrow(RECORD_SCHEMAS[entity] as z.ZodType<QboRecordMap[E]>, value, what, intuitTid);
}
