/**
 * The first-sync setup: the directions being chosen for each type, and what the first run would
 * create with them. Each change asks the background for a fresh summary (planned with the choices,
 * not saved), so what the setup says is what the run does; confirming saves the choices for this
 * company with the setup's confirmation, then runs that first Synchronize.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { EntityTypeId } from '@/lib/entities';
import { sendMessage } from '@/lib/messaging/protocol';
import type { SetupPreview } from '@/lib/messaging/setup-preview';
import type { Direction } from '@/lib/sync/directions';
import { errorText } from '@/lib/ui/labels';
import { useCompanySettingsStore } from './company-settings-store';
import { useCompanyStore } from './company-store';
import { useRunStore } from './run-store';

export type DirectionChoices = Record<EntityTypeId, Direction>;

export const useSetupStore = defineStore('firstSyncSetup', () => {
  const directions = ref<DirectionChoices | null>(null);
  const preview = ref<SetupPreview | null>(null);
  const previewing = ref(false);
  const error = ref<string | null>(null);
  const confirming = ref(false);
  /** "Not now": hidden until the manager opens again (or the Settings tab asks for it). */
  const dismissed = ref(false);
  /** Asked for again from the Settings tab, after it was confirmed or put off. */
  const reopened = ref(false);

  // Answers can overtake each other when directions change quickly: keep the newest.
  let seq = 0;
  async function loadPreview() {
    const target = useCompanyStore().target;
    if (!target || !directions.value) return;
    const mine = ++seq;
    previewing.value = true;
    try {
      const reply = await sendMessage('previewSetup', { ...target, directions: { ...directions.value } });
      if (mine !== seq) return;
      preview.value = reply;
      error.value = null;
    } catch (e) {
      if (mine === seq) error.value = errorText(e);
    } finally {
      if (mine === seq) previewing.value = false;
    }
  }

  /** Starts from the company's saved directions (the options' defaults until it has its own). */
  async function start() {
    const settings = useCompanySettingsStore();
    if (!settings.form) await settings.load();
    if (!settings.form) return;
    directions.value = { ...settings.form.directions };
    await loadPreview();
  }

  function choose(next: DirectionChoices) {
    directions.value = next;
    // The summary said before no longer holds: it is not offered for confirmation until asked again.
    preview.value = null;
    void loadPreview();
  }

  /** Saves the choices with the setup's confirmation, then runs the first Synchronize. */
  async function confirm(): Promise<boolean> {
    const settings = useCompanySettingsStore();
    if (!settings.form || !directions.value || !preview.value) return false;
    confirming.value = true;
    try {
      settings.form = { ...settings.form, directions: { ...directions.value } };
      if (!(await settings.save('own', { confirmSetup: true }))) {
        error.value = Object.values(settings.errors).join(' ') || 'The choices could not be saved.';
        return false;
      }
      reopened.value = false;
      // What the setup listed, creates in CStoreOffice included, is what the user confirmed.
      await useRunStore().synchronize(undefined, { creates: true });
      return true;
    } finally {
      confirming.value = false;
    }
  }

  return { directions, preview, previewing, error, confirming, dismissed, reopened, start, choose, confirm };
});
