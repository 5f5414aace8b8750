/**
 * Every storage item the extension keeps, declared once with its fallback and version.
 */
import { storage } from '#imports';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from './settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Reads the settings, repairing a damaged stored value with the defaults. */
export async function readSettings(): Promise<Settings> {
  const parsed = SettingsSchema.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
