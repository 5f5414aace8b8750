// The extension's entity type ids and the contract's URL segments (CONTRACT.md, "Entity types"),
// as each type's module declares them (lib/entities/types).
import { type EntityTypeId, tableOf } from '../entities';

export const CSO_SEGMENTS: Readonly<Record<EntityTypeId, string>> = tableOf((m) => m.cso.segment);

/** The page a person opens for one record (the panel's "CSO Id" link). */
export function csoRecordPageUrl(origin: string, type: EntityTypeId, id: string): string {
  return `${origin.replace(/\/+$/, '')}/app.php/accounting/${CSO_SEGMENTS[type]}/${encodeURIComponent(id)}`;
}
