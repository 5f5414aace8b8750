// What the store holds per record and how it answers a write, apart from the store itself so the
// rule modules can name them without importing the store.
import type { Segment } from './entity-specs';
import type { FieldErrors, Values } from './validate';

export interface StoredRecord {
  id: string;
  companyId: string;
  segment: Segment;
  values: Values;
  version: number;
  updatedAtMs: number;
  seq: number;
  deleted: boolean;
}

export interface StoreError {
  status: number;
  code: string;
  message: string;
  fields?: FieldErrors;
  existingId?: string;
}

export type StoreResult = { ok: true; record: StoredRecord } | { ok: false; error: StoreError };

/** The contract's 422: which fields are wrong, each with why (CONTRACT.md, "Field rules"). */
export function invalidFields(fields: FieldErrors): { ok: false; error: StoreError } {
  return {
    ok: false,
    error: { status: 422, code: 'validation_failed', message: 'Some fields are not valid.', fields },
  };
}
