// zod schemas for a company's QuickBooks sync state and run history (CONTRACT.md v1.3, "Sync state",
// "Run history"). Parsed at the edge, in qbo-sync-client.ts.
import { z } from 'zod';
import { ENTITY_TYPE_IDS, type EntityTypeId } from '../entities';

const timestamp = z.iso.datetime({ offset: true });
const type = z.custom<EntityTypeId>(
  (v) => typeof v === 'string' && (ENTITY_TYPE_IDS as readonly string[]).includes(v),
  'not an entity type id',
);
const id = z.string().min(1);

const CsoIgnore = z.object({
  type,
  side: z.enum(['cso', 'qbo']),
  id,
  csoHash: z.string().nullable(),
  qboHash: z.string().nullable(),
  at: timestamp,
});
const CsoManualLink = z.object({ type, id, qboId: id, at: timestamp });
const CsoResolution = z.object({ type, id, keep: z.enum(['cso', 'qbo', 'merge']), at: timestamp });

export const CsoSyncState = z.object({
  realmId: z.string().min(1).nullable(),
  version: z.number().int().nonnegative(),
  updatedAt: timestamp.nullable().optional(),
  ignores: z.array(CsoIgnore),
  manualLinks: z.array(CsoManualLink),
  // Optional in the contract's answer shape; none sent means none kept.
  resolutions: z
    .array(CsoResolution)
    .optional()
    .transform((v) => v ?? []),
});
export type CsoSyncState = z.infer<typeof CsoSyncState>;
export type CsoIgnore = z.infer<typeof CsoIgnore>;
export type CsoManualLink = z.infer<typeof CsoManualLink>;
export type CsoResolution = z.infer<typeof CsoResolution>;

/** A PATCH of the sync state: only the keys sent change; `realmId: null` unbinds (Clear Sync History). */
export interface CsoSyncStatePatch {
  realmId?: string | null;
  ignores?: CsoIgnore[];
  manualLinks?: CsoManualLink[];
  resolutions?: CsoResolution[];
}

const CSO_RUN_OUTCOMES = ['succeeded', 'partial', 'failed', 'cancelled'] as const;
export const CsoRun = z.object({
  id,
  startedAt: timestamp,
  finishedAt: timestamp,
  outcome: z.enum(CSO_RUN_OUTCOMES),
  message: z.string().nullable(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  by: z.string().nullable(),
});
export type CsoRun = z.infer<typeof CsoRun>;
export type CsoRunInput = Omit<CsoRun, 'id'>;

export const CsoRunPage = z.object({
  items: z.array(CsoRun),
  nextCursor: z.string().min(1).nullable(),
  total: z.number().int().nonnegative(),
});
export type CsoRunPage = z.infer<typeof CsoRunPage>;
