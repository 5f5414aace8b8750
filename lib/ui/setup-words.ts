/** The first-sync setup's summary in words, one line per type and side. */
import type { CreatesView, SetupPreview } from '@/lib/messaging/setup-preview';

export interface SetupLine {
  typeId: string;
  typeLabel: string;
  toQbo: string;
  toCso: string;
  links: string;
}

/** "3: Acme, Beta, Cobalt" or "12: Acme, Beta, and 10 more"; "none" when there is nothing. */
function createsWords(view: CreatesView): string {
  if (view.count === 0) return 'none';
  const more = view.count - view.names.length;
  return `${view.count}: ${view.names.join(', ')}${more > 0 ? `, and ${more} more` : ''}`;
}

export function setupLines(preview: SetupPreview): SetupLine[] {
  return preview.byType.map((t) => ({
    typeId: t.typeId,
    typeLabel: t.typeLabel,
    toQbo: createsWords(t.toQbo),
    toCso: createsWords(t.toCso),
    links: t.links === 0 ? 'none' : String(t.links),
  }));
}
