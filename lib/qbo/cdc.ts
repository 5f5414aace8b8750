/**
 * Change Data Capture with its two limits handled. CDC looks back at most 30 days and returns at
 * most 1000 objects per answer. Past 30 days we read the changed records with a query instead;
 * when an answer is capped we ask again one entity at a time, and an entity that is still capped
 * alone is read with a paged query on MetaData.LastUpdatedTime. The result says which path was taken.
 */
import { isQboRecordEntity, parseRecord, type QboRecordEntity, type QboRecordMap } from './records';
import { CdcEnvelope, DeletedStub, parseOrThrow } from './schemas';
import type { Transport } from './transport';

const CDC_MAX_AGE_MS = 30 * 86_400_000;
export const CDC_MAX_OBJECTS = 1000;
// Leave room for the request's travel time and clock differences at the 30-day edge.
const WINDOW_MARGIN_MS = 10 * 60_000;

/** A query sees no hard deletions: after a fallback, a deleted transaction is only absent from `changed`. */
export interface CdcFallback {
  entity: QboRecordEntity;
  reason: 'older-than-30-days' | 'capped';
}

export interface CdcResult {
  changed: { [E in QboRecordEntity]?: QboRecordMap[E][] };
  /** Ids of hard-deleted objects: transactions (`?operation=delete`) and Category items; lists are deactivated. */
  deleted: { [E in QboRecordEntity]?: string[] };
  /** Pass as `since` next time: QBO's own time of the first answer, so no change slips between reads. */
  cursor: string;
  fallbacks: CdcFallback[];
}

export type ChangedSinceQuery = <E extends QboRecordEntity>(entity: E, since: string) => Promise<QboRecordMap[E][]>;

interface CdcAnswer {
  time: string;
  groups: Map<QboRecordEntity, { live: unknown[]; deleted: string[] }>;
  total: number;
}

async function fetchCdc(transport: Transport, entities: readonly QboRecordEntity[], since: string): Promise<CdcAnswer> {
  const res = await transport({
    method: 'GET',
    path: 'cdc',
    params: { entities: entities.join(','), changedSince: since },
  });
  const envelope = parseOrThrow(CdcEnvelope, res.json, 'a CDC answer', res.intuitTid);
  const groups = new Map<QboRecordEntity, { live: unknown[]; deleted: string[] }>();
  let total = 0;
  for (const group of envelope.CDCResponse[0]?.QueryResponse ?? []) {
    for (const [key, rows] of Object.entries(group)) {
      if (!isQboRecordEntity(key) || !Array.isArray(rows)) continue;
      const slot = groups.get(key) ?? { live: [], deleted: [] };
      for (const row of rows) {
        total += 1;
        const stub = DeletedStub.safeParse(row);
        if (stub.success) slot.deleted.push(stub.data.Id);
        else slot.live.push(parseRecord(key, row, `a changed ${key} in CDC`, res.intuitTid));
      }
      groups.set(key, slot);
    }
  }
  return { time: envelope.time ?? since, groups, total };
}

export async function readChanges(
  deps: { transport: Transport; query: ChangedSinceQuery; now: () => number },
  entities: readonly QboRecordEntity[],
  since: Date | string,
): Promise<CdcResult> {
  const sinceIso = since instanceof Date ? since.toISOString() : since;
  const result: CdcResult = { changed: {}, deleted: {}, cursor: new Date(deps.now()).toISOString(), fallbacks: [] };
  const put = (entity: QboRecordEntity, live: unknown[], deleted: string[]): void => {
    (result.changed as Record<string, unknown[]>)[entity] = live;
    if (deleted.length > 0) result.deleted[entity] = deleted;
  };
  const viaQuery = async (entity: QboRecordEntity, reason: CdcFallback['reason']): Promise<void> => {
    put(entity, await deps.query(entity, sinceIso), []);
    result.fallbacks.push({ entity, reason });
  };

  if (deps.now() - Date.parse(sinceIso) > CDC_MAX_AGE_MS - WINDOW_MARGIN_MS) {
    for (const entity of entities) await viaQuery(entity, 'older-than-30-days');
    return result;
  }
  const first = await fetchCdc(deps.transport, entities, sinceIso);
  result.cursor = first.time;
  if (first.total < CDC_MAX_OBJECTS) {
    for (const [entity, g] of first.groups) put(entity, g.live, g.deleted);
    return result;
  }
  for (const entity of entities) {
    const alone = entities.length > 1 ? await fetchCdc(deps.transport, [entity], sinceIso) : first;
    const g = alone.groups.get(entity);
    if (alone.total >= CDC_MAX_OBJECTS) await viaQuery(entity, 'capped');
    else if (g) put(entity, g.live, g.deleted);
  }
  return result;
}
