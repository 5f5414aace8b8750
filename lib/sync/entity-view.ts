/** What the engine shows of the company's entities to posting: its CStoreOffice records and their links. */
import type { EntityTypeId } from '../entities';
import type { AnyRecord } from './types';

export interface EntityView {
  records(type: EntityTypeId): Iterable<AnyRecord>;
  /** The QuickBooks id the record is linked to; null while it is not (yet). */
  qboIdOf(type: EntityTypeId, csoId: string): string | null;
  /** The active QuickBooks account of that name (any case), as last read; null when there is none. */
  qboAccountNamed(name: string): { qboId: string; name: string } | null;
}
