/**
 * The engine's CStoreOffice side (`RecordSource` over the CStoreOffice client).
 * - full read: `readAll` of the seven lists (each paged by the client);
 * - delta read: the same with `updatedSince` = the previous read's server time; tombstones become
 *   `removed`; a 410 (tombstones expired) falls back to a full read;
 * - writes: one request per op, creates with `Idempotency-Key` = the op's requestId, updates and
 *   deletes with `If-Match` = its revision, so a resumed run can send any op again safely.
 * A signed-out session (401) or a refused company (403) rejects the whole call with the client's
 * typed error, so the background can ask the user to sign in; so does an outage whose outcome is
 * unknown, which leaves the ops "sent" in the journal for a resumed run to repeat under the same keys.
 */
import { ENTITY_TYPE_IDS, type EntityTypeId } from '../entities';
import type { CsoListKey, CsoSource, ReadResult, WriteFailure, WriteOp, WriteResult } from '../sync';
import type { CsoClient } from './client';
import type { CsoLinkMirror } from './link-mirror';
import {
  type CsoDuplicateError,
  CsoError,
  type CsoLinkConflictError,
  CsoResyncRequiredError,
  type CsoValidationError,
} from './errors';
import type { CsoCreateInput, CsoUpdateInput } from './schemas';
import { csoBody, sideRecordOf } from './source-map';

export interface CsoSourceOptions {
  client: CsoClient;
  companyId: string;
  /**
   * Ops per `write` call. CStoreOffice takes one record per request, so this only sets how many ops
   * the engine journals as "sent" together and how often it reports progress; a batch cut short by
   * a sign-out is re-sent whole on resume (harmless: keys and versions make repeats no-ops). Default 10.
   */
  batchSize?: number;
  /**
   * CStoreOffice's links for this connection (v1.3): records are read with their `qboLink`, and a
   * record created from a QBO one carries its link in the create. Without it, links stay local.
   */
  links?: CsoLinkMirror;
}

export function createCsoSource(options: CsoSourceOptions): CsoSource {
  const { client, companyId, links } = options;
  const realmId = links?.realmId;
  const recordOf = (type: EntityTypeId, raw: Parameters<typeof sideRecordOf>[1]) => sideRecordOf(type, raw, realmId);

  async function readLists(since: string | null): Promise<ReadResult<CsoListKey>> {
    const reads = await Promise.all(
      ENTITY_TYPE_IDS.map((type) => client.readAll(companyId, type, since ? { updatedSince: since } : {})),
    );
    const out: ReadResult<CsoListKey> = { full: since === null, records: {}, removed: {}, cursor: '' };
    ENTITY_TYPE_IDS.forEach((type, i) => {
      const read = reads[i]!;
      out.records[type] = read.records.map((r) => recordOf(type, r));
      if (read.tombstones.length) out.removed[type] = read.tombstones.map((t) => t.id);
      // The earliest first-page time of the seven lists: nothing changed after it is missed.
      if (!out.cursor || read.serverTime < out.cursor) out.cursor = read.serverTime;
    });
    return out;
  }

  async function writeOne(op: WriteOp<CsoListKey>): Promise<WriteResult> {
    if (op.kind === 'deactivate')
      return refused('400', 'CStoreOffice records are deleted, not deactivated, by the sync.');
    try {
      if (op.kind === 'delete') {
        await client.delete(companyId, op.list, op.id, { version: versionOf(op.revision) });
        return { ok: true, record: null };
      }
      const mapped = csoBody(op.list, op.values);
      if ('refused' in mapped) return refused('422', mapped.refused);
      if (op.kind === 'create') {
        // Linked in the same request, so a crash cannot leave a record CStoreOffice thinks unlinked.
        if (op.link && links && (await links.ready())) mapped.body.qbo = { realmId: links.realmId, id: op.link };
        const created = await client.create(companyId, op.list, mapped.body as CsoCreateInput<EntityTypeId>, {
          idempotencyKey: op.requestId,
        });
        return { ok: true, record: recordOf(op.list, created) };
      }
      const updated = await client.update(companyId, op.list, op.id, mapped.body as CsoUpdateInput<EntityTypeId>, {
        version: versionOf(op.revision),
      });
      return { ok: true, record: recordOf(op.list, updated) };
    } catch (error) {
      if (!(error instanceof CsoError)) throw error;
      // Deleting what is already gone (our own earlier attempt, or a person) is done.
      if (op.kind === 'delete' && error.kind === 'notFound') return { ok: true, record: null };
      const failure = failureOf(error);
      if (!failure) throw error;
      return { ok: false, failure };
    }
  }

  return {
    side: 'cso',
    batchSize: options.batchSize ?? 10,

    async read({ since }) {
      if (since === null) return readLists(null);
      try {
        return await readLists(since);
      } catch (error) {
        if (error instanceof CsoResyncRequiredError) return readLists(null);
        throw error;
      }
    },

    async get(list, id) {
      try {
        return recordOf(list, await client.get(companyId, list, id));
      } catch (error) {
        if (error instanceof CsoError && error.kind === 'notFound') return null;
        throw error;
      }
    },

    async write(batch) {
      const results: WriteResult[] = [];
      for (const op of batch.ops) results.push(await writeOne(op));
      return results;
    },
  };
}

function versionOf(revision: string): number {
  const version = Number(revision);
  return Number.isInteger(version) && version > 0 ? version : 0;
}

function refused(code: string, message: string): WriteResult {
  return { ok: false, failure: { code, message, retryable: false } };
}

/**
 * A refused write as a row failure, or null when the error must stop the run: signed out,
 * forbidden, or an outcome nobody knows (a dropped connection or 5xx after the client's retries).
 */
export function failureOf(error: CsoError): WriteFailure | null {
  const status = error.status;
  switch (error.kind) {
    case 'duplicateName':
    case 'duplicateValue': {
      const failure: WriteFailure = { code: '409', message: error.message, detail: error.code ?? '', retryable: false };
      const existingId = (error as CsoDuplicateError).existingId;
      if (existingId) failure.existingId = existingId;
      return failure;
    }
    case 'cannotDelete':
      return { code: '409', message: error.message, detail: error.code ?? '', retryable: false };
    case 'linkConflict': {
      // A create's link refused (another record holds it, or the company was unbound meanwhile): this row only.
      const failure: WriteFailure = { code: '409', message: error.message, detail: error.code ?? '', retryable: false };
      const existingId = (error as CsoLinkConflictError).existingId;
      if (existingId) failure.existingId = existingId;
      return failure;
    }
    case 'versionConflict':
      return { code: '412', message: error.message, retryable: false };
    case 'notFound':
      return { code: '404', message: error.message, retryable: false };
    case 'validation':
      return {
        code: '422',
        message: error.message,
        detail: Object.entries((error as CsoValidationError).fields)
          .map(([f, why]) => `${f}: ${why}`)
          .join('; '),
        retryable: false,
      };
    case 'badRequest':
      return { code: String(status ?? 400), message: error.message, detail: error.code ?? '', retryable: false };
    case 'unavailable':
      // 429 and 503 mean "not processed": the op may simply be planned again later.
      return status === 429 || status === 503
        ? { code: String(status), message: error.message, retryable: true }
        : null;
    default:
      return null;
  }
}
