/**
 * The end state of a scenario round as both sandboxes hold it (read from their dumps, not through
 * our code) and as the link store holds it: match keys per list, rows, links by match key, links
 * that point at records no longer there, and duplicate names.
 */
import type { Link, SyncRow } from '@/lib/sync';
import { csoDump, qboDump, QBO_LIST } from '../integration/sync/dumps';
import type { Sandboxes } from '../integration/sync/harness';

export interface EndState {
  /** Per CStoreOffice type: the live records' match keys (` [inactive]` marks inactive ones). */
  cso: Record<string, string[]>;
  /** Per QBO list: every record's match key, inactive marked the same way. */
  qbo: Record<string, string[]>;
  /** Per row: type, name, status, target and issue code. */
  rows: string[];
  /** Per link: the CStoreOffice match key and the QBO one. */
  links: string[];
  /** Links whose CStoreOffice record is gone or whose QBO record does not exist. */
  dangling: string[];
  /** Active names held twice in one list (QBO: ignoring case, as QBO does). */
  duplicates: string[];
  /** CStoreOffice records whose held QuickBooks link (v1.3) is not the link store's. */
  unheld: string[];
}

const mark = (r: { key: string; active: boolean }) => (r.active ? r.key : `${r.key} [inactive]`);

function duplicatesOf(list: string, keys: string[]): string[] {
  const seen = new Map<string, number>();
  for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([k, n]) => `${list}: “${k}” ×${n}`);
}

export async function readEndState(
  sb: Sandboxes,
  companyId: string,
  realmId: string,
  links: Link[],
  rows: readonly SyncRow[],
): Promise<EndState> {
  const [cso, qbo] = await Promise.all([csoDump(sb, companyId), qboDump(sb, realmId)]);
  const csoById = new Map(
    Object.entries(cso).flatMap(([type, records]) => records.map((r) => [`${type}:${r.id}`, r] as const)),
  );
  const qboById = new Map(
    Object.entries(qbo).flatMap(([list, records]) => records.map((r) => [`${list}:${r.id}`, r] as const)),
  );
  const state: EndState = { cso: {}, qbo: {}, rows: [], links: [], dangling: [], duplicates: [], unheld: [] };
  const linked = new Map(links.map((l) => [`${l.csoType}:${l.csoId}`, l.qboId]));
  for (const [key, r] of csoById) {
    const held = r.raw.qbo as { realmId: string; id: string } | null | undefined;
    const holds = held?.realmId === realmId ? held.id : null;
    if (!r.raw.deleted && holds !== (linked.get(key) ?? null))
      state.unheld.push(`${key}: CStoreOffice holds ${holds ?? 'none'}, the link store ${linked.get(key) ?? 'none'}`);
  }
  for (const [type, records] of Object.entries(cso)) {
    state.cso[type] = records.map(mark).sort();
    state.duplicates.push(
      ...duplicatesOf(
        `CStoreOffice ${type}`,
        records.filter((r) => r.active).map((r) => r.key),
      ),
    );
  }
  for (const [list, records] of Object.entries(qbo)) {
    state.qbo[list] = records.map(mark).sort();
    state.duplicates.push(
      ...duplicatesOf(
        `QBO ${list}`,
        records.filter((r) => r.active).map((r) => r.key.toLowerCase()),
      ),
    );
  }
  state.rows = rows
    .map(
      (r) =>
        `${r.typeId} | ${r.name} | ${r.status}${r.target ? `→${r.target}` : ''}${r.issue ? ` (${r.issue.code})` : ''}`,
    )
    .sort();
  for (const l of links) {
    const c = csoById.get(`${l.csoType}:${l.csoId}`);
    const q = qboById.get(`${QBO_LIST[l.csoType]}:${l.qboId}`);
    // A deletion QBO refused (a customer with a balance) keeps its link and shows as an error row: not lost.
    const row = rows.find((r) => r.key === `cso:${l.csoType}:${l.csoId}`);
    const explained = !c && q && row && (row.status === 'error' || row.status === 'waitingForDeletion');
    if ((!c || !q) && !explained)
      state.dangling.push(
        `${l.csoType} ${l.csoId} → ${l.qboEntity} ${l.qboId} (${!c ? 'CStoreOffice record gone' : 'QBO record missing'})`,
      );
    // A record created during the play has an id that depends on the order of creates, which faults change: a
    // link whose record is gone is named by what it is, not by that id.
    state.links.push(
      `${l.csoType} | ${c ? mark(c) : '(gone from CStoreOffice)'} ⇄ ${q ? mark(q) : '(gone from QuickBooks)'}`,
    );
  }
  state.links.sort();
  return state;
}

/** The parts of two end states that differ, in words (empty when they agree). */
export function diffStates(expected: EndState, actual: EndState): string[] {
  const out: string[] = [];
  const lists = (name: string, a: string[], b: string[]) => {
    const missing = a.filter((k) => !b.includes(k));
    const extra = b.filter((k) => !a.includes(k));
    if (a.length !== b.length || missing.length || extra.length)
      out.push(
        `${name}: ${a.length} expected, ${b.length} found; missing [${missing.join('; ')}], unexpected [${extra.join('; ')}]`,
      );
  };
  for (const side of ['cso', 'qbo'] as const) {
    for (const list of new Set([...Object.keys(expected[side]), ...Object.keys(actual[side])]))
      lists(`${side} ${list}`, expected[side][list] ?? [], actual[side][list] ?? []);
  }
  lists('rows', expected.rows, actual.rows);
  lists('links', expected.links, actual.links);
  lists('dangling links', expected.dangling, actual.dangling);
  lists('duplicates', expected.duplicates, actual.duplicates);
  return out;
}
