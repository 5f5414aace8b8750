/**
 * Plain in-memory stores for the engine's ports (links, mirror, journal), so a benchmark measures
 * the engine and the sandboxes rather than IndexedDB. Values are cloned on the way in and out.
 */
import type { Journal, JournalRun, Link, LinkStore, MirrorData, StateStore } from '../lib/sync';

const copy = <T>(value: T): T => structuredClone(value);

export function memoryLinks(): LinkStore {
  const byKey = new Map<string, Link>();
  const key = (l: { csoType: string; csoId: string }) => `${l.csoType}\u0000${l.csoId}`;
  return {
    all: async () => copy([...byKey.values()]),
    put: async (links) => void links.forEach((l) => byKey.set(key(l), copy(l))),
    remove: async (keys) => void keys.forEach((k) => byKey.delete(key(k))),
    clear: async () => byKey.clear(),
  };
}

export function memoryState(): StateStore {
  let mirror: MirrorData = {
    cso: {},
    qbo: {},
    reserved: [],
    cursors: { cso: null, qbo: null },
    issues: [],
    ignores: [],
    realmId: null,
  };
  const lists = (side: 'cso' | 'qbo') => mirror[side] as Record<string, MirrorData['cso'][keyof MirrorData['cso']]>;
  return {
    load: async () => copy(mirror),
    async replaceSide(side, next, reserved) {
      (mirror as Record<string, unknown>)[side] = copy(next);
      if (reserved) mirror.reserved = copy(reserved);
    },
    async putRecords(side, list, records) {
      const byId = new Map((lists(side)[list] ?? []).map((r) => [r.id, r]));
      for (const r of records) byId.set(r.id, copy(r));
      lists(side)[list] = [...byId.values()];
    },
    async removeRecords(side, list, ids) {
      const gone = new Set(ids);
      lists(side)[list] = (lists(side)[list] ?? []).filter((r) => !gone.has(r.id));
    },
    async putReserved(names) {
      const byKey = new Map(mirror.reserved.map((r) => [`${r.entity}:${r.id}`, r]));
      for (const r of names) byKey.set(`${r.entity}:${r.id}`, copy(r));
      mirror.reserved = [...byKey.values()];
    },
    setCursor: async (side, cursor) => void (mirror.cursors[side] = copy(cursor)),
    setIssues: async (issues) => void (mirror.issues = copy(issues)),
    setIgnores: async (ignores) => void (mirror.ignores = copy(ignores)),
    setRealm: async (realmId) => void (mirror.realmId = realmId),
    setCreatesHeld: async (held) => {
      if (held) mirror.createsHeld = true;
      else delete mirror.createsHeld;
    },
    setUndoLog: async (log) => {
      if (log) mirror.undoLog = copy(log);
      else delete mirror.undoLog;
    },
    setHolds: async (holds) => void (mirror.holds = copy(holds)),
    async clear() {
      mirror = {
        cso: {},
        qbo: {},
        reserved: [],
        cursors: { cso: null, qbo: null },
        issues: [],
        ignores: [],
        realmId: mirror.realmId,
      };
    },
  };
}

export function memoryJournal(): Journal {
  const runs = new Map<string, { run: JournalRun; ops: Map<string, JournalRun['ops'][number]> }>();
  return {
    async open() {
      const open = [...runs.values()].find((r) => !r.run.finished);
      return open ? copy({ ...open.run, ops: [...open.ops.values()] }) : null;
    },
    async begin(run) {
      runs.set(run.runId, { run: copy(run), ops: new Map(run.ops.map((o) => [o.opId, copy(o)])) });
    },
    async mark(runId, ops) {
      const entry = runs.get(runId);
      if (!entry) throw new Error(`No journal run ${runId}`);
      for (const op of ops) entry.ops.set(op.opId, copy(op));
    },
    async finish(runId) {
      const entry = runs.get(runId);
      if (entry) entry.run.finished = true;
    },
    clear: async () => runs.clear(),
  };
}
