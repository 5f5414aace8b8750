/**
 * What the QBO client offers its callers (the entity engine, the posting engine): the read, write,
 * batch and CDC calls with their options. lib/qbo/client.ts builds it.
 */
import type { BatchItem, BatchOutcome } from './batch';
import type { CdcResult } from './cdc';
import type { QboCompanyPrefs } from './preferences';
import type { Condition, QuerySpec } from './query';
import type { QboRecordEntity, QboRecordMap } from './records';
import type { QboCompanyInfo, QboDeletedStub, QboEntity } from './schemas';
import type { TxnFilter } from './txn-query';
import type { QboTxnEntity, QboTxnMap } from './txn-schemas';
import type { CurrentRecord } from './writes';

export interface ReadOptions {
  where?: readonly Condition[];
  /** Name lists only; ignored for transactions, which have no Active flag (QBO refuses a query naming it). */
  includeInactive?: boolean;
  orderBy?: QuerySpec['orderBy'];
}

/** Rows checked against QBO's count, and QBO's own time when it counted them (before the first page). */
export interface VerifiedRead<T> {
  rows: T[];
  /** The `time` of the count's answer: the cursor of a full read comes from QBO's clock, not ours. */
  serverTime: string | null;
}

export interface WriteOptions {
  /** Idempotency key stored by the caller before sending, reused on any retry (≤ 50 characters). */
  requestId: string;
}

export interface QboClient {
  readonly realmId: string;
  /** Every matching record, paged 1000 at a time. */
  queryAll<E extends QboRecordEntity>(entity: E, options?: ReadOptions): Promise<QboRecordMap[E][]>;
  /** Every transaction in a TxnDate range and/or with the given DocNumbers, in Id order, paged to the end. */
  queryTxns<E extends QboTxnEntity>(entity: E, filter: TxnFilter): Promise<QboTxnMap[E][]>;
  /** Every matching record in Id order, checked against `COUNT(*)` (see readVerifiedPages). */
  queryVerified<E extends QboRecordEntity>(
    entity: E,
    options?: Omit<ReadOptions, 'orderBy'>,
  ): Promise<VerifiedRead<QboRecordMap[E]>>;
  /** One page (STARTPOSITION is 1-based, MAXRESULTS at most 1000). */
  queryPage<E extends QboRecordEntity>(
    entity: E,
    page: ReadOptions & { startPosition: number; maxResults: number },
  ): Promise<QboRecordMap[E][]>;
  count(entity: QboRecordEntity, options?: ReadOptions): Promise<number>;
  read<E extends QboRecordEntity>(entity: E, id: string): Promise<QboRecordMap[E]>;
  create<E extends QboRecordEntity>(
    entity: E,
    body: Record<string, unknown>,
    options: WriteOptions,
  ): Promise<QboRecordMap[E]>;
  /** Sparse update of a name list's record. */
  update<E extends QboEntity>(
    entity: E,
    current: CurrentRecord,
    patch: Record<string, unknown>,
    options: WriteOptions,
  ): Promise<QboRecordMap[E]>;
  deactivate<E extends QboEntity>(entity: E, current: CurrentRecord, options: WriteOptions): Promise<QboRecordMap[E]>;
  reactivate<E extends QboEntity>(entity: E, current: CurrentRecord, options: WriteOptions): Promise<QboRecordMap[E]>;
  /** Full update of a transaction: `body` is the whole transaction (see writes.ts fullUpdateBody). */
  replace<E extends QboTxnEntity>(
    entity: E,
    current: CurrentRecord,
    body: Record<string, unknown>,
    options: WriteOptions,
  ): Promise<QboTxnMap[E]>;
  /** Hard delete of a transaction; a later read of it is 610. */
  delete(entity: QboTxnEntity, current: CurrentRecord, options: WriteOptions): Promise<QboDeletedStub>;
  companyInfo(): Promise<QboCompanyInfo>;
  /** The company's tracking and numbering settings and its books closing date (one GET of Preferences). */
  companyPreferences(): Promise<QboCompanyPrefs>;
  batch<K>(items: readonly BatchItem<K>[], options: WriteOptions): Promise<BatchOutcome<K>[]>;
  changesSince(entities: readonly QboRecordEntity[], since: Date | string): Promise<CdcResult>;
}
