/**
 * The QBO client the engine uses: reads (paged queries, by id, CompanyInfo, Preferences), writes
 * (create, sparse update, deactivate, reactivate), batch and CDC, all through one transport that
 * rate-limits, authorises and retries. Every dependency (fetch, clock, random, scheduler) is a parameter.
 */
import { runBatch, type BatchItem, type BatchOutcome } from './batch';
import { readChanges, type CdcResult } from './cdc';
import { QboResponseError } from './errors';
import { buildQuery, readAllPages, readVerifiedPages, type Condition, type QuerySpec } from './query';
import { DEFAULT_RETRY, type QboRetryPolicy } from './retry';
import { createScheduler, systemClock, type SchedulerClock, type QboScheduler, type RateLimits } from './scheduler';
import { companyPrefsOf, type QboCompanyPrefs } from './preferences';
import {
  parseEntity,
  parseOrThrow,
  QboCompanyInfo,
  QboPreferences,
  QueryEnvelope,
  type QboEntity,
  type QboEntityMap,
} from './schemas';
import { createTransport, type TokenProvider, type Transport } from './transport';
import { deactivateBody, entityPath, reactivateBody, sparseUpdateBody, type CurrentRecord } from './writes';

const MINOR_VERSION = 75;

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

export interface ReadOptions {
  where?: readonly Condition[];
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
  queryAll<E extends QboEntity>(entity: E, options?: ReadOptions): Promise<QboEntityMap[E][]>;
  /** Every matching record in Id order, checked against `COUNT(*)` (see readVerifiedPages). */
  queryVerified<E extends QboEntity>(
    entity: E,
    options?: Omit<ReadOptions, 'orderBy'>,
  ): Promise<VerifiedRead<QboEntityMap[E]>>;
  /** One page (STARTPOSITION is 1-based, MAXRESULTS at most 1000). */
  queryPage<E extends QboEntity>(
    entity: E,
    page: ReadOptions & { startPosition: number; maxResults: number },
  ): Promise<QboEntityMap[E][]>;
  count(entity: QboEntity, options?: ReadOptions): Promise<number>;
  read<E extends QboEntity>(entity: E, id: string): Promise<QboEntityMap[E]>;
  create<E extends QboEntity>(
    entity: E,
    body: Record<string, unknown>,
    options: WriteOptions,
  ): Promise<QboEntityMap[E]>;
  update<E extends QboEntity>(
    entity: E,
    current: CurrentRecord,
    patch: Record<string, unknown>,
    options: WriteOptions,
  ): Promise<QboEntityMap[E]>;
  deactivate<E extends QboEntity>(entity: E, current: CurrentRecord, options: WriteOptions): Promise<QboEntityMap[E]>;
  reactivate<E extends QboEntity>(entity: E, current: CurrentRecord, options: WriteOptions): Promise<QboEntityMap[E]>;
  companyInfo(): Promise<QboCompanyInfo>;
  /** The company's tracking and numbering settings (one GET of Preferences). */
  companyPreferences(): Promise<QboCompanyPrefs>;
  batch<K>(items: readonly BatchItem<K>[], options: WriteOptions): Promise<BatchOutcome<K>[]>;
  changesSince(entities: readonly QboEntity[], since: Date | string): Promise<CdcResult>;
}

// Clients made with the same clock share one scheduler, so successive sync runs of a realm (each
// with its own client) still count against the same per-minute window.
const sharedSchedulers = new WeakMap<SchedulerClock, QboScheduler>();

function schedulerFor(clock: SchedulerClock, limits: Partial<RateLimits> | undefined): QboScheduler {
  if (limits) return createScheduler({ clock, limits });
  let scheduler = sharedSchedulers.get(clock);
  if (!scheduler) {
    scheduler = createScheduler({ clock });
    sharedSchedulers.set(clock, scheduler);
  }
  return scheduler;
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

  /** `SELECT COUNT(*)`: the count as answered (null when the answer has none), with QBO's time. */
  const countQuery = async (entity: QboEntity, opts: ReadOptions) => {
    const { rows, tid, time } = await runQuery(buildQuery({ entity, ...opts, count: true }));
    return { total: typeof rows.totalCount === 'number' ? rows.totalCount : null, tid, time };
  };

  const page = async <E extends QboEntity>(entity: E, statement: string): Promise<QboEntityMap[E][]> => {
    const { rows, tid } = await runQuery(statement);
    const list =
      rows[entity] ?? Object.entries(rows).find(([k]) => k.toLowerCase() === entity.toLowerCase())?.[1] ?? [];
    if (!Array.isArray(list))
      throw new QboResponseError(`QuickBooks sent ${entity} query rows that are not a list`, tid);
    return list.map((row, i) => parseEntity(entity, row, `${entity} row ${i + 1} of a query`, tid));
  };

  const write = async <E extends QboEntity>(
    entity: E,
    body: Record<string, unknown>,
    opts: WriteOptions,
  ): Promise<QboEntityMap[E]> => {
    const res = await transport({
      method: 'POST',
      path: entityPath(entity),
      json: body,
      requestId: opts.requestId,
      write: true,
    });
    return parseEntity(entity, res.json[entity], `the ${entity} it saved`, res.intuitTid);
  };

  const client: QboClient = {
    realmId: options.realmId,
    queryAll: (entity, opts = {}) => readAllPages({ entity, ...opts }, (statement) => page(entity, statement)),
    queryPage: (entity, opts) => page(entity, buildQuery({ entity, ...opts })),
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
      const rows = await readVerifiedPages({ entity, ...opts }, (statement) => page(entity, statement), countRows);
      return { rows, serverTime };
    },
    async read(entity, id) {
      const res = await transport({ method: 'GET', path: `${entityPath(entity)}/${encodeURIComponent(id)}` });
      return parseEntity(entity, res.json[entity], `the ${entity} ${id}`, res.intuitTid);
    },
    create: (entity, body, opts) => write(entity, body, opts),
    update: (entity, current, patch, opts) => write(entity, sparseUpdateBody(entity, current, patch), opts),
    deactivate: (entity, current, opts) => write(entity, deactivateBody(entity, current), opts),
    reactivate: (entity, current, opts) => write(entity, reactivateBody(entity, current), opts),
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
