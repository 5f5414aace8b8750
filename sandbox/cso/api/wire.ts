// How records look on the wire (the contract's JSON), and the error envelope.
import type { ServerResponse } from 'node:http';
import { sendJson } from '../../common';
import { ENTITY_SPECS } from '../core/entity-specs';
import type { StoreError, StoredRecord } from '../core/store';

/** `withLink`: false while the sandbox plays a v1.2 server, whose records have no `qbo`. */
export function toWire(rec: StoredRecord, withLink = true): Record<string, unknown> {
  const updatedAt = new Date(rec.updatedAtMs).toISOString();
  if (rec.deleted) return { id: rec.id, deleted: true, updatedAt };
  const spec = ENTITY_SPECS[rec.segment];
  const out: Record<string, unknown> = { id: rec.id, name: rec.values.name, active: rec.values.active };
  if (spec.hierarchical) out.parentId = rec.values.parentId ?? null;
  for (const field of Object.keys(spec.fields)) out[field] = rec.values[field] ?? null;
  if (withLink) out.qbo = rec.values.qbo ?? null;
  out.version = rec.version;
  out.updatedAt = updatedAt;
  return out;
}

const etag = (rec: StoredRecord) => `"${rec.version}"`;

export function sendError(res: ServerResponse, error: StoreError, headers: Record<string, string> = {}): void {
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (error.fields) body.fields = error.fields;
  if (error.existingId) body.existingId = error.existingId;
  sendJson(res, error.status, { error: body }, headers, 'application/json; charset=utf-8');
}

export function sendRecord(
  res: ServerResponse,
  status: number,
  rec: StoredRecord,
  headers: Record<string, string> = {},
  withLink = true,
): void {
  sendJson(res, status, toWire(rec, withLink), { ETag: etag(rec), ...headers }, 'application/json; charset=utf-8');
}
