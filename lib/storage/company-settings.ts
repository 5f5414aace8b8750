/**
 * One connection's own settings: which way each type travels, the conflict policy, the default
 * income account and the automatic sync schedule, plus when the user confirmed its first-sync setup.
 *
 * A connection is one CStoreOffice company ↔ one QBO realm, so what is stored remembers the realm
 * it was chosen for: connecting the company to another realm starts again from the options'
 * values with the setup unconfirmed. Clear Sync History leaves it alone (it clears sync state, not
 * choices), and so does Disconnect: reconnecting the same realm finds them again. A connection that never saved its own values follows the options page live; choosing
 * "Use the options' defaults" goes back to that without forgetting the setup's confirmation.
 */
import { z } from 'zod';
import { ENTITY_TYPE_IDS, type EntityTypeId } from '@/lib/entities';
import { DIRECTIONS, type Direction } from '@/lib/sync/directions';
import {
  type Settings,
  autoSyncMinutesSchema,
  conflictPolicySchema,
  defaultIncomeAccountSchema,
  errorsByField,
} from './settings';

// With an enum for keys, zod requires every type: a stored value missing one is damaged, not partial.
const directionsSchema = z
  .record(z.enum(ENTITY_TYPE_IDS), z.enum(DIRECTIONS))
  .refine(
    (directions) => Object.values(directions).some((d) => d !== 'off'),
    'Choose at least one kind of entity to synchronize',
  );

/** What the user edits for one company (the background stamps the setup's confirmation itself). */
export const CompanySettingsInputSchema = z.object({
  directions: directionsSchema,
  conflictPolicy: conflictPolicySchema,
  defaultIncomeAccount: defaultIncomeAccountSchema,
  autoSyncMinutes: autoSyncMinutesSchema,
  /**
   * The QuickBooks account (by name) that takes a posted amount whose own account is not in
   * QuickBooks; empty, the default: none, and such a document is held instead. Settings saved before
   * it existed read as none.
   */
  suspenseAccount: z.string().trim().max(100).default(''),
});

export type CompanySettingsInput = z.infer<typeof CompanySettingsInputSchema>;

export interface CompanySettings extends CompanySettingsInput {
  /** When the user confirmed this connection's first-sync setup; automatic syncs wait for it. */
  setupConfirmedAt: string | null;
}

/** One connection's stored entry; `own` is null while it follows the options page. */
const StoredCompanySettingsSchema = z.object({
  realmId: z.string().min(1),
  own: CompanySettingsInputSchema.nullable(),
  setupConfirmedAt: z.string().nullable(),
});

export type StoredCompanySettings = z.infer<typeof StoredCompanySettingsSchema>;

/** The options page's values as a company's: a type left unchecked there is off. */
export function companyDefaults(settings: Settings): CompanySettingsInput {
  const enabled = new Set(settings.enabledTypes);
  return {
    directions: Object.fromEntries(ENTITY_TYPE_IDS.map((id) => [id, enabled.has(id) ? 'both' : 'off'])) as Record<
      EntityTypeId,
      Direction
    >,
    conflictPolicy: settings.conflictPolicy,
    defaultIncomeAccount: settings.defaultIncomeAccount,
    autoSyncMinutes: settings.autoSyncMinutes,
    suspenseAccount: '',
  };
}

/** The types a company synchronizes at all: those not turned off, in the catalog's order. */
export function enabledTypesOf(directions: CompanySettingsInput['directions']): EntityTypeId[] {
  return ENTITY_TYPE_IDS.filter((id) => directions[id] !== 'off');
}

/**
 * A connection's settings from its stored entry (anything at all: storage can hold a damaged
 * value) and the options. An entry made for another realm, or that does not parse, is not used.
 */
export function resolveCompanySettings(
  stored: unknown,
  realmId: string | null,
  options: Settings,
): { settings: CompanySettings; isDefault: boolean } {
  const parsed = StoredCompanySettingsSchema.safeParse(stored);
  const entry = parsed.success && realmId !== null && parsed.data.realmId === realmId ? parsed.data : null;
  return {
    settings: { ...(entry?.own ?? companyDefaults(options)), setupConfirmedAt: entry?.setupConfirmedAt ?? null },
    isDefault: !entry?.own,
  };
}

export type CompanySettingsCheck =
  | { ok: true; settings: CompanySettingsInput }
  | { ok: false; errors: Record<string, string> };

/** Validates the company settings form; errors are keyed by field, as the options page's are. */
export function checkCompanySettings(input: unknown): CompanySettingsCheck {
  const result = CompanySettingsInputSchema.safeParse(input);
  return result.success ? { ok: true, settings: result.data } : { ok: false, errors: errorsByField(result.error) };
}
