/**
 * Translating a CStoreOffice value for a first link's comparison. Fields that name another record
 * (parent, accounts) cross sides through links; after Clear Sync History no link exists yet, so a
 * child whose parent is matched by name in the same run looked different from its counterpart and
 * was rewritten with the parent it already had. A record matched in this run counts as linked to
 * its match.
 */
import type { EntityTypeId } from '../../entities';
import { refType } from '../fields';
import type { Pair } from '../match';
import { toQboValue, type TranslateOptions } from '../translate';
import type { FieldValue } from '../types';
import type { World } from '../world';

type MatchedIds = ReadonlyMap<EntityTypeId, ReadonlyMap<string, string>>;

/** The QBO ids the pairs matched by name in this run will be linked to, by type and CStoreOffice id. */
export function matchedIds(pairs: readonly Pair[]): MatchedIds {
  const out = new Map<EntityTypeId, Map<string, string>>();
  for (const { typeId, cso, qbo, link } of pairs) {
    if (link) continue;
    let ofType = out.get(typeId);
    if (!ofType) out.set(typeId, (ofType = new Map()));
    ofType.set(cso.id, qbo.id);
  }
  return out;
}

/** `toQboValue`, and for a record not linked yet, its match in this run. */
export function pairTranslator(
  world: World,
  options: TranslateOptions,
  matched: MatchedIds,
  typeId: EntityTypeId,
): (field: string, value: FieldValue) => FieldValue | undefined {
  return (field, value) => {
    const linked = toQboValue(world, options, typeId, field, value);
    const target = linked === undefined && value !== null ? refType(typeId, field) : undefined;
    return target ? matched.get(target)?.get(String(value)) : linked;
  };
}
