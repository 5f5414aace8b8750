/**
 * An in-memory QuickBooks Online that keeps the rules the engine must survive (qbo-api.md §2, §3,
 * §5, §6, §14): names compared case-insensitively after trimming, one name list shared by
 * customers, vendors and employees (inactive ones still count), accounts renamed `Name (deleted)`
 * when deactivated (which frees the name), SyncTokens with 5010 on a stale one, 2040 for a colon,
 * tab or line break, no delete, batches of at most 30 replayed by requestid, and CDC.
 * It deliberately shares no code with lib/entities: it follows QBO, not our rules.
 */
import type { UserEdit } from './edit';
import type {
  AnyRecord,
  QboListKey,
  QboSource,
  ReadResult,
  ReservedName,
  WriteBatch,
  WriteFailure,
  WriteOp,
  WriteResult,
} from '../../lib/sync';

type Entity = QboListKey;
interface Stored {
  entity: Entity;
  values: Record<string, string | boolean | null>;
  token: number;
  seq: number;
  updatedAt: string;
}

const FIELDS: Record<Entity, string[]> = {
  Account: ['name', 'parentId', 'number', 'accountType', 'detailType', 'description', 'active'],
  Class: ['name', 'parentId', 'active'],
  Department: ['name', 'parentId', 'address', 'active'],
  Customer: ['name', 'companyName', 'email', 'phone', 'active'],
  Vendor: ['name', 'companyName', 'email', 'phone', 'taxId', 'active'],
  Item: ['name', 'creditAccountId', 'debitAccountId', 'active'],
};
const NAME_MAX: Record<Entity, number> = {
  Account: 100,
  Class: 100,
  Department: 100,
  Customer: 500,
  Vendor: 500,
  Item: 100,
};
const SHARED = new Set<string>(['Customer', 'Vendor', 'Employee']);
const DELETED = ' (deleted)';

export interface FakeQbo extends QboSource {
  /** A user's edit in QBO's web UI (same rules as the API); returns the failure, if any. */
  edit(op: UserEdit<Entity>): WriteResult;
  addEmployee(name: string, active?: boolean): string;
  /** Records as QBO shows them (inactive accounts with ` (deleted)`). */
  list(entity: Entity): AnyRecord[];
  requests: { reads: number; writes: number; batches: number; gets: number };
  /** Throw after the server applied the next n-th batch (the response is lost), or before sending it. */
  crashOn(batchNumber: number, when: 'beforeApply' | 'afterApply'): void;
}

/**
 * `cdcMaxObjects`: QBO's CDC answers at most this many objects (1000); a delta read past it costs
 * what the real client then spends (one CDC per entity and queries), counted as 7 more reads.
 */
export function createFakeQbo(options: { now?: () => Date; cdcMaxObjects?: number } = {}): FakeQbo {
  const now = options.now ?? (() => new Date());
  const records = new Map<string, Stored>();
  const employees = new Map<string, { name: string; active: boolean; seq: number }>();
  const replays = new Map<string, WriteResult[]>();
  let nextId = 100;
  /**
   * QBO's clock in ms: never behind `now()`, and one ms further for each change and each CDC
   * answer, so that (as in QBO) a change made after an answer is at or after that answer's time.
   */
  let seq = 0;
  const tick = () => (seq = Math.max(now().getTime(), seq + 1));
  let crash: { at: number; when: 'beforeApply' | 'afterApply' } | null = null;
  const requests = { reads: 0, writes: 0, batches: 0, gets: 0 };
  const fail = (code: string, message: string, extra: Partial<WriteFailure> = {}): WriteResult => ({
    ok: false,
    failure: { code, message, retryable: false, ...extra },
  });
  const norm = (s: string) => s.trim().toLowerCase();

  // The record as the source adapter hands it over: QBO's " (deleted)" suffix already seen through
  // (lib/qbo/map.ts), as the engine expects; `shown` adds it back for what QBO's pages show.
  const view = (id: string, s: Stored, shown = false): AnyRecord => {
    const v = { ...s.values } as Record<string, string | boolean | null>;
    if (shown && s.entity === 'Account' && v.active === false) v.name = `${String(v.name)}${DELETED}`;
    if (s.entity === 'Vendor') v.taxId = v.taxId ? 'XXX-XX-' + String(v.taxId).slice(-4) : null;
    return { ...(v as object), id, revision: String(s.token), updatedAt: s.updatedAt } as AnyRecord;
  };
  const path = (s: Stored): string => {
    const parts = [String(s.values.name)];
    let parent = s.values.parentId as string | null | undefined;
    for (let guard = 0; parent && guard < 50; guard++) {
      const p = records.get(parent);
      if (!p) break;
      parts.unshift(String(p.values.name));
      parent = p.values.parentId as string | null;
    }
    return parts.join(':');
  };

  function nameProblem(entity: Entity, values: Record<string, unknown>, selfId: string | null): WriteResult | null {
    const name = String(values.name ?? '');
    if (/[:\t\n\r]/.test(name) || (entity === 'Account' && name.includes('"')))
      return fail('2040', 'Invalid String', { detail: `Element contains invalid characters. ${name}` });
    if (name.trim() === '') return fail('2020', 'Required param missing');
    if (name.length > NAME_MAX[entity])
      return fail('2050', 'String length is either shorter or longer than supported by specification');
    const candidate: Stored = {
      entity,
      values: { ...values, name: name.trim() } as Stored['values'],
      token: 0,
      seq: 0,
      updatedAt: '',
    };
    const key = norm(entity === 'Item' || SHARED.has(entity) ? name : path(candidate));
    if (candidate.values.active === false && entity === 'Account') return null;
    for (const [id, s] of records) {
      if (id === selfId) continue;
      const sameList = SHARED.has(entity) ? SHARED.has(s.entity) : s.entity === entity;
      if (!sameList || (s.entity === 'Account' && s.values.active === false)) continue;
      const other = norm(entity === 'Item' || SHARED.has(entity) ? String(s.values.name) : path(s));
      if (other === key)
        return fail('6240', 'Duplicate Name Exists Error', {
          detail: `The name supplied already exists. : Id=${id}`,
          existingId: id,
        });
    }
    if (SHARED.has(entity)) {
      for (const [id, e] of employees)
        if (norm(e.name) === key)
          return fail('6240', 'Duplicate Name Exists Error', {
            detail: `The name supplied already exists. : Id=${id}`,
            existingId: id,
          });
    }
    return null;
  }

  function refProblem(entity: Entity, values: Record<string, unknown>): WriteResult | null {
    const ref = entity === 'Item' ? values.creditAccountId : values.parentId;
    if (ref === undefined || ref === null)
      return entity === 'Item' && values.creditAccountId === null
        ? fail('2020', 'Required param missing: IncomeAccountRef')
        : null;
    const target = records.get(String(ref));
    const want = entity === 'Item' ? 'Account' : entity;
    if (!target || target.entity !== want || target.values.active === false)
      return fail('2500', 'Invalid Reference Id', {
        detail: `Invalid Reference Id : ${want} element id ${String(ref)} not found`,
      });
    return null;
  }

  function touch(id: string, s: Stored): void {
    s.seq = tick();
    s.updatedAt = new Date(s.seq).toISOString();
    records.set(id, s);
  }

  function apply(op: WriteOp<Entity> | UserEdit<Entity>): WriteResult {
    const entity = op.list;
    if (op.kind === 'delete') return fail('500', 'Unsupported Operation');
    if (op.kind === 'create') {
      const values: Stored['values'] = { active: true };
      for (const f of FIELDS[entity]) if (f in op.values) values[f] = op.values[f] ?? null;
      if (typeof values.name === 'string') values.name = values.name.trim();
      const problem = nameProblem(entity, values, null) ?? refProblem(entity, values);
      if (problem) return problem;
      const id = String(nextId++);
      touch(id, { entity, values, token: 0, seq: 0, updatedAt: '' });
      return { ok: true, record: view(id, records.get(id)!) as never };
    }
    const current = records.get(op.id);
    if (!current || current.entity !== entity) return fail('610', 'Object Not Found');
    if (op.revision !== undefined && op.revision !== String(current.token)) {
      return fail('5010', 'Stale Object Error', {
        detail: 'Stale Object Error : You and another user were working on this at the same time.',
      });
    }
    const patch = op.kind === 'deactivate' ? { active: false } : op.values;
    const values = { ...current.values };
    for (const f of FIELDS[entity])
      if (f in patch) values[f] = (patch as Record<string, string | boolean | null>)[f] ?? null;
    if (typeof values.name === 'string') values.name = values.name.replace(/ \(deleted\)$/, '').trim();
    const renamed =
      norm(String(values.name)) !== norm(String(current.values.name)) ||
      values.parentId !== current.values.parentId ||
      (current.values.active === false && values.active !== false);
    const problem =
      (renamed ? nameProblem(entity, values, op.id) : null) ??
      ('parentId' in patch || 'creditAccountId' in patch ? refProblem(entity, values) : null);
    if (problem) return problem;
    touch(op.id, { ...current, values, token: current.token + 1 });
    return { ok: true, record: view(op.id, records.get(op.id)!) as never };
  }

  const fake: FakeQbo = {
    side: 'qbo',
    batchSize: 30,
    requests,
    async read({ since }): Promise<ReadResult<Entity>> {
      requests.reads++;
      // CDC: every change at or after `since` (inclusive, as QBO's changedSince), cursor = answer time.
      const from = since === null ? -Infinity : Date.parse(since);
      const cursor = new Date(tick()).toISOString();
      const out: Partial<Record<Entity, AnyRecord[]>> = {};
      for (const [id, s] of records) if (s.seq >= from) (out[s.entity] ??= []).push(view(id, s));
      const reserved: ReservedName[] = [...employees]
        .filter(([, e]) => e.seq >= from)
        .map(([id, e]) => ({ entity: 'Employee', id, name: e.name, active: e.active }));
      const objects = Object.values(out).reduce((n, list) => n + list.length, reserved.length);
      if (since !== null && objects >= (options.cdcMaxObjects ?? Infinity)) requests.reads += 7;
      return { full: since === null, records: out as ReadResult<Entity>['records'], removed: {}, reserved, cursor };
    },
    async get(list, id) {
      requests.gets++;
      const s = records.get(id);
      return s && s.entity === list ? (view(id, s) as never) : null;
    },
    async write(batch: WriteBatch<Entity>) {
      if (batch.ops.length > 30) throw new Error('QBO batch holds at most 30 items');
      const replay = replays.get(batch.requestId);
      if (replay) return structuredClone(replay);
      requests.batches++;
      const crashing = crash && crash.at === requests.batches ? crash : null;
      if (crashing?.when === 'beforeApply') {
        crash = null;
        throw new Error('network lost before the batch reached QuickBooks');
      }
      const results = batch.ops.map((op) => {
        requests.writes++;
        return apply(op);
      });
      replays.set(batch.requestId, structuredClone(results));
      if (crashing) {
        crash = null;
        throw new Error('network lost after QuickBooks applied the batch');
      }
      return results;
    },
    edit(op) {
      return apply(op);
    },
    addEmployee(name, active = true) {
      // Employees share the display-name list too: QBO would refuse a taken name.
      if (nameProblem('Customer', { name, active }, null)) return '';
      const id = String(nextId++);
      employees.set(id, { name, active, seq: tick() });
      return id;
    },
    list(entity) {
      return [...records].filter(([, s]) => s.entity === entity).map(([id, s]) => view(id, s, true));
    },
    crashOn(batchNumber, when) {
      crash = { at: batchNumber, when };
    },
  };
  return fake;
}
