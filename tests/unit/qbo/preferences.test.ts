import { describe, expect, it } from 'vitest';
import { companyPrefsOf, type QboCompanyPrefs } from '@/lib/qbo';

type Accounting = Parameters<typeof companyPrefsOf>[0]['AccountingInfoPrefs'];
const prefs = (AccountingInfoPrefs: Accounting): QboCompanyPrefs => companyPrefsOf({ AccountingInfoPrefs });

describe('companyPrefsOf', () => {
  it.each([
    ['classes on whole transactions', { ClassTrackingPerTxn: true, ClassTrackingPerTxnLine: false }, true],
    ['classes on lines', { ClassTrackingPerTxn: false, ClassTrackingPerTxnLine: true }, true],
    ['neither', { ClassTrackingPerTxn: false, ClassTrackingPerTxnLine: false }, false],
    ['settings QBO left out', {}, false],
  ])('class tracking with %s: %s', (_, accounting, expected) => {
    expect(prefs(accounting).classTracking).toBe(expected);
  });

  it.each([
    ['Store', 'Store'],
    ['  Site ', 'Site'],
    ['', 'Location'],
    ['   ', 'Location'],
    [undefined, 'Location'],
  ])('calls locations %j → %j', (term, label) => {
    expect(prefs(term === undefined ? {} : { DepartmentTerminology: term }).locationLabel).toBe(label);
  });

  it('reads location tracking and account numbers as off unless QBO says true', () => {
    expect(prefs({})).toMatchObject({ locationTracking: false, accountNumbers: false });
    expect(prefs({ TrackDepartments: true, UseAccountNumbers: true })).toMatchObject({
      locationTracking: true,
      accountNumbers: true,
    });
  });

  it.each([
    ['2025-03-31', '2025-03-31'],
    [undefined, null],
    [null, null],
    ['', null],
  ])('reads the books closing date %j as %j', (date, expected) => {
    expect(prefs(date === undefined ? {} : { BookCloseDate: date }).bookCloseDate).toBe(expected);
  });
});
