/**
 * What the company's Preferences do to writes, behind switches because the real
 * behaviour is UNCONFIRMED (README "Preferences"): Class and Department writes refused while their
 * tracking is off, and AcctNum left unsaved while account numbers are off.
 */
import type { NameListEntity } from '../entities/catalog';
import { faults, type QboError } from '../errors';
import type { QboSwitches } from '../options';
import type { Realm } from '../store/realm';
import type { QboObject } from '../store/table';

export function accountingPrefs(realm: Realm): QboObject {
  const prefs = realm.preferences.data.AccountingInfoPrefs;
  return typeof prefs === 'object' && prefs !== null ? (prefs as QboObject) : {};
}

/**
 * Using classes or locations (writing the list, or referencing it from a transaction) while the
 * company does not track them, when the switch enforces it. 6000 is QBO's business-validation
 * family; no captured refusal exists, so the words are ours.
 */
export function trackingRefusal(
  realm: Realm,
  switches: QboSwitches,
  list: 'Class' | 'Department',
): QboError | undefined {
  if (!switches.enforceTrackingPrefs) return undefined;
  const prefs = accountingPrefs(realm);
  if (list === 'Class' && prefs.ClassTrackingPerTxn !== true && prefs.ClassTrackingPerTxnLine !== true)
    return faults.business('Class tracking is turned off for this company. Turn on Track classes to use classes.');
  if (list === 'Department' && prefs.TrackDepartments !== true)
    return faults.business(
      'Location tracking is turned off for this company. Turn on Track locations to use locations.',
    );
  return undefined;
}

/** Refuses `data`, or trims it in place, by the realm's preferences; `selfId` names the record an update changes. */
export function applyPreferenceGates(
  realm: Realm,
  switches: QboSwitches,
  type: NameListEntity,
  data: QboObject,
  selfId?: string,
): QboError | undefined {
  const prefs = accountingPrefs(realm);
  if (type === 'Class' || type === 'Department') {
    const refusal = trackingRefusal(realm, switches, type);
    if (refusal) return refusal;
  }
  if (switches.enforceAccountNumbersPref && type === 'Account' && prefs.UseAccountNumbers !== true) {
    // The number sent is not saved; one the account already had stays.
    const kept = selfId === undefined ? undefined : realm.tables.Account.get(selfId)?.data.AcctNum;
    if (kept === undefined) delete data.AcctNum;
    else data.AcctNum = kept;
  }
  return undefined;
}
