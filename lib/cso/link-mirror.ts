/**
 * The engine's LinkMirror over the CStoreOffice client (contract v1.3): binds the company to the
 * connection's realm before the first link is written, and writes each record's `qbo` link with
 * If-Match, a few requests at a time (CStoreOffice takes one record per request and throttles).
 * A server before v1.3 answers CsoFeatureMissingError: then `ready()` is false and links stay in the
 * browser, as before.
 */
import { RealmMismatchError, type LinkMirror, type LinkWrite, type LinkWriteResult } from '../sync';
import { inParallel } from '../sync/in-parallel';
import type { EntityTypeId } from '../entities';
import type { CsoClient } from './client';
import { CsoError, CsoFeatureMissingError, CsoLinkConflictError } from './errors';
import type { CsoUpdateInput } from './schemas';

export interface CsoLinkMirror extends LinkMirror {
  readonly realmId: string;
}

/** Parallel link writes: well inside CStoreOffice's rate limit, and a 429 is retried by the client. */
const PARALLEL_WRITES = 4;

const REFUSALS = new Set(['versionConflict', 'notFound', 'validation', 'linkConflict', 'duplicateName', 'unavailable']);

/** A company bound to another realm, or a realm bound to another company: refuse, as for local links. */
class CsoRealmRefusedError extends RealmMismatchError {
  constructor(bound: string, realmId: string, message?: string) {
    super(bound, realmId);
    if (message) this.message = message;
    this.name = 'CsoRealmRefusedError';
  }
}

export function createCsoLinkMirror(options: { client: CsoClient; companyId: string; realmId: string }): CsoLinkMirror {
  const { client, companyId, realmId } = options;
  let bound: Promise<boolean> | null = null;

  async function bind(): Promise<boolean> {
    try {
      const state = await client.readSyncState(companyId);
      if (state.realmId === realmId) return true;
      if (state.realmId) throw new CsoRealmRefusedError(state.realmId, realmId);
      await client.writeSyncState(companyId, { realmId }, { version: state.version });
      return true;
    } catch (error) {
      if (error instanceof CsoFeatureMissingError) return false;
      if (error instanceof CsoLinkConflictError && error.code === 'realm_taken')
        throw new CsoRealmRefusedError(
          realmId,
          realmId,
          `QuickBooks company ${realmId} is already linked to CStoreOffice company ${error.existingId ?? 'another company'}; a QuickBooks company can be linked to one CStoreOffice company only.`,
        );
      // Bound to another realm between our read and our write (another browser): name it.
      if (error instanceof CsoLinkConflictError) {
        const now = await client.readSyncState(companyId);
        throw new CsoRealmRefusedError(now.realmId ?? 'another QuickBooks company', realmId);
      }
      throw error;
    }
  }

  async function writeOne(w: LinkWrite): Promise<LinkWriteResult> {
    const patch = { qbo: w.qboId === null ? null : { realmId, id: w.qboId } } as CsoUpdateInput<EntityTypeId>;
    try {
      const record = await client.update(companyId, w.list, w.id, patch, { version: Number(w.revision) || 0 });
      return { ok: true, revision: String(record.version), updatedAt: record.updatedAt };
    } catch (error) {
      // Refused for this record only (changed or deleted meanwhile, another record holds the link,
      // throttled past the client's retries): the next run compares again and retries.
      if (error instanceof CsoError && REFUSALS.has(error.kind)) return { ok: false, reason: error.message };
      throw error;
    }
  }

  return {
    realmId,
    ready() {
      // A failed bind (an outage) is tried again next time; a settled answer holds for the engine's life.
      bound ??= bind().catch((error: unknown) => {
        bound = null;
        throw error;
      });
      return bound;
    },
    async unbind() {
      bound = null;
      try {
        const state = await client.readSyncState(companyId);
        if (state.realmId === realmId)
          await client.writeSyncState(companyId, { realmId: null }, { version: state.version });
      } catch (error) {
        if (!(error instanceof CsoFeatureMissingError)) throw error;
      }
    },
    write: (writes) => inParallel(writes, PARALLEL_WRITES, writeOne),
  };
}
