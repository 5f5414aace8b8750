/**
 * What the Entities table asks the background for (getRows, exportRows), written once as zod:
 * payloads.ts checks each message against these schemas, and the TypeScript types below are
 * inferred from them, so the check and the type cannot drift apart.
 */
import { z } from 'zod';
import { ENTITY_TYPE_IDS, SYNC_STATUS_IDS } from '@/lib/entities';

const filters = z
  .object({
    types: z.array(z.enum(ENTITY_TYPE_IDS)).max(ENTITY_TYPE_IDS.length).optional(),
    statuses: z.array(z.enum(SYNC_STATUS_IDS)).max(SYNC_STATUS_IDS.length).optional(),
    search: z.string().max(200).optional(),
  })
  .strict();

const sort = z
  .object({ field: z.enum(['type', 'csoId', 'name', 'qboId', 'issue', 'status']), dir: z.enum(['asc', 'desc']) })
  .strict();

/** Which rows, in which order. */
const view = { sort: sort.optional(), filters: filters.optional() };

/** Every matching row (exportRows). */
export const panelRowExportQuery = z.object(view).strict();

/** One page of them (getRows); `page` counts from 0. */
export const panelRowQuery = z
  .object({ page: z.number().int().min(0), pageSize: z.number().int().min(1).max(500), ...view })
  .strict();

export type PanelRowQuery = z.infer<typeof panelRowQuery>;
export type PanelRowExportQuery = z.infer<typeof panelRowExportQuery>;
export type PanelSortField = z.infer<typeof sort>['field'];
