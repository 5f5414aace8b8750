/**
 * Where PrimeVue overlays (Popover, Menu) are teleported to inside the manager's shadow root. Their
 * default, `body`, is the CStoreOffice page's body: outside the shadow root, unstyled, and under the
 * page's stacking contexts. The manager provides a layer element of its own; components inject it.
 */
import { type ComputedRef, type InjectionKey, type Ref, computed, inject, ref } from 'vue';

export const OVERLAY_TARGET: InjectionKey<Ref<HTMLElement | null>> = Symbol('qsm-overlay-target');

/** The element to pass as `append-to`; 'self' (render in place) until the layer exists. */
export function useOverlayTarget(): ComputedRef<HTMLElement | 'self'> {
  const layer = inject(OVERLAY_TARGET, ref(null));
  return computed(() => layer.value ?? 'self');
}
