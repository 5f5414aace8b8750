/**
 * This company's own settings as the manager edits them: loaded from the background, edited in a
 * copy, saved (or returned to the options page's values) in one message. The first-sync setup
 * saves through it too, with `confirmSetup`.
 */
import { defineStore } from 'pinia';
import { ref, toRaw } from 'vue';
import { type CompanySettingsInput, type CompanySettingsReply, sendMessage } from '@/lib/messaging/protocol';
import { errorText } from '@/lib/ui/labels';
import { useCompanyStore } from './company-store';

export const useCompanySettingsStore = defineStore('companySettings', () => {
  /** What the background answered last. */
  const current = ref<CompanySettingsReply | null>(null);
  /** The form's values; saved only by save(). */
  const form = ref<CompanySettingsInput | null>(null);
  const errors = ref<Record<string, string>>({});
  const loadError = ref<string | null>(null);
  const saving = ref(false);
  /** Set after a save, cleared by the next edit or load: the view says "saved". */
  const saved = ref(false);

  function accept(reply: CompanySettingsReply) {
    current.value = reply;
    const { setupConfirmedAt: _confirmed, ...editable } = reply.settings;
    form.value = structuredClone(editable);
  }

  let seq = 0;
  async function load() {
    const target = useCompanyStore().target;
    if (!target) return;
    const mine = ++seq;
    // Another company's values are never shown while this one's are on their way.
    current.value = null;
    form.value = null;
    saved.value = false;
    errors.value = {};
    try {
      const reply = await sendMessage('getCompanySettings', target);
      if (mine !== seq) return;
      accept(reply);
      loadError.value = null;
    } catch (e) {
      if (mine === seq) loadError.value = errorText(e);
    }
  }

  /** Saves the form (`own`), or goes back to the options page's values (`defaults`). True when saved. */
  async function save(what: 'own' | 'defaults' = 'own', opts: { confirmSetup?: boolean } = {}): Promise<boolean> {
    const target = useCompanyStore().target;
    if (!target || (what === 'own' && !form.value)) return false;
    const mine = ++seq;
    saving.value = true;
    saved.value = false;
    try {
      const reply = await sendMessage('saveCompanySettings', {
        ...target,
        // A plain copy: messages are cloned, and a reactive proxy cannot be.
        settings: what === 'own' && form.value ? structuredClone(toRaw(form.value)) : null,
        ...(opts.confirmSetup ? { confirmSetup: true } : {}),
      });
      if (mine !== seq) return false;
      if (!reply.ok) {
        errors.value = reply.errors;
        return false;
      }
      errors.value = {};
      accept(reply);
      saved.value = true;
      return true;
    } catch (e) {
      if (mine === seq) errors.value = { form: errorText(e) };
      return false;
    } finally {
      if (mine === seq) saving.value = false;
    }
  }

  return { current, form, errors, loadError, saving, saved, load, save };
});
