/**
 * What a QuickBooks company's settings (its Preferences) change for synchronization. With class or
 * location tracking off, QuickBooks does not use those lists, so the sync sends nothing to them:
 * the manager shows one notice for the type instead of a column of refused writes, and the rows
 * say why. With account numbers off, account numbers are not sent to QuickBooks.
 */
import type { EntityTypeId } from '../entities';

/** The company's settings the sync obeys, read at Connect and at Reconnect. */
export interface QboCompanyPrefs {
  /** Classes are assigned to whole transactions or to their lines. */
  classTracking: boolean;
  /** TrackDepartments: QBO's Department list is in use. */
  locationTracking: boolean;
  /** The company's word for a Department ("Location" unless it chose another). */
  locationLabel: string;
  /** UseAccountNumbers: account numbers are shown and used. */
  accountNumbers: boolean;
  /**
   * BookCloseDate (`YYYY-MM-DD`): QBO refuses to create, change or delete a transaction dated on or
   * before it; null while the books are open. It moves whenever the bookkeeper closes a period, so
   * a posting run reads it fresh rather than trusting the copy kept with the connection.
   */
  bookCloseDate: string | null;
}

const CATEGORIES = 'Settings → Account and settings → Advanced → Categories';

/** The types QuickBooks does not take writes for, each with the notice the manager shows. */
export function typesQboRefuses(prefs: QboCompanyPrefs | undefined): Partial<Record<EntityTypeId, string>> {
  if (!prefs) return {};
  const out: Partial<Record<EntityTypeId, string>> = {};
  if (!prefs.classTracking)
    out.class = `Class tracking is off in QuickBooks, so classes are not sent there. Turn on class tracking in QuickBooks: ${CATEGORIES}.`;
  if (!prefs.locationTracking)
    out.location = `${prefs.locationLabel} tracking is off in QuickBooks, so locations are not sent there. Turn on location tracking in QuickBooks: ${CATEGORIES}.`;
  return out;
}

export const ACCOUNT_NUMBERS_OFF =
  'Account numbers are off in QuickBooks, so numbers are not sent there. Turn them on in QuickBooks: Settings → Account and settings → Advanced → Chart of accounts → Enable account numbers.';
