/**
 * The user's settings: what the options page edits and the background obeys. Parsed with zod on
 * every read, so a value damaged in storage falls back to defaults instead of breaking the worker.
 */
import { z } from 'zod';
import { ENTITY_TYPE_IDS } from '@/lib/entities';
import { CONFLICT_POLICY_NAMES, type ConflictPolicyName } from '@/lib/sync/policy';

export const ENVIRONMENTS = ['production', 'sandbox', 'custom'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const ENVIRONMENT_LABELS: Readonly<Record<Environment, string>> = {
  production: 'QuickBooks Online (production)',
  sandbox: 'Intuit developer sandbox',
  custom: 'Custom base URLs',
};

// The policy ids are the engine's (lib/sync/policy.ts): one list, so a setting always names a policy.
export { CONFLICT_POLICY_NAMES };

export const CONFLICT_POLICY_LABELS: Readonly<Record<ConflictPolicyName, string>> = {
  report: 'Report the conflict and let me choose',
  csoWins: 'CStoreOffice wins',
  qboWins: 'QuickBooks wins',
  newestWins: 'The most recent change wins',
};

/** Plain http:// only to this computer (a broker or sandbox run for development). */
const LOOPBACK_HTTP = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/i;

// Tokens travel to these URLs: https:// only, so a refresh token never crosses a network in clear.
// `optional`: an empty value is allowed (the custom QuickBooks URL when another environment is used).
const tokenUrl = (optional = false) =>
  z
    .string()
    .trim()
    .refine(
      (value) => (optional && value === '') || URL.canParse(value),
      'Enter a full URL, such as https://broker.example.com',
    )
    .refine(
      (value) =>
        (optional && value === '') || !URL.canParse(value) || /^https:\/\//i.test(value) || LOOPBACK_HTTP.test(value),
      'Use https://: QuickBooks tokens travel to this address. Plain http:// is accepted only for this computer (127.0.0.1 or localhost).',
    )
    .transform((value) => value.replace(/\/+$/, ''));

// The fields a company's own settings share with the options (company-settings.ts): one rule each.
/** Minutes between automatic syncs; 0 turns automatic sync off. */
export const autoSyncMinutesSchema = z
  .number()
  .int()
  .min(0)
  .max(24 * 60)
  .refine((minutes) => minutes === 0 || minutes >= 5, 'Automatic sync runs at most every 5 minutes (or choose Off)');
export const conflictPolicySchema = z.enum(CONFLICT_POLICY_NAMES);
/** Name of the QBO income account a data type's item uses when its credit account is not linked. */
export const defaultIncomeAccountSchema = z.string().trim().max(100);

export const SettingsSchema = z
  .object({
    brokerUrl: tokenUrl(),
    environment: z.enum(ENVIRONMENTS),
    /** One origin serving QBO's API, OAuth and web pages at Intuit's paths (our sandbox does). */
    customQboUrl: tokenUrl(true),
    autoSyncMinutes: autoSyncMinutesSchema,
    conflictPolicy: conflictPolicySchema,
    defaultIncomeAccount: defaultIncomeAccountSchema,
    enabledTypes: z.array(z.enum(ENTITY_TYPE_IDS)).min(1, 'Choose at least one kind of entity to synchronize'),
  })
  .refine((s) => s.environment !== 'custom' || s.customQboUrl !== '', {
    message: 'Enter the QuickBooks base URL for the custom environment',
    path: ['customQboUrl'],
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
  return result.success ? { ok: true, settings: result.data } : { ok: false, errors: errorsByField(result.error) };
}

/** The first message for each top-level field ('form' for the whole), as the forms show them. */
export function errorsByField(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message;
  }
  return errors;
}
