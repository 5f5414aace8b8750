/**
 * What to do when both sides changed the same field differently since the last sync. Injected as a
 * pure function so a setting can choose; the default reports the conflict for the user to resolve.
 */
import type { EntityTypeId, Side } from '../entities';
import type { RecordValues } from './types';

export interface ConflictInput {
  typeId: EntityTypeId;
  /** The fields both sides changed differently (`active` when QBO deactivated an edited record). */
  fields: string[];
  cso: { values: RecordValues; updatedAt: string | null };
  qbo: { values: RecordValues; updatedAt: string | null };
}

/** The side whose values win, or 'report' to leave the row in Synchronization Error. */
export type ConflictDecision = Side | 'report';

export type ConflictPolicy = (conflict: ConflictInput) => ConflictDecision;

/** The policies a setting can name; the options page and the stored settings use these ids. */
export const CONFLICT_POLICY_NAMES = ['report', 'csoWins', 'qboWins', 'newestWins'] as const;

export type ConflictPolicyName = (typeof CONFLICT_POLICY_NAMES)[number];

export const reportConflicts: ConflictPolicy = () => 'report';
export const csoWins: ConflictPolicy = () => 'cso';
export const qboWins: ConflictPolicy = () => 'qbo';

/** The side changed last wins; without both times (or on a tie) the user decides. */
export const newestWins: ConflictPolicy = ({ cso, qbo }) => {
  const csoTime = cso.updatedAt ? Date.parse(cso.updatedAt) : NaN;
  const qboTime = qbo.updatedAt ? Date.parse(qbo.updatedAt) : NaN;
  if (Number.isNaN(csoTime) || Number.isNaN(qboTime) || csoTime === qboTime) return 'report';
  return csoTime > qboTime ? 'cso' : 'qbo';
};

export const POLICY_BY_NAME: Readonly<Record<ConflictPolicyName, ConflictPolicy>> = {
  report: reportConflicts,
  csoWins,
  qboWins,
  newestWins,
};
