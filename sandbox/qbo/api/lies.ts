/**
 * How the QBO stand-in answers 200 and says less than the truth (a `lie` fault): a query page with
 * rows missing or cut short, `{"QueryResponse":{}}` for a list that is not empty, a CDC answer
 * missing changes. Counts and single reads are left alone: they are not lists.
 */
import type { LieKind } from '../../common/faults';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The entity list of a query answer (`{"Customer": [...]}`), if it has one. */
function rowsKey(response: Json): string | undefined {
  return Object.keys(response).find((k) => Array.isArray(response[k]) && (response[k] as unknown[]).length > 0);
}

function shorten(rows: unknown[], lie: LieKind): unknown[] {
  if (lie === 'emptyList') return [];
  if (lie === 'endEarly') return rows.slice(0, Math.floor(rows.length / 2));
  return rows.filter((_, i) => i !== Math.floor(rows.length / 2));
}

export function qboLie(body: unknown, lie: LieKind): unknown {
  if (!isObject(body)) return null;
  const query = body.QueryResponse;
  if (isObject(query)) {
    const key = rowsKey(query);
    if (!key) return null;
    const rows = shorten(query[key] as unknown[], lie);
    // QBO's answer to a query with no rows has no entity key at all.
    if (rows.length === 0) return { ...body, QueryResponse: {} };
    return { ...body, QueryResponse: { ...query, [key]: rows, maxResults: rows.length } };
  }
  const cdc = body.CDCResponse;
  if (Array.isArray(cdc) && isObject(cdc[0]) && Array.isArray(cdc[0].QueryResponse)) {
    const groups = cdc[0].QueryResponse as Json[];
    const at = groups.findIndex((g) => isObject(g) && rowsKey(g) !== undefined);
    if (at < 0) return null;
    const group = groups[at]!;
    const key = rowsKey(group)!;
    const rows = shorten(group[key] as unknown[], lie);
    const changed = rows.length === 0 ? {} : { ...group, [key]: rows };
    return { ...body, CDCResponse: [{ ...cdc[0], QueryResponse: groups.map((g, i) => (i === at ? changed : g)) }] };
  }
  return null;
}
