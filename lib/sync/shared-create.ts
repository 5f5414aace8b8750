/**
 * A price book vendor and an accounting vendor of one name, both new, become one QBO vendor. That
 * vendor holds one value per field, so when the two records say different things (an email here,
 * another or none there) one of them would silently disagree with QuickBooks from the start. Like
 * two kinds updating their shared vendor differently, that is a conflict the user settles in
 * CStoreOffice, not a choice we make for them.
 */
import type { RecordValues } from './types';

/** The fields two records of one shared QBO vendor give different values (the name matched already). */
export function sharedCreateClash(primary: RecordValues, child: RecordValues): string[] {
  const fields: string[] = [];
  for (const field of Object.keys(primary)) {
    if (field === 'name' || !(field in child)) continue;
    if ((primary[field] ?? null) !== (child[field] ?? null)) fields.push(field);
  }
  return fields;
}
