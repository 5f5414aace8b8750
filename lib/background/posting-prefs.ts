/**
 * The QuickBooks company's preferences as posting reads them. The book close date joins
 * QboCompanyPrefs later; it is read only when the stored preferences carry it, so connections saved
 * before (and builds before it exists) post as if the books were open.
 */
import type { CompanyBooksPrefs } from '@/lib/posting/books-from-entities';
import type { QboCompanyPrefs } from '@/lib/sync/qbo-company';

export function postingPrefsOf(prefs: QboCompanyPrefs | undefined): CompanyBooksPrefs {
  // Unknown preferences: track as QuickBooks does by default (neither classes nor locations).
  if (!prefs) return { tracking: { classes: false, locations: false }, bookCloseDate: null };
  const close = 'bookCloseDate' in prefs ? prefs.bookCloseDate : null;
  return {
    tracking: { classes: prefs.classTracking, locations: prefs.locationTracking },
    bookCloseDate: typeof close === 'string' && close !== '' ? close : null,
  };
}
