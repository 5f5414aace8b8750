/**
 * A company's Preferences narrowed to what synchronization needs to know: whether it tracks classes
 * and locations (QBO keeps both lists either way, but a company with tracking off does not use
 * them), what it calls locations, whether its accounts carry numbers, and until when its books are closed.
 */
import type { QboCompanyPrefs } from '../sync/qbo-company';
import type { QboPreferences } from './schemas';

export type { QboCompanyPrefs };

const DEFAULT_LOCATION_LABEL = 'Location';

export function companyPrefsOf(preferences: QboPreferences): QboCompanyPrefs {
  const a = preferences.AccountingInfoPrefs;
  return {
    classTracking: a.ClassTrackingPerTxn === true || a.ClassTrackingPerTxnLine === true,
    locationTracking: a.TrackDepartments === true,
    locationLabel: a.DepartmentTerminology?.trim() || DEFAULT_LOCATION_LABEL,
    accountNumbers: a.UseAccountNumbers === true,
    // An empty string is how a reopened period could come back: treat it as open, like null.
    bookCloseDate: a.BookCloseDate?.trim() || null,
  };
}
