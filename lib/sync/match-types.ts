/** What matching by name answers: pairs, records without a counterpart, gone links and problems. */
import { type EntityTypeId } from '../entities';
import type { TwinReason } from './match-accounts';
import { type AnyRecord, type Link } from './types';

export interface Pair {
  typeId: EntityTypeId;
  cso: AnyRecord;
  qbo: AnyRecord;
  /** Null for a pair matched by name in this run (not yet linked). */
  link: Link | null;
}

/** A link whose record is gone (or, on the QBO side, possibly only deactivated: see diff). */
export interface GoneLink {
  link: Link;
  cso: AnyRecord | undefined;
  qbo: AnyRecord | undefined;
}

export interface Unpaired {
  typeId: EntityTypeId;
  record: AnyRecord;
  key: string;
}

export type MatchProblemCode = 'nearMatch' | 'ambiguous';

export interface OtherRecord {
  side: 'cso' | 'qbo';
  typeId: EntityTypeId;
  id: string;
  name: string;
  active: boolean;
}

export interface MatchProblem {
  typeId: EntityTypeId;
  side: 'cso' | 'qbo';
  record: AnyRecord;
  code: MatchProblemCode;
  others: OtherRecord[];
  /** A near match found by account number or ledger role rather than by spelling (match-accounts.ts). */
  twin?: TwinReason;
}

export interface MatchResult {
  pairs: Pair[];
  gone: GoneLink[];
  /** CStoreOffice records with no counterpart: to create in QBO. */
  csoOnly: Unpaired[];
  /** Active QBO records with no link and no counterpart: to create in CStoreOffice. */
  qboOnly: Unpaired[];
  problems: MatchProblem[];
}

export interface MatchOptions {
  /** The CStoreOffice vendor kind a vendor found only in QBO is created as. */
  qboOnlyVendorType: EntityTypeId;
}
