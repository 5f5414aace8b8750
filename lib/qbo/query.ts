/**
 * The one place QBO query statements are built. Every value goes through `quoteValue`, and the
 * statement is URL-encoded exactly once by `encodeQuery`: the community clients that broke on
 * O'Brien, `&`, `#`, `+` or emoji all built strings by hand in several places.
 */
import { QboIncompleteReadError, QboUsageError } from './errors';

/** QBO's hard cap on MAXRESULTS; asking for more is a 400, not a silent cap. */
const MAX_PAGE_SIZE = 1000;

export type QueryValue = string | number | boolean | Date;
export type QueryOperator = '=' | '<' | '>' | '<=' | '>=' | 'LIKE' | 'IN';

export interface Condition {
  field: string;
  op: QueryOperator;
  value: QueryValue | readonly QueryValue[];
}

export interface QuerySpec {
  entity: string;
  where?: readonly Condition[];
  /** Inactive records are left out by QBO unless the query names `Active`. */
  includeInactive?: boolean;
  orderBy?: { field: string; direction?: 'ASC' | 'DESC' };
  startPosition?: number;
  maxResults?: number;
  count?: boolean;
}

// Field and entity names are identifiers (`MetaData.LastUpdatedTime`), never user data.
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

function identifier(name: string, what: string): string {
  if (!IDENTIFIER.test(name)) throw new QboUsageError(`Not a valid QBO ${what} name: ${JSON.stringify(name)}`);
  return name;
}

/**
 * Quotes one value for the query language. Strings get a backslash before `\` and `'` (backslash
 * first, so a trailing backslash cannot swallow the closing quote). Curly quotes, `&`, `#`, `%`,
 * `+` and emoji need no escaping inside the quotes; they are made safe by encoding the statement
 * once (QBO accepts them from minorversion 65, and we send 75).
 */
export function quoteValue(value: QueryValue): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new QboUsageError(`Cannot query for the number ${value}`);
    return String(value);
  }
  const text = value instanceof Date ? value.toISOString() : value;
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function condition(c: Condition): string {
  const field = identifier(c.field, 'field');
  if (c.op === 'IN') {
    const values = Array.isArray(c.value) ? (c.value as readonly QueryValue[]) : [c.value as QueryValue];
    if (values.length === 0) throw new QboUsageError(`IN needs at least one value for ${field}`);
    return `${field} IN (${values.map(quoteValue).join(', ')})`;
  }
  if (Array.isArray(c.value)) throw new QboUsageError(`Operator ${c.op} takes one value for ${field}`);
  return `${field} ${c.op} ${quoteValue(c.value as QueryValue)}`;
}

/** Builds a full statement: `SELECT * FROM Account WHERE ... STARTPOSITION 1 MAXRESULTS 1000`. */
export function buildQuery(spec: QuerySpec): string {
  const entity = identifier(spec.entity, 'entity');
  const where = [...(spec.where ?? [])];
  const namesActive = where.some((c) => c.field.toLowerCase() === 'active');
  if (spec.includeInactive && !namesActive) where.push({ field: 'Active', op: 'IN', value: [true, false] });
  let sql = `SELECT ${spec.count ? 'COUNT(*)' : '*'} FROM ${entity}`;
  if (where.length > 0) sql += ` WHERE ${where.map(condition).join(' AND ')}`;
  if (spec.orderBy) sql += ` ORDERBY ${identifier(spec.orderBy.field, 'field')} ${spec.orderBy.direction ?? 'ASC'}`;
  if (spec.startPosition !== undefined) {
    if (!Number.isInteger(spec.startPosition) || spec.startPosition < 1)
      throw new QboUsageError('STARTPOSITION starts at 1');
    sql += ` STARTPOSITION ${spec.startPosition}`;
  }
  if (spec.maxResults !== undefined) {
    if (!Number.isInteger(spec.maxResults) || spec.maxResults < 1 || spec.maxResults > MAX_PAGE_SIZE) {
      throw new QboUsageError(`MAXRESULTS must be between 1 and ${MAX_PAGE_SIZE}`);
    }
    sql += ` MAXRESULTS ${spec.maxResults}`;
  }
  return sql;
}

/**
 * Encodes a statement (or any parameter value) for the URL, once. Spaces become %20, never `+`
 * (which a form decoder would read back as a space), and `'`, `(`, `)`, `*`, `!` are encoded too.
 */
export function encodeQuery(statement: string): string {
  return encodeURIComponent(statement).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Reads every page of a query: STARTPOSITION/MAXRESULTS 1000, stopping on the first page shorter
 * than asked. (Stopping on `maxResults === limit` misses data when QBO returns one row too many.)
 * Rows are de-duplicated by Id in case a record moved between pages while we read.
 */
export async function readAllPages<T extends { Id: string }>(
  spec: Omit<QuerySpec, 'startPosition' | 'maxResults' | 'count'>,
  fetchPage: (statement: string) => Promise<T[]>,
  pageSize = MAX_PAGE_SIZE,
  /** Stop once this many rows are in (a count known beforehand): no empty page after the last one. */
  stopAt = Infinity,
): Promise<T[]> {
  const rows: T[] = [];
  const seen = new Set<string>();
  let start = 1;
  while (rows.length < stopAt) {
    const page = await fetchPage(buildQuery({ ...spec, startPosition: start, maxResults: pageSize }));
    for (const row of page) {
      if (seen.has(row.Id)) continue;
      seen.add(row.Id);
      rows.push(row);
    }
    if (page.length < pageSize) return rows;
    start += page.length;
  }
  return rows;
}

/**
 * Reads every page in Id order (a stable order, so no row moves between pages) and checks the rows
 * against QBO's own count, taken before the first page and again when they disagree. A short page
 * before the count is reached, an empty `QueryResponse` for a list that is not empty, or a count
 * that moves while paging is an error, never a shorter list: absence from a read must never become
 * a deletion.
 */
export async function readVerifiedPages<T extends { Id: string }>(
  spec: Omit<QuerySpec, 'startPosition' | 'maxResults' | 'count' | 'orderBy'>,
  fetchPage: (statement: string) => Promise<T[]>,
  countRows: () => Promise<number>,
  pageSize = MAX_PAGE_SIZE,
): Promise<T[]> {
  const counted = await countRows();
  // An empty list is legitimate (QBO answers it as `{}`): the count says so, and no page is asked for.
  const rows =
    counted === 0 ? [] : await readAllPages({ ...spec, orderBy: { field: 'Id' } }, fetchPage, pageSize, counted);
  if (rows.length === counted) return rows;
  const recounted = await countRows();
  // Records added while we read (new Ids come last in Id order) and counted again: a whole read.
  if (rows.length === recounted) return rows;
  const words =
    recounted !== counted
      ? `changed while it was read (${counted} records, then ${recounted})`
      : `answered ${rows.length} of the ${counted} records it counts`;
  throw new QboIncompleteReadError(
    `QuickBooks's ${spec.entity} list ${words}. Nothing was written; the next sync reads it again.`,
  );
}
