/**
 * The zod schema of every message's data. A message whose data fails its schema is refused with a
 * clear error before any handler runs, so it can change nothing.
 */
import { z } from 'zod';
import type { ProtocolMap } from './protocol';

const companyId = z.string().trim().min(1, 'companyId is required').max(64).regex(/^[\w.-]+$/, 'companyId has unexpected characters');

export const PAYLOADS = {
  getOverview: z.undefined(),
  getCompany: z.object({
    companyId,
    companyName: z.string().trim().min(1, 'companyName is required').max(200),
  }).strict(),
} as const satisfies Record<keyof ProtocolMap, z.ZodType>;
