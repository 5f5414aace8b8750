/**
 * `GET /cdc?entities=...&changedSince=...`: changes since a time no more than 30 days back, grouped
 * by entity, oldest first, at most 1000 objects; hard-deleted records as `status: "Deleted"` stubs
 * after the live ones; deactivations as full objects (qbo-api.md §6, §14.6).
 */
import { entityByName, hasTable, type EntityName } from '../entities/catalog';
import { faults } from '../errors';
import { LIMITS } from '../options';
import { present } from '../service/present';
import type { Realm } from '../store/realm';
import { formatQboTime, parseQboTime } from '../time';
import { faultOutcome } from './entity-ops';
import type { Outcome } from './replay';

type Change = { type: EntityName; ms: number; object: Record<string, unknown>; deleted: boolean };

export function cdcOutcome(realm: Realm, params: URLSearchParams, now: number): Outcome {
  const entitiesParam = params.get('entities');
  const sinceParam = params.get('changedSince');
  if (!entitiesParam) return faultOutcome(faults.required('entities'));
  if (!sinceParam) return faultOutcome(faults.required('changedSince'));
  const since = parseQboTime(sinceParam, realm.offsetMinutes);
  if (since === undefined) return faultOutcome(faults.business(`changedSince is not a valid date-time: ${sinceParam}`));
  if (now - since > LIMITS.cdcMaxDays * 86_400_000) {
    return faultOutcome(faults.business(`changedSince must be within the last ${LIMITS.cdcMaxDays} days.`));
  }
  const types: EntityName[] = [];
  for (const name of entitiesParam
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const type = entityByName(name);
    if (!type) return faultOutcome(faults.queryInvalid(`Entity '${name}' is not supported for change data capture`));
    if (!types.includes(type)) types.push(type);
  }
  const changes: Change[] = [];
  for (const type of types) {
    const records = hasTable(type)
      ? realm.tables[type].all()
      : [type === 'CompanyInfo' ? realm.companyInfo : realm.preferences];
    for (const rec of records)
      if (rec.updatedMs >= since)
        changes.push({ type, ms: rec.updatedMs, object: present(realm, rec), deleted: false });
    for (const t of realm.tombstones) {
      if (t.type === type && t.deletedMs >= since) {
        changes.push({
          type,
          ms: t.deletedMs,
          deleted: true,
          object: {
            domain: 'QBO',
            status: 'Deleted',
            Id: t.id,
            MetaData: { LastUpdatedTime: formatQboTime(t.deletedMs, realm.offsetMinutes) },
          },
        });
      }
    }
  }
  // Oldest first, so a client that resumes from the newest time it saw never skips what was cut off.
  changes.sort((a, b) => a.ms - b.ms);
  const kept = changes.slice(0, LIMITS.cdcMaxObjects);
  const groups = types.map((type) => {
    const mine = kept.filter((c) => c.type === type);
    if (mine.length === 0) return {};
    const objects = [...mine.filter((c) => !c.deleted), ...mine.filter((c) => c.deleted)].map((c) => c.object);
    return { [type]: objects, startPosition: 1, maxResults: objects.length, totalCount: objects.length };
  });
  return { status: 200, body: { CDCResponse: [{ QueryResponse: groups }] } };
}
