/**
 * The user's settings: what the options page edits and the background obeys. Parsed with zod on
 * every read, so a value damaged in storage falls back to defaults instead of breaking the worker.
 */
import { z } from 'zod';
import { ENTITY_TYPE_IDS } from '@/lib/entities';

export const ENVIRONMENTS = ['production', 'sandbox', 'custom'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const ENVIRONMENT_LABELS: Readonly<Record<Environment, string>> = {
  production: 'QuickBooks Online (production)',
  sandbox: 'Intuit developer sandbox',
  custom: 'Custom base URLs',
};

export const CONFLICT_POLICIES = ['report', 'csoWins', 'qboWins', 'newestWins'] as const;
export type ConflictPolicyId = (typeof CONFLICT_POLICIES)[number];

export const CONFLICT_POLICY_LABELS: Readonly<Record<ConflictPolicyId, string>> = {
  report: 'Report the conflict and let me choose',
  csoWins: 'CStoreOffice wins',
  qboWins: 'QuickBooks wins',
  newestWins: 'The most recent change wins',
};

const httpUrl = z
  .string()
  .trim()
  .url('Enter a full URL, such as https://broker.example.com')
  .refine((value) => /^https?:\/\//.test(value), 'The URL must start with http:// or https://')
  .transform((value) => value.replace(/\/+$/, ''));

export const SettingsSchema = z
  .object({
    brokerUrl: httpUrl,
    environment: z.enum(ENVIRONMENTS),
    /** One origin serving QBO's API, OAuth and web pages at Intuit's paths (our sandbox does). */
    customQboUrl: httpUrl.or(z.literal('')),
    /** Minutes between automatic syncs; 0 turns automatic sync off. */
    autoSyncMinutes: z.number().int().min(0).max(24 * 60),
    conflictPolicy: z.enum(CONFLICT_POLICIES),
    /** Name of the QBO income account a data type's item uses when its credit account is not linked. */
    defaultIncomeAccount: z.string().trim().max(100),
    enabledTypes: z.array(z.enum(ENTITY_TYPE_IDS)).min(1, 'Choose at least one kind of entity to synchronize'),
  })
  .refine((s) => s.environment !== 'custom' || s.customQboUrl !== '', {
    message: 'Enter the QuickBooks base URL for the custom environment',
    path: ['customQboUrl'],
  })
  .refine((s) => s.autoSyncMinutes === 0 || s.autoSyncMinutes >= 5, {
    message: 'Automatic sync runs at most every 5 minutes (or choose Off)',
    path: ['autoSyncMinutes'],
  });

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  brokerUrl: 'http://127.0.0.1:8730',
  environment: 'production',
  customQboUrl: '',
  autoSyncMinutes: 15,
  conflictPolicy: 'report',
  defaultIncomeAccount: 'Sales',
  enabledTypes: [...ENTITY_TYPE_IDS],
};

export type SettingsCheck = { ok: true; settings: Settings } | { ok: false; errors: Record<string, string> };

/** Validates a settings form; errors are keyed by field so the form can show each beside its input. */
export function checkSettings(input: unknown): SettingsCheck {
  const result = SettingsSchema.safeParse(input);
  if (result.success) return { ok: true, settings: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}
