/**
 * The books posting reads, from the entity sync's view of the company: its CStoreOffice records and
 * the QuickBooks record each is linked to. A station's class is the class named as the station
 * (CStoreOffice keeps no class on a location), when there is one.
 */
import type { EntityTypeId } from '../entities';
import type { EntityView } from '../sync';
import type { PostingBooks, PostingParty } from './books';

export interface CompanyBooksPrefs {
  tracking: { classes: boolean; locations: boolean };
  bookCloseDate: string | null;
  /** The QuickBooks account the company chose as its suspense account; absent or null: none. */
  suspense?: { qboId: string; name: string } | null;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export function booksFrom(view: EntityView, prefs: CompanyBooksPrefs): PostingBooks {
  const parties = (type: EntityTypeId) =>
    new Map<string, PostingParty>(
      [...view.records(type)].map((r) => [r.id, { name: r.name, qboId: view.qboIdOf(type, r.id) }]),
    );
  const classByName = new Map([...view.records('class')].map((r) => [r.name, r.id]));
  const dataTypes = new Map(
    [...view.records('dataType')].map((r) => [
      r.id,
      { name: r.name, debitAccountId: text(r.debitAccountId), creditAccountId: text(r.creditAccountId) },
    ]),
  );
  const storeSales = [...dataTypes.values()].find((t) => t.name === 'Store Sales');
  return {
    accounts: new Map(
      [...view.records('account')].map((r) => [
        r.id,
        { name: r.name, accountType: text(r.accountType) ?? '', qboId: view.qboIdOf('account', r.id) },
      ]),
    ),
    dataTypes,
    stations: new Map(
      [...view.records('location')].map((r) => {
        const classId = classByName.get(r.name);
        return [
          r.id,
          {
            name: r.name,
            stationCode: text(r.stationCode),
            qboDepartmentId: view.qboIdOf('location', r.id),
            qboClassId: classId ? view.qboIdOf('class', classId) : null,
          },
        ];
      }),
    ),
    customers: parties('customer'),
    priceBookVendors: parties('priceBookVendor'),
    accountingVendors: parties('accountingVendor'),
    clearingAccountId: storeSales?.debitAccountId ?? null,
    tracking: prefs.tracking,
    bookCloseDate: prefs.bookCloseDate,
    suspense: prefs.suspense ?? null,
  };
}
