/**
 * An in-memory CStoreOffice REST API with the rules the engine must survive: versions with 412 on
 * a stale If-Match, names unique per type (exactly, even under another parent) with 409 and the
 * existing id, no deleting a parent that has children or an account a data type posts to,
 * tombstones for `updatedSince`, and per-write Idempotency-Key replay.
 */
import type { UserEdit } from './edit';
import {
  RealmMismatchError,
  type AnyRecord,
  type CsoListKey,
  type CsoSource,
  type LinkMirror,
  type ReadResult,
  type WriteBatch,
  type WriteFailure,
  type WriteOp,
  type WriteResult,
} from '../../lib/sync';

type Type = CsoListKey;
interface Stored {
  type: Type;
  values: Record<string, string | boolean | null>;
  version: number;
  seq: number;
  deleted: boolean;
  updatedAt: string;
  /** The QuickBooks link CStoreOffice holds (contract v1.3): realm and id, or null. */
  qbo?: { realmId: string; id: string } | null;
}

const FIELDS: Record<Type, string[]> = {
  account: ['name', 'parentId', 'number', 'accountType', 'detailType', 'description', 'active'],
  class: ['name', 'parentId', 'active'],
  location: ['name', 'parentId', 'address', 'active'],
  customer: ['name', 'companyName', 'email', 'phone', 'active'],
  priceBookVendor: ['name', 'companyName', 'email', 'phone', 'taxId', 'active'],
  accountingVendor: ['name', 'companyName', 'email', 'phone', 'taxId', 'active'],
  dataType: ['name', 'creditAccountId', 'debitAccountId', 'active'],
};

export interface FakeCso extends CsoSource {
  edit(op: UserEdit<Type>): WriteResult;
  list(type: Type): AnyRecord[];
  requests: { reads: number; writes: number };
  crashOn(writeNumber: number, when: 'beforeApply' | 'afterApply'): void;
  /** With `links`: CStoreOffice's side of the links (v1.3), for the engine's `linkMirror` port. */
  linkMirror: LinkMirror;
  /** The realm the company is bound to in its sync state; `bindRealm` as another browser would. */
  boundRealm(): string | null;
  bindRealm(realm: string | null): void;
  /** The QBO id a record holds a link to, in any realm. */
  heldLink(id: string): string | null;
  /** Sets or clears a record's link as another browser would (version +1). */
  setLink(id: string, link: { realmId: string; id: string } | null): void;
}

/**
 * `links.realmId`: the connection's realm. The fake then serves contract v1.3: records carry their
 * link as `qboLink` (null for none or another realm), creates may carry one, and a link is written
 * only once the company is bound. Without it, a v1.2 server: no `qboLink`, and `linkMirror.ready()`
 * answers false.
 */
export function createFakeCso(options: { now?: () => Date; links?: { realmId: string } } = {}): FakeCso {
  const now = options.now ?? (() => new Date());
  const records = new Map<string, Stored>();
  const replays = new Map<string, WriteResult>();
  let nextId = 1;
  let seq = 0;
  let writes = 0;
  let crash: { at: number; when: 'beforeApply' | 'afterApply' } | null = null;
  const requests = { reads: 0, writes: 0 };
  const fail = (code: string, message: string, extra: Partial<WriteFailure> = {}): WriteResult => ({
    ok: false,
    failure: { code, message, retryable: false, ...extra },
  });
  const realmId = options.links?.realmId;
  let bound: string | null = null;
  const view = (id: string, s: Stored): AnyRecord =>
    ({
      ...(s.values as object),
      id,
      revision: String(s.version),
      updatedAt: s.updatedAt,
      ...(realmId ? { qboLink: s.qbo?.realmId === realmId ? s.qbo.id : null } : {}),
    }) as AnyRecord;
  const live = (type: Type) => [...records].filter(([, s]) => s.type === type && !s.deleted);

  function conflict(type: Type, values: Stored['values'], selfId: string | null): WriteResult | null {
    if (typeof values.name !== 'string' || values.name.trim() === '') return fail('422', 'Name is required.');
    for (const [id, s] of live(type)) {
      if (id === selfId) continue;
      if (s.values.name === values.name)
        return fail('409', `A record named "${values.name}" already exists.`, { existingId: id });
      if (type === 'account' && values.number && s.values.number === values.number)
        return fail('409', `Another account already uses number ${values.number}.`, { existingId: id });
    }
    const parent = values.parentId;
    if (parent && !live(type).some(([id]) => id === parent)) return fail('422', `No parent with id ${String(parent)}.`);
    for (const field of ['creditAccountId', 'debitAccountId'])
      if (type === 'dataType' && values[field] && !live('account').some(([id]) => id === values[field]))
        return fail('422', `No such ${field === 'creditAccountId' ? 'credit' : 'debit'} account.`);
    return null;
  }

  function touch(id: string, s: Stored): void {
    s.seq = ++seq;
    s.updatedAt = now().toISOString();
    records.set(id, s);
  }

  function apply(op: WriteOp<Type> | UserEdit<Type>): WriteResult {
    const type = op.list;
    if (op.kind === 'create') {
      const values: Stored['values'] = { active: true };
      for (const f of FIELDS[type]) values[f] = f in op.values ? (op.values[f] ?? null) : (values[f] ?? null);
      const problem = conflict(type, values, null);
      if (problem) return problem;
      let qbo: Stored['qbo'] = null;
      if ('link' in op && op.link && realmId) {
        if (bound !== realmId) return fail('409', 'realm_mismatch');
        qbo = { realmId, id: op.link };
      }
      const id = String(nextId++);
      touch(id, { type, values, version: 1, seq: 0, deleted: false, updatedAt: '', qbo });
      return { ok: true, record: view(id, records.get(id)!) as never };
    }
    const current = records.get(op.id);
    if (!current || current.deleted || current.type !== type) return fail('404', 'Not found.');
    if (op.revision !== undefined && op.revision !== String(current.version))
      return fail('412', 'The record was changed by someone else.');
    if (op.kind === 'delete' || op.kind === 'deactivate') {
      if (op.kind === 'deactivate') return fail('400', 'CStoreOffice deletes; it has no deactivate.');
      const child = live(type).find(([, s]) => s.values.parentId === op.id);
      if (child) return fail('409', `It has sub-entries (e.g. "${String(child[1].values.name)}").`);
      const user =
        type === 'account'
          ? live('dataType').find(([, s]) => s.values.creditAccountId === op.id || s.values.debitAccountId === op.id)
          : undefined;
      if (user) return fail('409', `Data type "${String(user[1].values.name)}" posts to this account.`);
      touch(op.id, { ...current, deleted: true, version: current.version + 1 });
      return { ok: true, record: null };
    }
    const values = { ...current.values };
    for (const f of FIELDS[type]) if (f in op.values) values[f] = op.values[f] ?? null;
    const problem = conflict(type, values, op.id);
    if (problem) return problem;
    touch(op.id, { ...current, values, version: current.version + 1 });
    return { ok: true, record: view(op.id, records.get(op.id)!) as never };
  }

  return {
    side: 'cso',
    batchSize: 50,
    requests,
    async read({ since }): Promise<ReadResult<Type>> {
      requests.reads++;
      const from = since === null ? -1 : Number(since.replace(/^seq:/, ''));
      const out: Partial<Record<Type, AnyRecord[]>> = {};
      const removed: Partial<Record<Type, string[]>> = {};
      for (const [id, s] of records) {
        if (s.seq <= from) continue;
        if (s.deleted) {
          if (since !== null) (removed[s.type] ??= []).push(id);
        } else (out[s.type] ??= []).push(view(id, s));
      }
      return { full: since === null, records: out as ReadResult<Type>['records'], removed, cursor: `seq:${seq}` };
    },
    async get(list, id) {
      const s = records.get(id);
      return s && !s.deleted && s.type === list ? (view(id, s) as never) : null;
    },
    async write(batch: WriteBatch<Type>) {
      const results: WriteResult[] = [];
      for (const op of batch.ops) {
        const replay = replays.get(op.requestId);
        if (replay) {
          results.push(structuredClone(replay));
          continue;
        }
        writes++;
        const crashing = crash && crash.at === writes ? crash : null;
        if (crashing?.when === 'beforeApply') {
          crash = null;
          throw new Error('network lost before CStoreOffice got the write');
        }
        requests.writes++;
        const result = apply(op);
        replays.set(op.requestId, structuredClone(result));
        if (crashing) {
          crash = null;
          throw new Error('network lost after CStoreOffice applied the write');
        }
        results.push(result);
      }
      return results;
    },
    edit(op) {
      return apply(op);
    },
    list(type) {
      return live(type).map(([id, s]) => view(id, s));
    },
    crashOn(writeNumber, when) {
      crash = { at: writeNumber, when };
    },
    linkMirror: {
      async ready() {
        if (!realmId) return false;
        if (bound && bound !== realmId) throw new RealmMismatchError(bound, realmId);
        bound = realmId;
        return true;
      },
      async unbind() {
        if (realmId && bound === realmId) bound = null;
      },
      async write(linkWrites) {
        return linkWrites.map((w) => {
          const current = records.get(w.id);
          if (!current || current.deleted || current.type !== w.list) return { ok: false, reason: 'not found' };
          if (String(current.version) !== w.revision) return { ok: false, reason: 'version_mismatch' };
          if (bound !== realmId || !realmId) return { ok: false, reason: 'realm_mismatch' };
          requests.writes++;
          touch(w.id, {
            ...current,
            qbo: w.qboId === null ? null : { realmId, id: w.qboId },
            version: current.version + 1,
          });
          const now = records.get(w.id)!;
          return { ok: true, revision: String(now.version), updatedAt: now.updatedAt };
        });
      },
    },
    boundRealm: () => bound,
    bindRealm(realm) {
      bound = realm;
    },
    heldLink: (id) => records.get(id)?.qbo?.id ?? null,
    setLink(id, link) {
      const current = records.get(id)!;
      touch(id, { ...current, qbo: link, version: current.version + 1 });
    },
  };
}
