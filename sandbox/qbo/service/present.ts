/** Renders a stored record the way QBO sends it: MetaData in company time, masked tax ids. */
import type { Realm } from '../store/realm';
import type { QboObject, StoredRecord } from '../store/table';
import { formatQboTime } from '../time';

const mask = (value: unknown): unknown =>
  typeof value === 'string' && value.length > 0
    ? `${'X'.repeat(Math.max(0, value.length - 4))}${value.slice(-4)}`
    : value;

export function present(realm: Realm, rec: StoredRecord): QboObject {
  const out: QboObject = {
    ...rec.data,
    MetaData: {
      CreateTime: formatQboTime(rec.createdMs, realm.offsetMinutes),
      LastUpdatedTime: formatQboTime(rec.updatedMs, realm.offsetMinutes),
    },
  };
  // QBO never returns tax identifiers in the clear (qbo-api.md §2.5): write them, never compare them.
  if ('TaxIdentifier' in out) out.TaxIdentifier = mask(out.TaxIdentifier);
  if ('SSN' in out) out.SSN = mask(out.SSN);
  return out;
}
