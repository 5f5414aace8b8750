/** A user's edit made directly in a service's UI: a write without an idempotency key. */
import type { RecordValues } from '../../lib/sync';

export type UserEdit<K extends string> =
  | { kind: 'create'; list: K; values: RecordValues }
  | { kind: 'update'; list: K; id: string; values: RecordValues; revision?: string }
  | { kind: 'deactivate'; list: K; id: string; revision?: string }
  | { kind: 'delete'; list: K; id: string; revision?: string };
