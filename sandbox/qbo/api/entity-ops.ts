/**
 * The accounting operations as pure outcome builders (status + body), shared by the single-entity
 * routes and by batch items: write (create / update / delete), read, and query.
 */
import { ENTITIES, entityByName, hasTable, isNameList, type EntityName, type TableEntity } from '../entities/catalog';
import { faultBody, faults, type QboError } from '../errors';
import { parseQuery, QueryParseError } from '../query/parser';
import { executeQuery } from '../query/execute';
import { updatePreferences } from '../service/preferences';
import { present } from '../service/present';
import { createTransaction, deleteTransaction, updateTransaction } from '../service/transactions/writes';
import { createEntity, deleteEntity, updateEntity, type WriteContext, type WriteResult } from '../service/writes';
import type { Realm } from '../store/realm';
import type { QboObject, StoredRecord } from '../store/table';
import { formatQboTime } from '../time';
import type { Outcome } from './replay';

export const faultOutcome = (error: QboError, time = ''): Outcome => ({
  status: error.status,
  body: faultBody(error, time),
});

export type WriteOperation = 'create' | 'update' | 'delete';

function singletonUpdate(ctx: WriteContext, type: 'CompanyInfo' | 'Preferences', body: QboObject): Outcome {
  if (type === 'Preferences') {
    const result = updatePreferences(ctx, body);
    if (!result.ok) return faultOutcome(result.error);
    return { status: 200, body: { Preferences: present(ctx.realm, result.record) } };
  }
  const rec = ctx.realm.companyInfo;
  if (body.SyncToken === undefined) return faultOutcome(faults.required('SyncToken'));
  if (String(body.SyncToken) !== rec.data.SyncToken) return faultOutcome(faults.stale(type));
  const patch: QboObject = {};
  for (const f of ENTITIES[type].writable) if (body[f] !== undefined) patch[f] = body[f];
  rec.data = { ...rec.data, ...patch, SyncToken: String(Number(rec.data.SyncToken) + 1) };
  rec.updatedMs = ctx.now;
  return { status: 200, body: { [type]: present(ctx.realm, rec) } };
}

type TableWrite = (ctx: WriteContext, body: QboObject) => WriteResult;

/** The create / update / delete of a table entity: name lists and transactions follow different rules. */
function tableWrites(type: TableEntity): Record<WriteOperation, TableWrite> {
  if (isNameList(type))
    return {
      create: (ctx, body) => createEntity(ctx, type, body),
      update: (ctx, body) => updateEntity(ctx, type, body),
      delete: (ctx, body) => deleteEntity(ctx, type, body),
    };
  return {
    create: (ctx, body) => createTransaction(ctx, type, body),
    update: (ctx, body) => updateTransaction(ctx, type, body),
    delete: (ctx, body) => deleteTransaction(ctx, type, body),
  };
}

export function writeOutcome(ctx: WriteContext, type: EntityName, operation: WriteOperation, body: unknown): Outcome {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return faultOutcome(faults.badRequest('Request body must be a JSON object representing the entity'));
  const entity = body as QboObject;
  if (!hasTable(type)) {
    if (operation === 'update' || entity.Id !== undefined)
      return singletonUpdate(ctx, type as 'CompanyInfo' | 'Preferences', entity);
    return faultOutcome(faults.unsupported(`Operation ${operation} is not supported for ${type}.`));
  }
  const writes = tableWrites(type);
  if (operation === 'delete') {
    const result = writes.delete(ctx, entity);
    if (!result.ok) return faultOutcome(result.error);
    return { status: 200, body: { [type]: { domain: 'QBO', status: 'Deleted', Id: result.record.id } } };
  }
  const isUpdate = operation === 'update' || entity.Id !== undefined;
  if (isUpdate && entity.Id === undefined) return faultOutcome(faults.required('Id'));
  const result = isUpdate ? writes.update(ctx, entity) : writes.create(ctx, entity);
  if (!result.ok) return faultOutcome(result.error);
  return { status: 200, body: { [type]: present(ctx.realm, result.record) } };
}

export function readOutcome(realm: Realm, type: EntityName, id: string): Outcome {
  let rec: StoredRecord | undefined;
  if (type === 'CompanyInfo') rec = id === realm.realmId || id === '1' ? realm.companyInfo : undefined;
  else if (type === 'Preferences') rec = realm.preferences;
  else if (hasTable(type)) {
    if (!/^\d+$/.test(id)) return faultOutcome(faults.invalidId(id));
    rec = realm.tables[type].get(id);
  }
  if (!rec) return faultOutcome(faults.notFound());
  return { status: 200, body: { [type]: present(realm, rec) } };
}

export function queryOutcome(realm: Realm, statement: string, now: number): Outcome & { entity?: EntityName } {
  if (statement.trim() === '')
    return faultOutcome(
      faults.queryParse('Encountered "<EOF>" at line 1, column 1.\nWas expecting:\n    "select" ...'),
    );
  try {
    const today = formatQboTime(now, realm.offsetMinutes).slice(0, 10);
    const result = executeQuery(realm, parseQuery(statement, today));
    if (!result.ok) return faultOutcome(result.error);
    return { status: 200, body: result.body, entity: result.entity };
  } catch (err) {
    if (err instanceof QueryParseError) return faultOutcome(faults.queryParse(err.message));
    throw err;
  }
}

export const resolveEntity = (segment: string): EntityName | undefined => entityByName(segment);
