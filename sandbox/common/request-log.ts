/**
 * Request log and counters shared by the sandboxes. Every request is recorded once with its realm
 * (or company), route pattern, status and tags (e.g. `query:Customer`, `write`, `batch`); counters
 * are kept per realm so benchmarks and budget tests can read exact, deterministic numbers.
 */
export interface LogEntryInput {
  method: string;
  path: string;
  /** The route pattern that served it (`/v3/company/:realmId/query`); defaults to `path`. */
  route?: string;
  /** Realm / company the request addressed; '' when none. */
  realm?: string;
  status: number;
  tags?: string[];
  durationMs?: number;
}

export interface LogEntry extends Required<Omit<LogEntryInput, 'durationMs'>> {
  seq: number;
  time: number;
  durationMs: number;
}

export interface Counters {
  total: number;
  /** `METHOD route` → count. */
  byRoute: Record<string, number>;
  /** HTTP status → count. */
  byStatus: Record<string, number>;
  /** tag → count (a tag may be counted more than once per request when passed more than once). */
  byTag: Record<string, number>;
}

export interface RequestLog {
  record(entry: LogEntryInput): LogEntry;
  /** Newest last. Filters by realm and `since` (a seq number, exclusive). */
  entries(filter?: { realm?: string; since?: number; limit?: number }): LogEntry[];
  /** Counters for one realm, or for every realm keyed by realm id ('' = no realm). */
  counters(realm: string): Counters;
  allCounters(): Record<string, Counters>;
  /** Adds to a tag counter without logging a request (e.g. per batch item). */
  count(realm: string, tag: string, by?: number): void;
  reset(): void;
}

const emptyCounters = (): Counters => ({ total: 0, byRoute: {}, byStatus: {}, byTag: {} });
const bump = (map: Record<string, number>, key: string, by = 1): void => {
  map[key] = (map[key] ?? 0) + by;
};

export function createRequestLog(deps: { now: () => number; capacity?: number }): RequestLog {
  const capacity = deps.capacity ?? 10_000;
  let entries: LogEntry[] = [];
  let counters = new Map<string, Counters>();
  let seq = 0;

  const countersFor = (realm: string): Counters => {
    let c = counters.get(realm);
    if (!c) {
      c = emptyCounters();
      counters.set(realm, c);
    }
    return c;
  };

  return {
    record(input) {
      seq += 1;
      const entry: LogEntry = {
        seq,
        time: deps.now(),
        method: input.method,
        path: input.path,
        route: input.route ?? input.path,
        realm: input.realm ?? '',
        status: input.status,
        tags: input.tags ?? [],
        durationMs: input.durationMs ?? 0,
      };
      entries.push(entry);
      // Trim in chunks so a long benchmark does not pay an O(n) shift on every request.
      if (entries.length > capacity * 1.25) entries = entries.slice(-capacity);
      const c = countersFor(entry.realm);
      c.total += 1;
      bump(c.byRoute, `${entry.method} ${entry.route}`);
      bump(c.byStatus, String(entry.status));
      for (const tag of entry.tags) bump(c.byTag, tag);
      return entry;
    },
    entries(filter = {}) {
      let list = entries;
      if (filter.realm !== undefined) list = list.filter((e) => e.realm === filter.realm);
      if (filter.since !== undefined) {
        const since = filter.since;
        list = list.filter((e) => e.seq > since);
      }
      return filter.limit !== undefined ? list.slice(-filter.limit) : [...list];
    },
    counters: (realm) => structuredClone(countersFor(realm)),
    allCounters: () => Object.fromEntries([...counters].map(([k, v]) => [k, structuredClone(v)])),
    count(realm, tag, by = 1) {
      bump(countersFor(realm).byTag, tag, by);
    },
    reset() {
      entries = [];
      counters = new Map();
    },
  };
}
