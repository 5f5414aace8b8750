/**
 * The QBO client the engines use: reads (paged queries, by id, CompanyInfo, Preferences), writes
 * (create; for name lists sparse update, deactivate, reactivate; for transactions full update and
 * delete), batch and CDC, all through one transport that rate-limits, authorises and retries.
 * Every dependency (fetch, clock, random, scheduler) is a parameter.
 */
import { chunk, runBatch } from './batch';
import { readChanges } from './cdc';
import type { QboClient, ReadOptions, WriteOptions } from './client-api';
import { QboResponseError } from './errors';
import { buildQuery, readAllPages, readVerifiedPages } from './query';
import { DEFAULT_RETRY, type QboRetryPolicy } from './retry';
import { schedulerFor, systemClock, type SchedulerClock, type QboScheduler, type RateLimits } from './scheduler';
import { companyPrefsOf } from './preferences';
import { parseRecord, type QboRecordEntity, type QboRecordMap } from './records';
import { DeletedStub, isQboEntity, parseOrThrow, QboCompanyInfo, QboPreferences, QueryEnvelope } from './schemas';
import { createTransport, type TokenProvider, type Transport } from './transport';
import { txnConditions, type TxnFilter } from './txn-query';
import { deactivateBody, deleteBody, entityPath, fullUpdateBody, reactivateBody, sparseUpdateBody } from './writes';

const MINOR_VERSION = 75;
// Long DocNumber lists go in several queries: QBO documents no limit on IN, so stay modest.
const DOC_NUMBERS_PER_QUERY = 200;

export interface QboClientOptions {
  /** API origin: Intuit's production or sandbox API (lib/auth/environments.ts), or our sandbox's URL. */
  baseUrl: string;
  realmId: string;
  tokens: TokenProvider;
  fetch?: typeof fetch;
  clock?: SchedulerClock;
  random?: () => number;
  /** By default clients with the same clock share a scheduler; pass one to control sharing. */
  scheduler?: QboScheduler;
  /** Custom limits get a scheduler of their own. */
  limits?: Partial<RateLimits>;
  retry?: Partial<QboRetryPolicy>;
  timeoutMs?: number;
  startTimer?: (ms: number, fn: () => void) => () => void;
  onRetry?: (info: { path: string; attempt: number; delayMs: number; error: unknown }) => void;
}

const defaultTimer = (ms: number, fn: () => void): (() => void) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};

export function createQboClient(options: QboClientOptions): QboClient {
  const clock = options.clock ?? systemClock;
  const transport: Transport = createTransport({
    baseUrl: options.baseUrl,
    realmId: options.realmId,
    tokens: options.tokens,
    fetch: options.fetch ?? ((...args) => globalThis.fetch(...args)),
    clock,
    random: options.random ?? Math.random,
    scheduler: options.scheduler ?? schedulerFor(clock, options.limits),
    minorVersion: MINOR_VERSION,
    timeoutMs: options.timeoutMs ?? 60_000,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    startTimer: options.startTimer ?? defaultTimer,
    onRetry: options.onRetry,
  });

  const runQuery = async (
    statement: string,
  ): Promise<{ rows: Record<string, unknown>; tid: string; time: string | null }> => {
    // Long statements (big IN lists) go in a POST body; the rest as one encoded GET parameter.
    const res =
      statement.length > 2000
        ? await transport({ method: 'POST', path: 'query', text: statement })
        : await transport({ method: 'GET', path: 'query', params: { query: statement } });
    const envelope = parseOrThrow(QueryEnvelope, res.json, 'a query answer', res.intuitTid);
    return { rows: envelope.QueryResponse, tid: res.intuitTid, time: envelope.time ?? null };
  };

  // Transactions have no Active flag and QBO refuses a query naming it: "inactive too" adds nothing.
  const scoped = <O extends ReadOptions>(entity: QboRecordEntity, opts: O): O =>
    isQboEntity(entity) ? opts : { ...opts, includeInactive: false };

  /** `SELECT COUNT(*)`: the count as answered (null when the answer has none), with QBO's time. */
  const countQuery = async (entity: QboRecordEntity, opts: ReadOptions) => {
    const { rows, tid, time } = await runQuery(buildQuery({ entity, ...scoped(entity, opts), count: true }));
    return { total: typeof rows.totalCount === 'number' ? rows.totalCount : null, tid, time };
  };

  const page = async <E extends QboRecordEntity>(entity: E, statement: string): Promise<QboRecordMap[E][]> => {
    const { rows, tid } = await runQuery(statement);
    const list =
      rows[entity] ?? Object.entries(rows).find(([k]) => k.toLowerCase() === entity.toLowerCase())?.[1] ?? [];
    if (!Array.isArray(list))
      throw new QboResponseError(`QuickBooks sent ${entity} query rows that are not a list`, tid);
    return list.map((row, i) => parseRecord(entity, row, `${entity} row ${i + 1} of a query`, tid));
  };

  const post = (entity: QboRecordEntity, body: Record<string, unknown>, opts: WriteOptions, del = false) =>
    transport({
      method: 'POST',
      path: entityPath(entity),
      ...(del ? { params: { operation: 'delete' } } : {}),
      json: body,
      requestId: opts.requestId,
      write: true,
    });

  const write = async <E extends QboRecordEntity>(
    entity: E,
    body: Record<string, unknown>,
    opts: WriteOptions,
  ): Promise<QboRecordMap[E]> => {
    const res = await post(entity, body, opts);
    return parseRecord(entity, res.json[entity], `the ${entity} it saved`, res.intuitTid);
  };

  const client: QboClient = {
    realmId: options.realmId,
    queryAll: (entity, opts = {}) =>
      readAllPages({ entity, ...scoped(entity, opts) }, (statement) => page(entity, statement)),
    async queryTxns(entity, filter) {
      const numbers = filter.docNumbers;
      if (numbers?.length === 0) return [];
      // Id order keeps rows from moving between pages while new transactions are posted.
      const read = (f: TxnFilter) =>
        readAllPages({ entity, where: txnConditions(f), orderBy: { field: 'Id' } }, (s) => page(entity, s));
      if (!numbers) return read(filter);
      const parts = await Promise.all(
        chunk(numbers, DOC_NUMBERS_PER_QUERY).map((n) => read({ ...filter, docNumbers: n })),
      );
      // A number asked twice in different chunks must not return its transaction twice.
      return [...new Map(parts.flat().map((row) => [row.Id, row])).values()];
    },
    queryPage: (entity, opts) => page(entity, buildQuery({ entity, ...scoped(entity, opts) })),
    async count(entity, opts = {}) {
      return (await countQuery(entity, opts)).total ?? 0;
    },
    async queryVerified(entity, opts = {}) {
      let serverTime: string | null = null;
      const countRows = async () => {
        const { total, tid, time } = await countQuery(entity, opts);
        // A count answer always carries totalCount (0 included): without it nothing can be checked.
        if (total === null) throw new QboResponseError(`QuickBooks answered a ${entity} count without totalCount`, tid);
        serverTime ??= time;
        return total;
      };
      const spec = { entity, ...scoped(entity, opts) };
      const rows = await readVerifiedPages(spec, (statement) => page(entity, statement), countRows);
      return { rows, serverTime };
    },
    async read(entity, id) {
      const res = await transport({ method: 'GET', path: `${entityPath(entity)}/${encodeURIComponent(id)}` });
      return parseRecord(entity, res.json[entity], `the ${entity} ${id}`, res.intuitTid);
    },
    create: (entity, body, opts) => write(entity, body, opts),
    update: (entity, current, patch, opts) => write(entity, sparseUpdateBody(entity, current, patch), opts),
    deactivate: (entity, current, opts) => write(entity, deactivateBody(entity, current), opts),
    reactivate: (entity, current, opts) => write(entity, reactivateBody(entity, current), opts),
    replace: (entity, current, body, opts) => write(entity, fullUpdateBody(current, body), opts),
    async delete(entity, current, opts) {
      const res = await post(entity, deleteBody(current), opts, true);
      return parseOrThrow(DeletedStub, res.json[entity], `the ${entity} it deleted`, res.intuitTid);
    },
    async companyInfo() {
      const res = await transport({ method: 'GET', path: `companyinfo/${encodeURIComponent(options.realmId)}` });
      return parseOrThrow(QboCompanyInfo, res.json.CompanyInfo, 'the company information', res.intuitTid);
    },
    async companyPreferences() {
      const res = await transport({ method: 'GET', path: 'preferences' });
      return companyPrefsOf(
        parseOrThrow(QboPreferences, res.json.Preferences, 'the company preferences', res.intuitTid),
      );
    },
    batch: (items, opts) => runBatch(transport, items, opts.requestId),
    changesSince: (entities, since) =>
      readChanges(
        {
          transport,
          now: () => clock.now(),
          query: (entity, sinceIso) =>
            client.queryAll(entity, {
              includeInactive: true,
              where: [{ field: 'MetaData.LastUpdatedTime', op: '>=', value: sinceIso }],
            }),
        },
        entities,
        since,
      ),
  };
  return client;
}
