/**
 * The QBO source's mapping between the engine's lists and QBO: which domain type reads each QBO
 * entity, raw QBO records → `SideRecord`s, and an op's values → the fields of a create or a sparse
 * update. Field shapes come from `toQbo`; this file only picks the keys an update's values name.
 */
import { type EntityTypeId, fieldsWhere, type RecordByType, tableOf, typesStoredAs } from '../entities';
import { type QboListKey, type RecordValues, shownField, type SideRecord } from '../sync';
import { fromQbo, toQbo, type QboOf } from './map';
import { ENTITY_SCHEMAS, type QboEntity } from './schemas';

/** The lists the sync reads and writes, in the order full reads query them (Employee, read for its names only, is not one). */
export const QBO_LISTS = (Object.keys(ENTITY_SCHEMAS) as QboEntity[]).filter(
  (entity): entity is QboListKey => entity !== 'Employee',
);

/** The domain type whose record shape each QBO list has (both vendor kinds read and write alike). */
const TYPE_OF_LIST = Object.fromEntries(QBO_LISTS.map((list) => [list, typesStoredAs(list)[0]!])) as Readonly<
  Record<QboListKey, EntityTypeId>
>;

interface RawMeta {
  Id: string;
  TaxIdentifier?: unknown;
  SyncToken: string;
  MetaData?: { LastUpdatedTime?: string | undefined } | undefined;
}

/** One raw QBO record as the engine sees it: revision = SyncToken, updatedAt = LastUpdatedTime. */
export function sideRecordOf(list: QboListKey, raw: RawMeta): SideRecord {
  const type = TYPE_OF_LIST[list];
  const record = fromQbo(type, raw as unknown as QboOf<typeof type>);
  const out = { ...record, revision: raw.SyncToken, updatedAt: raw.MetaData?.LastUpdatedTime ?? null };
  // The masked tax id never becomes the record's taxId; kept beside it so a first link can tell a
  // tax id QBO already shows (lib/sync/shown.ts).
  if (typeof raw.TaxIdentifier === 'string' && raw.TaxIdentifier !== '')
    return { ...out, [shownField('taxId')]: raw.TaxIdentifier } as SideRecord;
  return out as SideRecord;
}

/** The QBO keys each domain field of a type is written to (`toQbo` decides their shape): its module's `qbo.keys`. */
const KEYS_OF_FIELD: Readonly<Record<EntityTypeId, Readonly<Record<string, readonly string[]>>>> = tableOf((m) => ({
  name: [m.qbo.nameField],
  active: ['Active'],
  ...m.qbo.keys,
}));

/** Keys a create sends even when the op does not name their field (an account type must be given). */
const CREATE_KEYS: Readonly<Record<EntityTypeId, readonly string[]>> = tableOf((m) => m.qbo.createKeys);

const FIELDS = fieldsWhere(() => true);

/** What `recordFrom` assumes for a field the values do not carry: null, except these. */
const ASSUMED: Readonly<Record<string, unknown>> = { id: '', name: '', active: true, accountType: 'Expense' };

/** A full domain record built from partial values: absent text fields are null, so `toQbo` leaves them out. */
function recordFrom(type: EntityTypeId, values: RecordValues): RecordByType[EntityTypeId] {
  const record: Record<string, unknown> = { id: ASSUMED.id };
  for (const field of FIELDS[type]) record[field] = field in values ? values[field] : (ASSUMED[field] ?? null);
  return record as unknown as RecordByType[EntityTypeId];
}

/** The body of a create: every field the values carry (a null is left out). */
export function createBody(
  list: QboListKey,
  values: RecordValues,
  defaultIncomeAccountId: string | null,
): Record<string, unknown> {
  const type = TYPE_OF_LIST[list];
  const body = toQbo(type, recordFrom(type, values), { mode: 'create', defaultIncomeAccountId });
  // Fields the op does not name keep QBO's defaults (except the keys a create always sends).
  return pickKeys(type, body, Object.keys(values), CREATE_KEYS[type]);
}

/** The changed fields of a sparse update: only the keys of the fields the values name; a null clears. */
export function patchBody(
  list: QboListKey,
  values: RecordValues,
  defaultIncomeAccountId: string | null,
): Record<string, unknown> {
  const type = TYPE_OF_LIST[list];
  // A changed account type carries its detail type (the op's, else the type's default; see
  // lib/entities/types/account.ts): a sparse update keeps the stored one, which QBO refuses (2170
  // Invalid Enumeration) under another type.
  return pickKeys(
    type,
    toQbo(type, recordFrom(type, values), { mode: 'update', defaultIncomeAccountId }),
    Object.keys(values),
    [],
  );
}

function pickKeys(
  type: EntityTypeId,
  body: Record<string, unknown>,
  fields: readonly string[],
  always: readonly string[],
): Record<string, unknown> {
  const keys = new Set([...fields.flatMap((f) => KEYS_OF_FIELD[type][f] ?? []), ...always]);
  return Object.fromEntries(Object.entries(body).filter(([k]) => keys.has(k)));
}
