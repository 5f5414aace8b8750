/**
 * Runs a parsed query against a realm: validates properties (4001), applies QBO's defaults (active
 * only, 100 rows, Id order), and uses the Id map or a name index before falling back to a scan.
 */
import { ENTITIES, entityByName, isNameList, type EntityName } from '../entities/catalog';
import { faults, type QboError } from '../errors';
import { LIMITS } from '../options';
import type { Realm } from '../store/realm';
import { compareIds, type StoredRecord } from '../store/table';
import { refValue } from '../service/hierarchy';
import { present } from '../service/present';
import { parseQboTime } from '../time';
import type { Condition, Literal, QueryAst } from './parser';

export type QueryResult =
  | { ok: true; entity: EntityName; body: Record<string, unknown> }
  | { ok: false; error: QboError };

const TIME_FIELDS = new Set(['MetaData.CreateTime', 'MetaData.LastUpdatedTime']);
type Value = string | number | boolean | undefined;

function fieldValue(rec: StoredRecord, property: string): Value {
  if (property === 'MetaData.CreateTime') return rec.createdMs;
  if (property === 'MetaData.LastUpdatedTime') return rec.updatedMs;
  if (property === 'Id') return rec.id;
  const raw = rec.data[property];
  if (property === 'Active') return raw !== false;
  if (property.endsWith('Ref')) return refValue(raw);
  if (raw && typeof raw === 'object' && 'Address' in raw) return String((raw as { Address: unknown }).Address);
  return raw as Value;
}

function literalFor(property: string, lit: Literal, offsetMinutes: number): Value {
  if (TIME_FIELDS.has(property) && typeof lit === 'string') return parseQboTime(lit, offsetMinutes);
  if (typeof lit === 'string' && (lit === 'true' || lit === 'false') && property === 'Active') return lit === 'true';
  return lit;
}

// String comparisons ignore case, as the query docs say (§14.10); white space stays significant.
function compare(a: Value, b: Value): number | undefined {
  if (a === undefined || b === undefined) return undefined;
  if (typeof a === 'boolean' || typeof b === 'boolean') return a === b ? 0 : undefined;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number' || typeof b === 'number') {
    const [x, y] = [Number(a), Number(b)];
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  }
  const [x, y] = [String(a).toLowerCase(), String(b).toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}

function likeRegExp(pattern: string): RegExp {
  const body = pattern
    .split('%')
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'is');
}

function predicate(cond: Condition, offsetMinutes: number): (rec: StoredRecord) => boolean {
  const values = cond.values.map((v) => literalFor(cond.property, v, offsetMinutes));
  if (cond.op === 'LIKE') {
    const re = likeRegExp(String(cond.values[0]));
    return (rec) => re.test(String(fieldValue(rec, cond.property) ?? ''));
  }
  if (cond.property === 'Id') {
    const ids = new Set(values.map(String));
    return (rec) => ids.has(rec.id);
  }
  const test: (c: number) => boolean = {
    '=': (c: number) => c === 0,
    IN: (c: number) => c === 0,
    '<': (c: number) => c < 0,
    '>': (c: number) => c > 0,
    '<=': (c: number) => c <= 0,
    '>=': (c: number) => c >= 0,
  }[cond.op];
  return (rec) => {
    const actual = fieldValue(rec, cond.property);
    return values.some((v) => {
      const c = compare(actual, v);
      return c !== undefined && test(c);
    });
  };
}

function candidates(realm: Realm, entity: EntityName, where: Condition[]): readonly StoredRecord[] {
  if (entity === 'CompanyInfo') return [realm.companyInfo];
  if (entity === 'Preferences') return [realm.preferences];
  const table = realm.tables[entity as keyof Realm['tables']];
  const byId = where.find((c) => c.property === 'Id' && (c.op === '=' || c.op === 'IN'));
  if (byId)
    return [...new Set(byId.values.map(String))]
      .map((id) => table.get(id))
      .filter((r): r is StoredRecord => r !== undefined)
      .sort((a, b) => compareIds(a.id, b.id));
  const indexed = where.find((c) => (c.op === '=' || c.op === 'IN') && table.def.indexed.includes(c.property));
  if (indexed) {
    const found = new Set(indexed.values.flatMap((v) => table.lookup(indexed.property, String(v))));
    return [...found].sort((a, b) => compareIds(a.id, b.id));
  }
  return table.all();
}

export function executeQuery(realm: Realm, ast: QueryAst): QueryResult {
  const entity = entityByName(ast.entity);
  if (!entity) return { ok: false, error: faults.queryInvalid(`Entity '${ast.entity}' is not supported`) };
  const def = ENTITIES[entity];
  const canonical = new Map(def.queryable.map((p) => [p.toLowerCase(), p]));
  const resolve = (property: string): string | QboError =>
    canonical.get(property.toLowerCase()) ?? faults.queryInvalid(`property '${property}' is not queryable`);

  const where: Condition[] = [];
  for (const cond of ast.where) {
    const property = resolve(cond.property);
    if (typeof property !== 'string') return { ok: false, error: property };
    if (property === 'Id' && cond.op !== '=' && cond.op !== 'IN')
      return { ok: false, error: faults.queryInvalid(`operator '${cond.op}' is not supported for property 'Id'`) };
    where.push({ ...cond, property });
  }
  const orderBy: { property: string; desc: boolean }[] = [];
  for (const o of ast.orderBy) {
    const property = resolve(o.property);
    if (typeof property !== 'string') return { ok: false, error: property };
    orderBy.push({ property, desc: o.desc });
  }
  const max = ast.maxResults ?? LIMITS.defaultMaxResults;
  if (max > LIMITS.maxResults)
    return {
      ok: false,
      error: faults.queryInvalid(`value ${max} is too large. Max allowed value is ${LIMITS.maxResults}`),
    };
  const start = Math.max(1, ast.startPosition ?? 1);

  // Name lists return active records only unless the query mentions Active (qbo-api.md §3).
  if (isNameList(entity) && !where.some((c) => c.property === 'Active'))
    where.push({ property: 'Active', op: '=', values: [true] });
  const tests = where.map((c) => predicate(c, realm.offsetMinutes));
  const matches = (rec: StoredRecord): boolean => tests.every((t) => t(rec));
  const pool = candidates(realm, entity, where);

  if (ast.count) {
    let total = 0;
    for (const rec of pool) if (matches(rec)) total += 1;
    return { ok: true, entity, body: { QueryResponse: { totalCount: total } } };
  }
  let rows: StoredRecord[] = [];
  if (orderBy.length === 0) {
    // Id order is the table order: stop scanning as soon as the page is full.
    let seen = 0;
    for (const rec of pool) {
      if (rows.length >= max) break;
      if (!matches(rec)) continue;
      seen += 1;
      if (seen >= start) rows.push(rec);
    }
  } else {
    const all = pool.filter(matches);
    all.sort((a, b) => {
      for (const o of orderBy) {
        const c =
          o.property === 'Id'
            ? compareIds(a.id, b.id)
            : (compare(fieldValue(a, o.property), fieldValue(b, o.property)) ?? 0);
        if (c !== 0) return o.desc ? -c : c;
      }
      return compareIds(a.id, b.id);
    });
    rows = all.slice(start - 1, start - 1 + max);
  }
  if (rows.length === 0) return { ok: true, entity, body: { QueryResponse: {} } };
  return {
    ok: true,
    entity,
    body: {
      QueryResponse: { [entity]: rows.map((r) => present(realm, r)), startPosition: start, maxResults: rows.length },
    },
  };
}
