/**
 * In-memory LinkStore, StateStore, Journal and TokenStore. Values are cloned in and out, as
 * IndexedDB would, so the code under test cannot rely on keeping a reference to what it stored.
 */
import type { StoredConnection, TokenStore } from '../../lib/auth';
import type {
  AnyRecord,
  IgnoreMarker,
  Journal,
  JournalRun,
  Link,
  LinkStore,
  MirrorData,
  ReservedName,
  StateStore,
  StoredIssue,
} from '../../lib/sync';

const clone = <T>(value: T): T => structuredClone(value);

export function createMemoryLinkStore(): LinkStore & { snapshot(): Link[] } {
  const links = new Map<string, Link>();
  return {
    async all() {
      return clone([...links.values()]);
    },
    async put(list) {
      for (const l of list) links.set(`${l.csoType}:${l.csoId}`, clone(l));
    },
    async remove(keys) {
      for (const k of keys) links.delete(`${k.csoType}:${k.csoId}`);
    },
    async clear() {
      links.clear();
    },
    snapshot: () => clone([...links.values()]),
  };
}

function emptyMirror(): MirrorData {
  return { cso: {}, qbo: {}, reserved: [], cursors: { cso: null, qbo: null }, issues: [], ignores: [], realmId: null };
}

export function createMemoryStateStore(): StateStore & { peek(): MirrorData } {
  let data = emptyMirror();
  const lists = (side: 'cso' | 'qbo') => data[side] as Record<string, AnyRecord[] | undefined>;
  return {
    async load() {
      return clone(data);
    },
    async replaceSide(side, newLists, reserved?: ReservedName[]) {
      data[side] = clone(newLists) as MirrorData['cso'];
      if (reserved) data.reserved = clone(reserved);
    },
    async putRecords(side, list, records) {
      const byId = new Map((lists(side)[list] ?? []).map((r) => [r.id, r]));
      for (const r of records) byId.set(r.id, clone(r));
      lists(side)[list] = [...byId.values()];
    },
    async removeRecords(side, list, ids) {
      const gone = new Set(ids);
      lists(side)[list] = (lists(side)[list] ?? []).filter((r) => !gone.has(r.id));
    },
    async putReserved(names) {
      const byKey = new Map(data.reserved.map((r) => [`${r.entity}:${r.id}`, r]));
      for (const r of names) byKey.set(`${r.entity}:${r.id}`, clone(r));
      data.reserved = [...byKey.values()];
    },
    async setCursor(side, cursor) {
      data.cursors[side] = clone(cursor);
    },
    async setIssues(issues: StoredIssue[]) {
      data.issues = clone(issues);
    },
    async setIgnores(ignores: IgnoreMarker[]) {
      data.ignores = clone(ignores);
    },
    async setCreatesHeld(held) {
      if (held) data.createsHeld = true;
      else delete data.createsHeld;
    },
    async setUndoLog(log) {
      if (log) data.undoLog = clone(log);
      else delete data.undoLog;
    },
    async setHolds(holds) {
      data.holds = clone(holds);
    },
    async setRealm(realmId) {
      data.realmId = realmId;
    },
    async clear() {
      data = emptyMirror();
    },
    peek: () => clone(data),
  };
}

export function createMemoryJournal(): Journal & { runs(): JournalRun[] } {
  const runs = new Map<string, JournalRun>();
  return {
    async open() {
      const open = [...runs.values()].find((r) => !r.finished);
      return open ? clone(open) : null;
    },
    async begin(run) {
      runs.set(run.runId, clone(run));
    },
    async mark(runId, ops) {
      const run = runs.get(runId);
      if (!run) throw new Error(`No run ${runId}`);
      for (const op of ops) {
        const i = run.ops.findIndex((o) => o.opId === op.opId);
        if (i >= 0) run.ops[i] = clone(op);
        else run.ops.push(clone(op));
      }
    },
    async finish(runId) {
      const run = runs.get(runId);
      if (run) run.finished = true;
    },
    async clear() {
      runs.clear();
    },
    runs: () => clone([...runs.values()]),
  };
}

export function createMemoryTokenStore(initial: StoredConnection[] = []): TokenStore & { puts: number } {
  const rows = new Map(initial.map((c) => [c.companyId, structuredClone(c)]));
  const store = {
    puts: 0,
    get: async (companyId: string) => structuredClone(rows.get(companyId)),
    put: async (connection: StoredConnection) => {
      store.puts += 1;
      rows.set(connection.companyId, structuredClone(connection));
    },
    delete: async (companyId: string) => {
      rows.delete(companyId);
    },
  };
  return store;
}
