import { createApp } from 'vue';
import { type ContentScriptContext, type ShadowRootContentScriptUi, createShadowRootUi } from '#imports';
import SyncManager from '@/components/panel/SyncManager.vue';
import type { PanelState } from '@/lib/ui/panel-state';
import { mountShadowApp } from './shadow-app';
import { shadowMode } from './shadow-mode';

// Above CStoreOffice's header and ExtJS windows (ExtJS counts z-index up from 19000).
const MANAGER_Z_INDEX = 2147483000;

/**
 * The manager as a modal shadow-root UI: a full-screen fixed host appended to <body>, outside every
 * stacking context of the page, so nothing of CStoreOffice's can sit above its mask. `prepare`
 * (at idle time once the Audit page is there, or on the first open) fetches its CSS and mounts its
 * app once; from then on the host is only put on the page while the manager is open and taken off
 * when it closes, so an opening does not pay for the app, PrimeVue's styles or the dialog's build.
 */
export function createManagerUi(ctx: ContentScriptContext, state: PanelState, onClose: () => void) {
  let ui: ShadowRootContentScriptUi<() => void> | null = null;
  let pending: Promise<void> | null = null;

  function place() {
    if (!ui) return;
    if (!state.open) ui.shadowHost.remove();
    else if (!ui.shadowHost.isConnected) document.body.append(ui.shadowHost);
  }

  function prepare(): Promise<void> {
    pending ??= shadowMode()
      .then((mode) =>
        createShadowRootUi(ctx, {
          name: 'qbo-sync-manager-dialog',
          mode,
          position: 'modal',
          zIndex: MANAGER_Z_INDEX,
          // Mounted off the page; place() puts it on the page while the manager is open.
          append: () => {},
          onMount: (container, shadow) => mountShadowApp(container, shadow, createApp(SyncManager, { state, onClose })),
          onRemove: (unmount) => unmount?.(),
        }),
      )
      .then((created) => {
        ui = created;
        ui.mount();
        // The manager may have been opened, or closed again, while its CSS was loading.
        place();
      });
    return pending;
  }

  /** Follows `state.open`: shows or hides the manager, preparing it first if need be. */
  function sync() {
    place();
    if (state.open) void prepare();
  }

  return { prepare, sync };
}
