/**
 * How the CStoreOffice stand-in answers 200 and says less than the truth (a `lie` fault): a list
 * page with an item missing, an empty page that claims to be the last, or `nextCursor: null` before
 * the listing ends. `total` stays honest: it is what lets a careful client notice.
 */
import type { LieKind } from '../../common/faults';

export function csoLie(body: unknown, lie: LieKind): unknown {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { items?: unknown }).items)) return null;
  const page = body as { items: unknown[]; nextCursor: string | null };
  if (lie === 'emptyList')
    return page.items.length === 0 && page.nextCursor === null ? null : { ...page, items: [], nextCursor: null };
  if (lie === 'endEarly') {
    if (page.nextCursor !== null) return { ...page, nextCursor: null };
    return page.items.length > 1 ? { ...page, items: page.items.slice(0, Math.floor(page.items.length / 2)) } : null;
  }
  if (page.items.length === 0) return null;
  return { ...page, items: page.items.filter((_, i) => i !== Math.floor(page.items.length / 2)) };
}
