// The sandbox's CStoreOffice database: companies and their seven entity lists, with versions,
// a change sequence (for cursors), tombstones and the uniqueness and delete rules. Every write path
// (API, hand-edit pages, control API) goes through here, so they all obey the same rules.
import { dropTombstonesBefore, pageOf, type ListQuery } from './change-list';
import { ENTITY_SPECS, SEGMENTS, type Segment } from './entity-specs';
import { linkConflict, validateWithLink } from './qbo-link';
import { deleteBlocker, duplicateOf } from './store-rules';
import { invalidFields, type StoredRecord, type StoreError, type StoreResult } from './records';
import type { RefLookup, Values } from './validate';

export interface Company {
  id: string;
  name: string;
}

export type { StoredRecord, StoreError, StoreResult } from './records';

export interface SeedCompany {
  id: string;
  name: string;
  /** Records per type; `ref` is a seed-local handle other records use in parentId / account refs. */
  records: Partial<Record<Segment, Array<Values & { ref?: string }>>>;
}

export type CsoStore = ReturnType<typeof createStore>;

export interface StoreDeps {
  now: () => number;
  /** The QuickBooks realm the company is bound to (its sync state), which every link must name. */
  realmOf: (companyId: string) => string | null;
  /** False while the sandbox plays a v1.2 server, which has no `qbo` field. */
  linksServed: () => boolean;
}

export function createStore(deps: StoreDeps) {
  let companies = new Map<string, Company>();
  // One Map per company+type; a write re-inserts the record so iteration order is change order.
  let buckets = new Map<string, Map<string, StoredRecord>>();
  let seq = 0;
  let nextId = 1001;

  const bucket = (companyId: string, segment: Segment) => {
    const key = `${companyId}/${segment}`;
    let found = buckets.get(key);
    if (!found) buckets.set(key, (found = new Map()));
    return found;
  };
  const live = (companyId: string, segment: Segment, id: string) => {
    const rec = bucket(companyId, segment).get(id);
    return rec && !rec.deleted ? rec : undefined;
  };
  const refsFor = (companyId: string): RefLookup => ({
    find: (segment, id) => {
      const rec = live(companyId, segment, id);
      return rec ? { id: rec.id, ...rec.values } : undefined;
    },
  });
  const touch = (rec: StoredRecord) => {
    rec.seq = ++seq;
    rec.updatedAtMs = deps.now();
    const b = bucket(rec.companyId, rec.segment);
    b.delete(rec.id);
    b.set(rec.id, rec);
  };

  function assignStationCode(companyId: string): string {
    const used = new Set(
      [...bucket(companyId, 'locations').values()].filter((r) => !r.deleted).map((r) => r.values.stationCode),
    );
    let code = 100;
    while (used.has(String(code))) code++;
    return String(code);
  }

  const versionMoved = (rec: StoredRecord): StoreError => ({
    status: 412,
    code: 'version_mismatch',
    message: `The ${ENTITY_SPECS[rec.segment].label} was changed by someone else (now version ${rec.version}).`,
  });
  const notFound = (segment: Segment, id: string): StoreError => ({
    status: 404,
    code: 'not_found',
    message: `No ${ENTITY_SPECS[segment].label} with id ${id}.`,
  });

  return {
    companies: () => [...companies.values()],
    company: (id: string) => companies.get(id),
    get: (companyId: string, segment: Segment, id: string) => live(companyId, segment, id),
    /** Any record (live or tombstone) by its globally unique id, for detail pages. */
    findAnywhere(id: string): StoredRecord | undefined {
      for (const b of buckets.values()) {
        const rec = b.get(id);
        if (rec) return rec;
      }
      return undefined;
    },
    all: (companyId: string, segment: Segment) => [...bucket(companyId, segment).values()],

    /** One page after `afterSeq`, and `total`: how many items the whole listing (same filter) holds now. */
    list(companyId: string, segment: Segment, q: ListQuery) {
      return pageOf(bucket(companyId, segment).values(), q);
    },

    create(companyId: string, segment: Segment, input: unknown): StoreResult {
      const checked = validateWithLink(segment, input, refsFor(companyId), deps.linksServed());
      if (!checked.ok) return invalidFields(checked.fields);
      const values = checked.values;
      if (segment === 'locations' && values.stationCode === null) values.stationCode = assignStationCode(companyId);
      values.qbo ??= null;
      const dup =
        duplicateOf(bucket(companyId, segment).values(), segment, values) ??
        linkConflict(bucket(companyId, segment).values(), segment, values, deps.realmOf(companyId));
      if (dup) return { ok: false, error: dup };
      const rec: StoredRecord = {
        id: String(nextId++),
        companyId,
        segment,
        values,
        version: 1,
        updatedAtMs: 0,
        seq: 0,
        deleted: false,
      };
      touch(rec);
      return { ok: true, record: rec };
    },

    update(companyId: string, segment: Segment, id: string, input: unknown, expectedVersion?: number): StoreResult {
      const rec = live(companyId, segment, id);
      if (!rec) return { ok: false, error: notFound(segment, id) };
      if (expectedVersion !== undefined && expectedVersion !== rec.version)
        return { ok: false, error: versionMoved(rec) };
      const checked = validateWithLink(segment, input, refsFor(companyId), deps.linksServed(), {
        id,
        ...rec.values,
      });
      if (!checked.ok) return invalidFields(checked.fields);
      const dup =
        duplicateOf(bucket(companyId, segment).values(), segment, checked.values, id) ??
        linkConflict(bucket(companyId, segment).values(), segment, checked.values, deps.realmOf(companyId), id);
      if (dup) return { ok: false, error: dup };
      rec.values = { ...rec.values, ...checked.values };
      rec.version++;
      touch(rec);
      return { ok: true, record: rec };
    },

    remove(companyId: string, segment: Segment, id: string, expectedVersion?: number): StoreResult {
      const rec = live(companyId, segment, id);
      if (!rec) return { ok: false, error: notFound(segment, id) };
      if (expectedVersion !== undefined && expectedVersion !== rec.version)
        return { ok: false, error: versionMoved(rec) };
      const blocker = deleteBlocker(rec, (segment) => bucket(rec.companyId, segment).values());
      if (blocker) return { ok: false, error: blocker };
      rec.deleted = true;
      rec.version++;
      touch(rec);
      return { ok: true, record: rec };
    },

    /** Drops one list's tombstones last changed before `beforeMs` (CStoreOffice keeps them 30 days). */
    pruneTombstones(companyId: string, segment: Segment, beforeMs: number) {
      dropTombstonesBefore(bucket(companyId, segment), beforeMs);
    },

    /** Replaces all data with the seed; seed refs become real ids. */
    load(seed: SeedCompany[]) {
      companies = new Map();
      buckets = new Map();
      nextId = 1001; // same seed, same ids: tests and demo scripts can rely on them
      const refIds = new Map<string, string>();
      const resolve = (v: unknown) =>
        typeof v === 'string' && v.startsWith('@') ? (refIds.get(v.slice(1)) ?? null) : v;
      for (const c of seed) {
        companies.set(c.id, { id: c.id, name: c.name });
        for (const segment of SEGMENTS) {
          for (const raw of c.records[segment] ?? []) {
            const { ref, ...fields } = raw;
            const values: Values = { active: true, qbo: null };
            if (ENTITY_SPECS[segment].hierarchical) values.parentId = null;
            for (const [k, fs] of Object.entries(ENTITY_SPECS[segment].fields))
              values[k] = fs.kind === 'enum' ? fs.default : null;
            for (const [k, v] of Object.entries(fields)) values[k] = resolve(v);
            const rec: StoredRecord = {
              id: String(nextId++),
              companyId: c.id,
              segment,
              values,
              version: 1,
              updatedAtMs: 0,
              seq: 0,
              deleted: false,
            };
            if (ref) refIds.set(ref, rec.id);
            touch(rec);
          }
        }
      }
    },
  };
}
