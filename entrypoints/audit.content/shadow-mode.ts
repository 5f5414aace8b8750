import { browser } from '#imports';

/**
 * The manager's shadow roots are closed: no script of CStoreOffice's page can read them or reach
 * the components inside. End-to-end tests and the demo's journey drive the UI with Playwright,
 * which cannot see into a closed root, so test and development builds open them unless a spec
 * stores `closed` under this key first (the security spec does, to check what a page script sees).
 * In a production build the branch is compiled away, with the key: nothing can open them.
 */
export const E2E_SHADOW_MODE_KEY = 'e2e:shadowMode';

export async function shadowMode(): Promise<ShadowRootMode> {
  if (import.meta.env.MODE === 'production') return 'closed';
  const stored = await browser.storage.local.get(E2E_SHADOW_MODE_KEY);
  return stored[E2E_SHADOW_MODE_KEY] === 'closed' ? 'closed' : 'open';
}
