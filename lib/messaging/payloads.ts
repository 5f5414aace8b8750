/**
 * The zod schema of every message's data. A message whose data fails its schema is refused with a
 * clear error before any handler runs, so it can change nothing.
 */
import { z } from 'zod';
import { ENTITY_TYPE_IDS } from '@/lib/entities';
import { DIRECTIONS } from '@/lib/sync/directions';
import { type ProtocolMap, USER_NAME_MAX } from './protocol';
import { panelRowExportQuery, panelRowQuery } from './row-query-schema';

const companyId = z
  .string()
  .trim()
  .min(1, 'companyId is required')
  .max(64)
  .regex(/^[\w.-]+$/, 'companyId has unexpected characters');
const origin = z
  .string()
  .regex(/^https?:\/\/[^/\s]+$/, 'origin must be an http(s) origin such as https://03.cstoreoffice.com');
const target = { companyId, origin: origin.optional() };
const rowKey = z.string().min(1).max(200);
const user = z
  .string()
  .trim()
  .min(1)
  .max(USER_NAME_MAX)
  .regex(/^\P{Cc}*$/u, 'user must be one line of text');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date must read YYYY-MM-DD');

export const PAYLOADS = {
  getOverview: z.undefined(),
  getCompany: z
    .object({ companyId, companyName: z.string().trim().min(1, 'companyName is required').max(200) })
    .strict(),
  connect: z.object(target).strict(),
  disconnect: z.object(target).strict(),
  getRows: z.object({ ...target, query: panelRowQuery }).strict(),
  exportRows: z.object({ ...target, query: panelRowExportQuery }).strict(),
  preview: z.object(target).strict(),
  synchronize: z
    .object({
      ...target,
      selection: z.array(rowKey).max(50_000).optional(),
      user: user.optional(),
      confirmDeletions: z.array(rowKey).max(50_000).optional(),
      confirmCreates: z.boolean().optional(),
    })
    .strict(),
  runAction: z
    .object({
      ...target,
      action: z.enum([
        'removeLink',
        'ignoreIssues',
        'clearSyncHistory',
        'reconnect',
        'linkNearMatch',
        'keepCso',
        'keepQbo',
      ]),
      rowKeys: z.array(rowKey).max(50_000),
    })
    .strict(),
  getHistory: z
    .object({ ...target, page: z.number().int().min(0), pageSize: z.number().int().min(1).max(200) })
    .strict(),
  exportHistory: z.object(target).strict(),
  undoRun: z.object({ ...target, runId: z.string().min(1).max(100), user: user.optional() }).strict(),
  // The settings' fields are checked by the handler, which answers with an error per field for the form.
  saveCompanySettings: z
    .object({
      ...target,
      settings: z.record(z.string(), z.unknown()).nullable(),
      confirmSetup: z.boolean().optional(),
    })
    .strict(),
  getCompanySettings: z.object(target).strict(),
  // Types left out go the way the company's saved settings say.
  previewSetup: z
    .object({ ...target, directions: z.partialRecord(z.enum(ENTITY_TYPE_IDS), z.enum(DIRECTIONS)) })
    .strict(),
  getTransactions: z.object(target).strict(),
  previewTransactions: z.object(target).strict(),
  synchronizeTransactions: z
    .object({ ...target, selection: z.array(rowKey).max(50_000).optional(), user: user.optional() })
    .strict(),
  ignoreTransactionIssues: z.object({ ...target, rowKeys: z.array(rowKey).min(1).max(50_000) }).strict(),
  tieOutTransactions: z
    .object({ ...target, from: isoDate, to: isoDate })
    .strict()
    .refine((p) => p.from <= p.to, { message: 'from must not be after to', path: ['to'] }),
  openOptions: z.undefined(),
} as const satisfies Record<keyof ProtocolMap, z.ZodType>;
