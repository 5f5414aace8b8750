/** Accessibility checks the e2e specs share. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Waits until no CSS animation or transition runs in the page or its open shadow roots. A message
 * still fading in has a lower contrast than the one a user reads, and axe would report it.
 */
async function animationsSettled(page: Page) {
  await page.waitForFunction(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    return roots.every((root) => root.getAnimations().every((a) => a.playState !== 'running'));
  });
}

/** Serious and critical axe violations inside `include` (or the whole page), as `id: targets`. */
export async function seriousViolations(page: Page, include?: string) {
  await animationsSettled(page);
  const builder = new AxeBuilder({ page });
  const result = await (include ? builder.include(include) : builder).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
