/**
 * The one table that turns the services' error codes into words a bookkeeper can act on: what went
 * wrong, which record on the other side is involved, and what to do. Codes are never shown bare.
 */
import type { Side } from '../entities';
import type { WriteFailure } from './ports';

export interface FailureContext {
  /** "customer", "account", … as the table's Type column says it, lower case. */
  what: string;
  name: string;
  side: Side;
  /** The name of the record already holding the name, when the engine knows it. */
  existingName?: string;
}

export interface Words {
  title: string;
  detail: string;
}

type Translator = (failure: WriteFailure, ctx: FailureContext) => Words;

const holder = (f: WriteFailure, c: FailureContext) =>
  c.existingName
    ? `“${c.existingName}”${f.existingId ? ` (Id ${f.existingId})` : ''}`
    : f.existingId
      ? `the record with Id ${f.existingId}`
      : 'another record';

const QBO: Readonly<Record<string, Translator>> = {
  '6240': (f, c) => ({
    title: 'Name already used in QuickBooks',
    detail: `QuickBooks refused “${c.name}” because ${holder(f, c)} already uses that name. In QuickBooks customers, vendors and employees share one list of names, and inactive ones still count. Rename one of them, or link this row to the existing record.`,
  }),
  '5010': (_f, c) => ({
    title: 'Changed in QuickBooks during the sync',
    detail: `Someone changed the ${c.what} “${c.name}” in QuickBooks while it was being synchronized, so QuickBooks kept their version. Review both versions and choose which to keep.`,
  }),
  '2040': (_f, c) => ({
    title: 'Name has characters QuickBooks refuses',
    detail: `QuickBooks does not accept the name “${c.name}” because of a colon, tab or line break in it. Rename it in CStoreOffice.`,
  }),
  '2050': (_f, c) => ({
    title: 'Text too long for QuickBooks',
    detail: `A field of the ${c.what} “${c.name}” is longer than QuickBooks allows. Shorten it in CStoreOffice.`,
  }),
  '610': (_f, c) => ({
    title: 'Missing in QuickBooks',
    detail: `The ${c.what} “${c.name}” (or a record it refers to, such as its parent or account) no longer exists or is inactive in QuickBooks. Reactivate it in QuickBooks, or remove the link and synchronize again.`,
  }),
  '2500': (_f, c) => ({
    title: 'Refers to a missing QuickBooks record',
    detail: `The ${c.what} “${c.name}” refers to a parent or account that is inactive or missing in QuickBooks. Reactivate that record in QuickBooks, then synchronize again.`,
  }),
  '6000': (f, c) => ({
    title: 'QuickBooks refused the change',
    detail: `QuickBooks refused the ${c.what} “${c.name}”: ${f.detail ?? f.message}. Correct it in CStoreOffice and synchronize again.`,
  }),
  '3001': (_f, c) => ({
    title: 'QuickBooks is busy',
    detail: `QuickBooks asked us to slow down before the ${c.what} “${c.name}” was saved. Nothing is lost; synchronize again in a minute.`,
  }),
};

const CSO: Readonly<Record<string, Translator>> = {
  '409': (f, c) =>
    f.existingId && f.detail === 'duplicate_value'
      ? {
          title: 'Value already used in CStoreOffice',
          detail: `CStoreOffice refused “${c.name}” because ${holder(f, c)} already uses one of its values, which must be unique (${f.message}). Change it in QuickBooks or CStoreOffice.`,
        }
      : f.existingId
        ? {
            title: 'Name already used in CStoreOffice',
            detail: `CStoreOffice refused “${c.name}” because ${holder(f, c)} already uses that name (${f.message}). Rename one of them in QuickBooks or CStoreOffice.`,
          }
        : {
            title: 'CStoreOffice cannot do this yet',
            detail: `CStoreOffice refused to change the ${c.what} “${c.name}”: ${f.message} Deal with that first in CStoreOffice, then synchronize again.`,
          },
  '412': (_f, c) => ({
    title: 'Changed in CStoreOffice during the sync',
    detail: `Someone changed the ${c.what} “${c.name}” in CStoreOffice while it was being synchronized, so their version was kept. Review both versions and choose which to keep.`,
  }),
  '422': (f, c) => ({
    title: 'CStoreOffice refused the values',
    detail: `CStoreOffice did not accept the ${c.what} “${c.name}” from QuickBooks: ${f.detail ?? f.message}. Correct it in QuickBooks and synchronize again.`,
  }),
  '404': (_f, c) => ({
    title: 'Missing in CStoreOffice',
    detail: `The ${c.what} “${c.name}” no longer exists in CStoreOffice. Synchronize again to bring both sides up to date.`,
  }),
};

const fallback: Translator = (f, c) => ({
  title: f.retryable ? 'Temporary problem' : `${c.side === 'qbo' ? 'QuickBooks' : 'CStoreOffice'} refused the change`,
  detail: f.retryable
    ? `${c.side === 'qbo' ? 'QuickBooks' : 'CStoreOffice'} could not be reached or was busy while saving the ${c.what} “${c.name}”. Nothing is lost; synchronize again later.`
    : `${c.side === 'qbo' ? 'QuickBooks' : 'CStoreOffice'} refused the ${c.what} “${c.name}”: ${f.message}. If this keeps happening, contact support.`,
});

export function translateFailure(failure: WriteFailure, ctx: FailureContext): Words {
  const table = ctx.side === 'qbo' ? QBO : CSO;
  return (table[failure.code] ?? fallback)(failure, ctx);
}

/** Codes that mean "the record moved under us": re-read it once and plan again. */
export function isStale(side: Side, failure: WriteFailure): boolean {
  return side === 'qbo' ? failure.code === '5010' : failure.code === '412';
}
