/**
 * The table's actions in one place, for the background that runs them and the panel that offers
 * them: when each applies to a row, its button, and its words when done (the notice's title and
 * the message's sentence).
 */
import type { PanelRow, RowAction } from './protocol';

export interface RowActionSpec {
  /** Offered on this row (a button in its Actions cell); never for connection-wide actions. */
  appliesTo(row: PanelRow): boolean;
  /** The row button's label. */
  label(row: PanelRow): string;
  /** A secondary, outlined button rather than the primary look. */
  quiet: boolean;
  /** Takes exactly one row (it needs that row's issue). */
  single: boolean;
  /** The notice's title once done. */
  done: string;
  /** What follows from it, the sentence under that title (so the notice never says the same thing twice). */
  doneSentence: string;
}

const remedy = (row: PanelRow, action: RowAction) =>
  row.status === 'error' && (row.issue?.remedies as readonly string[] | undefined)?.includes(action) === true;
const never = () => false;

export const ROW_ACTIONS: Readonly<Record<RowAction, RowActionSpec>> = {
  removeLink: {
    appliesTo: (row) => row.status === 'synchronized',
    label: () => 'Remove Link',
    quiet: true,
    single: false,
    done: 'Links removed',
    doneSentence: 'The next Synchronize matches it again by name, or creates it if no record of that name remains',
  },
  ignoreIssues: {
    appliesTo: (row) => row.status === 'error' && !row.ignored,
    label: () => 'Ignore Issues',
    quiet: true,
    single: false,
    done: 'Issues ignored',
    doneSentence: 'Shown as synchronized until either side changes again',
  },
  linkNearMatch: {
    appliesTo: (row) => remedy(row, 'linkNearMatch'),
    label: (row) => `Link to “${row.issue?.otherName ?? 'the near match'}”`,
    quiet: false,
    single: true,
    done: 'Linked to the near match',
    doneSentence: 'CStoreOffice’s spelling goes to QuickBooks on the next Synchronize',
  },
  keepCso: {
    appliesTo: (row) => remedy(row, 'keepCso'),
    label: () => 'Keep CStoreOffice',
    quiet: false,
    single: true,
    done: 'CStoreOffice version kept',
    doneSentence: 'CStoreOffice’s values go to QuickBooks on the next Synchronize',
  },
  keepQbo: {
    appliesTo: (row) => remedy(row, 'keepQbo'),
    label: () => 'Keep QuickBooks',
    quiet: false,
    single: true,
    done: 'QuickBooks version kept',
    doneSentence: 'QuickBooks’s values go to CStoreOffice on the next Synchronize',
  },
  clearSyncHistory: {
    appliesTo: never,
    label: () => 'Clear Sync History',
    quiet: true,
    single: false,
    done: 'Sync history cleared',
    doneSentence: 'The next Synchronize matches every entity by name again; nothing was deleted in either system',
  },
  reconnect: {
    appliesTo: never,
    label: () => 'Reconnect to QBO',
    quiet: true,
    single: false,
    done: 'Statuses recomputed',
    doneSentence: 'QuickBooks was read again and every status recomputed',
  },
};

/** A row's buttons, in this order. */
const ROW_BUTTON_ORDER: readonly RowAction[] = ['removeLink', 'ignoreIssues', 'linkNearMatch', 'keepCso', 'keepQbo'];

export function rowOffers(row: PanelRow): { action: RowAction; label: string; quiet: boolean }[] {
  return ROW_BUTTON_ORDER.filter((a) => ROW_ACTIONS[a].appliesTo(row)).map((action) => ({
    action,
    label: ROW_ACTIONS[action].label(row),
    quiet: ROW_ACTIONS[action].quiet,
  }));
}
