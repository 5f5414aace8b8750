/**
 * The choices the settings forms offer, in words: the options page and a company's own settings
 * (and its first-sync setup) list the same intervals, policies and directions.
 */
import { ENTITY_TYPE_IDS, ENTITY_TYPES } from '@/lib/entities';
import { CONFLICT_POLICY_LABELS, CONFLICT_POLICY_NAMES } from '@/lib/storage/settings';
import { DIRECTIONS, DIRECTION_LABELS } from '@/lib/sync/directions';

export const POLICY_OPTIONS = CONFLICT_POLICY_NAMES.map((value) => ({ value, label: CONFLICT_POLICY_LABELS[value] }));

export const TYPE_OPTIONS = ENTITY_TYPE_IDS.map((value) => ({ value, label: ENTITY_TYPES[value].label }));

export const DIRECTION_OPTIONS = DIRECTIONS.map((value) => ({ value, label: DIRECTION_LABELS[value] }));

export const INTERVAL_OPTIONS = [
  { value: 0, label: 'Off' },
  ...[5, 15, 30, 60, 240].map((value) => ({
    value,
    label: value < 60 ? `Every ${value} minutes` : `Every ${value / 60} hour${value > 60 ? 's' : ''}`,
  })),
];
