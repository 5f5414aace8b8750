/**
 * The QuickBooks company's preferences as posting reads them: class and location tracking, and the
 * books' closing date (read afresh for each posting run, see posting-engine-factory.ts).
 */
import type { CompanyBooksPrefs } from '@/lib/posting/books-from-entities';
import type { QboCompanyPrefs } from '@/lib/sync/qbo-company';

export function postingPrefsOf(prefs: QboCompanyPrefs): CompanyBooksPrefs {
  return {
    tracking: { classes: prefs.classTracking, locations: prefs.locationTracking },
    bookCloseDate: prefs.bookCloseDate || null,
  };
}
