import { createApp } from 'vue';
import { type ContentScriptContext, type ShadowRootContentScriptUi, createShadowRootUi } from '#imports';
import SyncManager from '@/components/panel/SyncManager.vue';
import type { PanelState } from '@/lib/ui/panel-state';
import { mountShadowApp } from './shadow-app';

// Above CStoreOffice's header and ExtJS windows (ExtJS counts z-index up from 19000).
const MANAGER_Z_INDEX = 2147483000;

/**
 * The manager as a modal shadow-root UI: a full-screen fixed host appended to <body>, outside every
 * stacking context of the page, so nothing of CStoreOffice's can sit above its mask. It is created
 * once (its CSS is fetched then) and mounted only while open.
 */
export function createManagerUi(ctx: ContentScriptContext, state: PanelState, onClose: () => void) {
  let ui: ShadowRootContentScriptUi<() => void> | null = null;
  let pending: Promise<void> | null = null;
  let shown = false;

  async function open() {
    shown = true;
    pending ??= createShadowRootUi(ctx, {
      name: 'qbo-sync-manager-dialog',
      position: 'modal',
      zIndex: MANAGER_Z_INDEX,
      onMount: (container, shadow) => mountShadowApp(container, shadow, createApp(SyncManager, { state, onClose })),
      onRemove: (unmount) => unmount?.(),
    }).then((created) => {
      ui = created;
    });
    await pending;
    // The manager may have been closed while its CSS was loading.
    if (shown && ui && !ui.mounted) ui.mount();
  }

  function close() {
    shown = false;
    if (ui?.mounted) ui.remove();
  }

  return { open, close };
}
