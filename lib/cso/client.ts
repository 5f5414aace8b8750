// The CStoreOffice client: companies and the seven entity types over the contract in CONTRACT.md.
// Every call is safe to retry: creates carry the caller's Idempotency-Key, updates and deletes carry
// If-Match. After an unknown outcome, a 412/404 on the retry is checked against what we asked for.
import type { ZodType } from 'zod';
import type { EntityTypeId } from '../entities';
import { CSO_SEGMENTS } from './entity-paths';
import { CsoFeatureMissingError, CsoValidationError, CsoVersionConflictError, type CsoError } from './errors';
import { createQboSyncCalls } from './qbo-sync-client';
import { collectListing, pagesOf, type Listing, type ListOptions } from './read-all';
import {
  CSO_RECORD_SCHEMAS,
  CsoCompanyList,
  csoPageSchema,
  type CsoCompany,
  type CsoCreateInput,
  type CsoPage,
  type CsoRecordByType,
  type CsoUpdateInput,
} from './schemas';
import { createTransactionCalls } from './transaction-client';
import { createTransport, type CallResult, type CsoTransportDeps } from './transport';

export type CsoClientDeps = CsoTransportDeps;

export type CsoReadAll<T extends EntityTypeId> = Listing<CsoRecordByType[T]>;

export type CsoClient = ReturnType<typeof createCsoClient>;

const unwrap = <T>(result: CallResult<T>): T => {
  if (!result.ok) throw result.error;
  return result.value;
};

/** A server before v1.3 refuses `qbo` as an unknown field (CONTRACT.md): a missing feature, not bad values. */
function linksMissing(error: CsoError, body: object): CsoError {
  const why = error instanceof CsoValidationError ? error.fields.qbo : undefined;
  return 'qbo' in body && why?.startsWith('Unknown field') ? new CsoFeatureMissingError('links', 422) : error;
}

export function createCsoClient(deps: CsoClientDeps) {
  const transport = createTransport(deps);
  const entityPath = (companyId: string, type: EntityTypeId, id?: string) =>
    `/companies/${encodeURIComponent(companyId)}/${CSO_SEGMENTS[type]}${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;
  const recordSchema = <T extends EntityTypeId>(type: T) =>
    CSO_RECORD_SCHEMAS[type] as unknown as ZodType<CsoRecordByType[T]>;

  async function listPage<T extends EntityTypeId>(
    companyId: string,
    type: T,
    options: ListOptions & { cursor?: string } = {},
  ): Promise<CsoPage<T>> {
    const query = options.cursor
      ? { cursor: options.cursor, limit: options.limit }
      : { updatedSince: options.updatedSince, limit: options.limit };
    return unwrap(
      await transport.call(
        {
          method: 'GET',
          path: entityPath(companyId, type),
          query,
          schema: csoPageSchema(type),
          signal: options.signal,
        },
        true,
      ),
    );
  }

  function pages<T extends EntityTypeId>(
    companyId: string,
    type: T,
    options: ListOptions = {},
  ): AsyncGenerator<CsoPage<T>> {
    return pagesOf((cursor) => listPage(companyId, type, { ...options, cursor }));
  }

  async function get<T extends EntityTypeId>(
    companyId: string,
    type: T,
    id: string,
    signal?: AbortSignal,
  ): Promise<CsoRecordByType[T]> {
    return unwrap(
      await transport.call(
        { method: 'GET', path: entityPath(companyId, type, id), schema: recordSchema(type), signal },
        true,
      ),
    );
  }

  return {
    ...createQboSyncCalls(transport),
    ...createTransactionCalls(transport),

    async listCompanies(signal?: AbortSignal): Promise<CsoCompany[]> {
      return unwrap(await transport.call({ method: 'GET', path: '/companies', schema: CsoCompanyList, signal }, true))
        .items;
    },

    listPage,
    pages,

    /** Every page, de-duplicated by id (a record changed while paging keeps its later copy). */
    readAll<T extends EntityTypeId>(companyId: string, type: T, options: ListOptions = {}): Promise<CsoReadAll<T>> {
      return collectListing(pages(companyId, type, options), type);
    },

    get,

    /**
     * `idempotencyKey` must stay the same for every retry or resumed run of this one create. `input`
     * may carry the QuickBooks link (`qbo`, v1.3) so the record is never stored unlinked.
     */
    async create<T extends EntityTypeId>(
      companyId: string,
      type: T,
      input: CsoCreateInput<T>,
      options: { idempotencyKey: string; signal?: AbortSignal },
    ): Promise<CsoRecordByType[T]> {
      const headers = { 'Idempotency-Key': options.idempotencyKey };
      const result = await transport.call(
        {
          method: 'POST',
          path: entityPath(companyId, type),
          body: input,
          headers,
          schema: recordSchema(type),
          signal: options.signal,
        },
        true,
      );
      if (!result.ok) throw linksMissing(result.error, input);
      return result.value;
    },

    async update<T extends EntityTypeId>(
      companyId: string,
      type: T,
      id: string,
      patch: CsoUpdateInput<T>,
      options: { version: number; signal?: AbortSignal },
    ): Promise<CsoRecordByType[T]> {
      const path = entityPath(companyId, type, id);
      const result = await transport.call(
        {
          method: 'PATCH',
          path,
          body: patch,
          headers: { 'If-Match': `"${options.version}"` },
          schema: recordSchema(type),
          signal: options.signal,
        },
        true,
      );
      if (result.ok) return result.value;
      // Our first attempt may have landed before its answer was lost: then the record is exactly
      // one version on and holds what we sent, and the 412 is our own write, not someone else's.
      if (result.error instanceof CsoVersionConflictError && result.afterUnknownOutcome) {
        const current = await get(companyId, type, id, options.signal);
        const applied = Object.entries(patch).every(
          ([k, v]) => JSON.stringify((current as Record<string, unknown>)[k]) === JSON.stringify(v),
        );
        if (current.version === options.version + 1 && applied) return current;
      }
      throw linksMissing(result.error, patch);
    },

    async delete(
      companyId: string,
      type: EntityTypeId,
      id: string,
      options: { version: number; signal?: AbortSignal },
    ): Promise<void> {
      const result = await transport.call(
        {
          method: 'DELETE',
          path: entityPath(companyId, type, id),
          headers: { 'If-Match': `"${options.version}"` },
          signal: options.signal,
        },
        true,
      );
      // A 404 after an unknown outcome means our own earlier attempt deleted it.
      if (!result.ok && !(result.error.kind === 'notFound' && result.afterUnknownOutcome)) throw result.error;
    },
  };
}
