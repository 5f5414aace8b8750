/** What the first-sync setup shows: per type, what the first Synchronize would create on each side. */
import type { EntityTypeId } from '@/lib/entities';

/** Records to create on one side: how many, and the first names. */
export interface CreatesView {
  count: number;
  names: string[];
}

export interface SetupTypeView {
  typeId: EntityTypeId;
  typeLabel: string;
  /** Created in QuickBooks from CStoreOffice. */
  toQbo: CreatesView;
  /** Created in CStoreOffice from QuickBooks. */
  toCso: CreatesView;
  /** Pairs already named alike on both sides: linked, with any difference written. */
  links: number;
}

export interface SetupPreview {
  byType: SetupTypeView[];
  /** Records the run would create, both sides together. */
  creates: number;
}
