/**
 * The engine's QBO side (`RecordSource` over the QBO client). Requests per call:
 * - full read: per entity (Account, Class, Department, Customer, Vendor, Item, Employee), inactive
 *   included, one COUNT(*) and ⌈n/1000⌉ pages in Id order (plus one when n is a multiple of 1000),
 *   and a second count only when the rows and the count disagree;
 * - delta read: one CDC request for all seven entities (more only when CDC caps its answer);
 * - write: one batch call under the batch's requestId (a resumed run re-sends the same id and QBO
 *   replays its first answer), plus one `Id IN (…)` query per entity when an Account or Class
 *   update needs a Name this source has not seen (sparse updates of those must repeat it);
 * - get: one read by id (an Item no longer of type Service is RecordLeftScopeError, not a record).
 */
import {
  RecordLeftScopeError,
  type QboListKey,
  type QboSource,
  type ReadResult,
  type ReservedName,
  type SideRecord,
  type WriteBatch,
  type WriteFailure,
  type WriteOp,
  type WriteResult,
} from '../sync';
import type { BatchItem } from './batch';
import type { QboClient } from './client-api';
import {
  isRetryable,
  QboApiError,
  QboDuplicateNameError,
  QboNetworkError,
  QboNotFoundError,
  QboResponseError,
} from './errors';
import type { QboEntity, QboEmployee, QboItem } from './schemas';
import { createBody, patchBody, QBO_LISTS, sideRecordOf } from './source-map';
import {
  deactivateBody,
  NAME_REQUIRED_ON_UPDATE,
  reactivateBody,
  sparseUpdateBody,
  stripDeletedSuffix,
  type CurrentRecord,
} from './writes';

export interface QboSourceOptions {
  client: QboClient;
  /** Stands in for QBO's time only when an answer carries none (see fullReadCursor). Default: the system clock. */
  now?: () => Date;
  /** QBO Id of the income account for a data type created without a credit account. */
  defaultIncomeAccountId?: string | null;
}

const READ_ENTITIES: readonly QboEntity[] = [...QBO_LISTS, 'Employee'];

type Raw = { Id: string; SyncToken: string; Name?: string; Active?: boolean; MetaData?: { LastUpdatedTime?: string } };

export function createQboSource(options: QboSourceOptions): QboSource {
  const { client } = options;
  const now = options.now ?? (() => new Date());
  const defaultIncome = options.defaultIncomeAccountId ?? null;
  /** Account and Class names as QBO stores them (suffix included), for sparse updates. */
  const names = new Map<string, string>();
  const remember = (list: QboEntity, raw: Raw) => {
    if (raw.Name !== undefined && NAME_REQUIRED_ON_UPDATE.has(list)) names.set(`${list}:${raw.Id}`, raw.Name);
  };

  function collect(list: QboListKey | 'Employee', rows: readonly Raw[], out: ReadResult<QboListKey>): void {
    for (const raw of rows) {
      if (list === 'Employee') {
        const e = raw as unknown as QboEmployee;
        (out.reserved ??= []).push({ entity: 'Employee', id: e.Id, name: e.DisplayName, active: e.Active !== false });
      } else if (list === 'Item' && (raw as unknown as QboItem).Type !== 'Service') {
        const i = raw as unknown as QboItem;
        (out.reserved ??= []).push({
          entity: 'Item',
          id: i.Id,
          name: i.Name,
          active: i.Active !== false,
        } satisfies ReservedName);
      } else {
        remember(list, raw);
        (out.records[list] ??= []).push(sideRecordOf(list, raw));
      }
    }
  }

  async function fullRead(): Promise<ReadResult<QboListKey>> {
    const out: ReadResult<QboListKey> = { full: true, records: {}, removed: {}, reserved: [], cursor: '' };
    for (const list of QBO_LISTS) out.records[list] = [];
    let first: string | null = null;
    for (const entity of READ_ENTITIES) {
      const read = await client.queryVerified(entity, { includeInactive: true });
      first ??= read.serverTime;
      collect(entity as QboListKey | 'Employee', read.rows as Raw[], out);
    }
    out.cursor = fullReadCursor(first, now);
    return out;
  }

  async function deltaRead(since: string): Promise<ReadResult<QboListKey>> {
    const changes = await client.changesSince(READ_ENTITIES, since);
    const out: ReadResult<QboListKey> = { full: false, records: {}, removed: {}, reserved: [], cursor: changes.cursor };
    for (const entity of READ_ENTITIES) {
      const rows = changes.changed[entity];
      if (rows?.length) collect(entity as QboListKey | 'Employee', rows as Raw[], out);
      const gone = changes.deleted[entity];
      if (gone?.length && entity !== 'Employee') out.removed[entity as QboListKey] = gone;
    }
    return out;
  }

  /** Names of Accounts and Classes an update must repeat, read with one query per entity when unknown. */
  async function loadMissingNames(ops: readonly WriteOp<QboListKey>[]): Promise<void> {
    const missing = new Map<QboListKey, string[]>();
    for (const op of ops) {
      if (op.kind === 'create' || !NAME_REQUIRED_ON_UPDATE.has(op.list) || names.has(`${op.list}:${op.id}`)) continue;
      if (op.kind === 'update' && typeof op.values.name === 'string') continue;
      (missing.get(op.list) ?? missing.set(op.list, []).get(op.list)!).push(op.id);
    }
    for (const [list, ids] of missing) {
      const rows = (await client.queryAll(list, {
        includeInactive: true,
        where: [{ field: 'Id', op: 'IN', value: ids }],
      })) as Raw[];
      for (const raw of rows) remember(list, raw);
    }
  }

  function itemOf(op: WriteOp<QboListKey>, key: number): BatchItem<number> | WriteFailure {
    if (op.kind === 'create')
      return { key, operation: 'create', entity: op.list, body: createBody(op.list, op.values, defaultIncome) };
    if (op.kind === 'delete')
      return {
        code: '500',
        message: 'QuickBooks has no delete for this list; deactivate it instead.',
        retryable: false,
      };
    const current: CurrentRecord = { Id: op.id, SyncToken: op.revision };
    const known = names.get(`${op.list}:${op.id}`);
    if (known !== undefined) current.Name = known;
    if (op.kind === 'deactivate')
      return { key, operation: 'update', entity: op.list, body: deactivateBody(op.list, current) };
    const patch = patchBody(op.list, op.values, defaultIncome);
    // Reactivation brings an Account back under its name without QBO's " (deleted)" suffix.
    const body =
      op.values.active === true && patch.Name === undefined
        ? { ...reactivateBody(op.list, current), ...patch }
        : sparseUpdateBody(op.list, current, patch);
    if (op.values.active === true && typeof body.Name === 'string') body.Name = stripDeletedSuffix(body.Name);
    return { key, operation: 'update', entity: op.list, body };
  }

  return {
    side: 'qbo',
    batchSize: 30,

    read: ({ since }) => (since === null ? fullRead() : deltaRead(since)),

    async get(list, id) {
      try {
        const raw = (await client.read(list, id)) as Raw;
        // Still there, but no longer a Service item: out of what we synchronize, not gone.
        const type = list === 'Item' ? (raw as unknown as QboItem).Type : 'Service';
        if (type !== 'Service')
          throw new RecordLeftScopeError(
            `Its type was changed in QuickBooks from Service to ${String(type)}, and only Service items are synchronized as data types.`,
          );
        remember(list, raw);
        return sideRecordOf(list, raw);
      } catch (error) {
        if (error instanceof QboNotFoundError) return null;
        throw error;
      }
    },

    async write(batch: WriteBatch<QboListKey>): Promise<WriteResult[]> {
      await loadMissingNames(batch.ops);
      const results: (WriteResult | undefined)[] = new Array(batch.ops.length);
      const items: BatchItem<number>[] = [];
      batch.ops.forEach((op, i) => {
        const item = itemOf(op, i);
        if ('key' in item) items.push(item);
        else results[i] = { ok: false, failure: item };
      });
      const outcomes = items.length ? await client.batch(items, { requestId: batch.requestId }) : [];
      for (const outcome of outcomes) {
        const list = batch.ops[outcome.key]!.list;
        if (outcome.ok) {
          remember(list, outcome.value as Raw);
          results[outcome.key] = { ok: true, record: sideRecordOf(list, outcome.value as Raw) as SideRecord };
        } else {
          // The whole call failed (no answer, or an HTTP error): nothing is known, so the run
          // stops and a resumed run re-sends the batch under the same requestId.
          if (wholeCallFailed(outcome.error)) throw outcome.error;
          results[outcome.key] = { ok: false, failure: failureOf(outcome.error) };
        }
      }
      return results.map(
        (r) =>
          r ?? {
            ok: false,
            failure: { code: 'missing', message: 'QuickBooks did not answer this item.', retryable: true },
          },
      );
    },
  };
}

function wholeCallFailed(error: Error): boolean {
  if (error instanceof QboNetworkError) return true;
  if (error instanceof QboApiError) return error.status !== 200;
  return error instanceof QboResponseError && /batch answer/.test(error.message);
}

/** A batch item's Fault in the engine's terms (the engine words it for the table). */
export function failureOf(error: Error): WriteFailure {
  if (error instanceof QboApiError) {
    const failure: WriteFailure = {
      code: error.code,
      message: error.message,
      detail: error.detail,
      retryable: isRetryable(error),
    };
    if (error instanceof QboDuplicateNameError && error.existingId) failure.existingId = error.existingId;
    return failure;
  }
  return { code: 'unexpected', message: error.message, retryable: isRetryable(error) };
}

/** CDC after a full read re-reads this much before it: repeated changes merge harmlessly, missed ones would not. */
export const CURSOR_MARGIN_MS = 30_000;

/**
 * Where CDC starts after a full read: QBO's own time when it answered the first count (before any
 * page was read), less a margin. The browser's clock decides nothing here; it stands in only when
 * QBO's answer carried no time.
 */
export function fullReadCursor(serverTime: string | null, now: () => Date): string {
  const parsed = serverTime ? Date.parse(serverTime) : NaN;
  const base = Number.isFinite(parsed) ? parsed : now().getTime();
  return new Date(base - CURSOR_MARGIN_MS).toISOString();
}
