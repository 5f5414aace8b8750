/** Mounts the manager the way the content script does, against a fake background. */
import { type VueWrapper, flushPromises, mount } from '@vue/test-utils';
import { type App, reactive } from 'vue';
import SyncManager from '@/components/panel/SyncManager.vue';
import type { PanelState } from '@/lib/ui/panel-state';
import { setupApp } from '@/lib/ui/setup-app';

export async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) await flushPromises();
}

/** `open: false` mounts it the way the content script prepares it at idle time, before any open. */
export async function mountManager({ open = true } = {}): Promise<{ wrapper: VueWrapper; state: PanelState }> {
  const state = reactive<PanelState>({
    company: { companyId: '42', companyName: 'Speedy Stop LLC' },
    user: 'Pat Lee (pat@speedy.example)',
    open,
  });
  const wrapper = mount(SyncManager, {
    props: { state },
    attachTo: document.body,
    global: { plugins: [{ install: (app: App) => void setupApp(app) }] },
  });
  await settle();
  return { wrapper, state };
}

export function buttonByText(wrapper: VueWrapper, text: string) {
  return wrapper.findAll('button').find((b) => b.text().trim() === text);
}
