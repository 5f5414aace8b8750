/**
 * Name uniqueness (6240): Customer, Vendor and Employee share one DisplayName namespace; Account,
 * Class and Department are unique on the full path (the same leaf may sit under two parents,
 * §14.5); Items on Name. Case and white-space handling follow the switches (§14.1, §14.2).
 */
import { DISPLAY_NAMESPACE, ENTITIES, type NameListEntity } from '../entities/catalog';
import type { QboSwitches } from '../options';
import type { Realm } from '../store/realm';
import type { QboObject, StoredRecord } from '../store/table';

function sameName(a: string, b: string, switches: QboSwitches): boolean {
  const norm = (s: string): string => {
    let out = s.trim();
    if (switches.collapseInnerWhitespace) out = out.replace(/\s+/g, ' ');
    return switches.caseSensitiveNames ? out : out.toLowerCase();
  };
  return norm(a) === norm(b);
}

export function findDuplicate(
  realm: Realm,
  type: NameListEntity,
  data: QboObject,
  selfId: string | undefined,
  switches: QboSwitches,
): StoredRecord | undefined {
  const def = ENTITIES[type];
  const field = def.uniqueOn === 'display' ? 'DisplayName' : def.uniqueOn === 'fqn' ? 'FullyQualifiedName' : 'Name';
  const value = data[field];
  if (typeof value !== 'string') return undefined;
  const scope = def.uniqueOn === 'display' ? DISPLAY_NAMESPACE : [type];
  for (const member of scope) {
    for (const rec of realm.tables[member].lookup(field, value)) {
      if (member === type && rec.id === selfId) continue;
      // A " (deleted)" rename freed the name; the record no longer competes for it.
      if (rec.suffixed) continue;
      if (def.uniqueOn === 'display' && !switches.inactiveNamesBlock && rec.data.Active === false) continue;
      if (sameName(String(rec.data[field]), value, switches)) return rec;
    }
  }
  return undefined;
}
