import type { App } from 'vue';
import { mirrorPrimeVueStyles } from '@/lib/ui/mirror-primevue-styles';
import { setupApp } from '@/lib/ui/setup-app';

/**
 * Mounts a Vue app in a shadow root with our plugins, PrimeVue's theme mirrored into that root
 * (PrimeVue only writes to the page's head). Returns the function that undoes both.
 */
export function mountShadowApp(container: HTMLElement, shadow: ShadowRoot, app: App): () => void {
  const stopMirror = mirrorPrimeVueStyles(shadow);
  setupApp(app).mount(container);
  return () => {
    app.unmount();
    stopMirror();
  };
}
