/**
 * Bodies of QBO writes, built as plain data so a batch and a single call send the same thing.
 * Updates are sparse (only the fields given change). Some lists' sparse updates (Account, Class:
 * their modules' `qbo.updateRepeatsName`) must repeat `Name` or QBO answers 2020 "Required param missing".
 */
import { ENTITY_MODULES } from '../entities';
import { stripDeletedSuffix } from './deleted-suffix';
import type { QboRecordEntity } from './records';
import type { QboEntity } from './schemas';

export const NAME_REQUIRED_ON_UPDATE: ReadonlySet<QboEntity> = new Set(
  ENTITY_MODULES.filter((m) => m.qbo.updateRepeatsName).map((m) => m.qbo.entity),
);

/** The record as last read from QBO: enough to address it and repeat its name. */
export interface CurrentRecord {
  Id: string;
  SyncToken: string;
  Name?: string;
  Active?: boolean;
}

export { stripDeletedSuffix } from './deleted-suffix';

/** The lower-case URL segment of an entity (`/v3/company/{realm}/account`). */
export function entityPath(entity: QboRecordEntity | 'CompanyInfo'): string {
  return entity.toLowerCase();
}

export function sparseUpdateBody(
  entity: QboEntity,
  current: CurrentRecord,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const body: Record<string, unknown> = { ...patch, Id: current.Id, SyncToken: current.SyncToken, sparse: true };
  if (NAME_REQUIRED_ON_UPDATE.has(entity) && body.Name === undefined && current.Name !== undefined)
    body.Name = current.Name;
  return body;
}

export function deactivateBody(entity: QboEntity, current: CurrentRecord): Record<string, unknown> {
  return sparseUpdateBody(entity, current, { Active: false });
}

/**
 * Reactivation repeats the name without QBO's " (deleted)" suffix, so the record comes back under
 * the name it had (for an Account the suffix is part of the stored Name while inactive).
 */
export function reactivateBody(entity: QboEntity, current: CurrentRecord): Record<string, unknown> {
  const patch: Record<string, unknown> = { Active: true };
  if (NAME_REQUIRED_ON_UPDATE.has(entity) && current.Name !== undefined) patch.Name = stripDeletedSuffix(current.Name);
  return sparseUpdateBody(entity, current, patch);
}

/**
 * A transaction's update is a FULL body, never sparse. A sparse `Line` replaces every line anyway,
 * so sparse saves nothing there; and the posting engine always has the whole transaction it wants
 * QBO to hold, so a full body also clears what it no longer sends (a dropped ClassRef, DepartmentRef
 * or PrivateNote), which a sparse update would silently keep. A stray `sparse: true` is removed.
 */
export function fullUpdateBody(current: CurrentRecord, body: Record<string, unknown>): Record<string, unknown> {
  const { sparse: _sparse, ...rest } = body;
  return { ...rest, Id: current.Id, SyncToken: current.SyncToken };
}

/** `?operation=delete` takes just the address and the SyncToken (in a batch: `operation: "delete"`). */
export function deleteBody(current: CurrentRecord): Record<string, unknown> {
  return { Id: current.Id, SyncToken: current.SyncToken };
}
