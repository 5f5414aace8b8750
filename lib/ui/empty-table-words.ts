/**
 * What an empty Entities table says. "No entities match the filters" only when a filter or search
 * is set; otherwise the words tell why there is nothing to list, so an empty table never suggests
 * that the companies hold nothing when they simply were not read yet.
 */
import type { ConnectionState, ReadState } from '@/lib/messaging/protocol';

export interface EmptyTableFacts {
  /** A type or status filter, or a search, is set. */
  filtered: boolean;
  /** null while the company's summary is still on its way. */
  connection: ConnectionState | null;
  readState: ReadState | null;
}

export function emptyTableWords(facts: EmptyTableFacts): string {
  if (facts.filtered) return 'No entities match the filters.';
  if (facts.connection === null) return 'Loading…';
  if (facts.readState === 'reading')
    return 'Reading CStoreOffice and QuickBooks: every entity is listed when the read ends.';
  if (facts.readState === 'read') return 'Neither company holds an entity of the types synchronized.';
  if (facts.connection === 'connected')
    return 'Nothing was read yet. Preview reads both companies and lists every entity.';
  return 'Nothing was read yet. Connect to QBO: the manager then reads both companies and lists every entity.';
}
