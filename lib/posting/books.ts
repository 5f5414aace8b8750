/**
 * What posting needs to know of the entities, by CStoreOffice id: names (for the words on a row),
 * how a data type posts, each account's type, and the QuickBooks id each record is linked to (the
 * entity sync's links). The QuickBooks company's settings decide what tracking a line carries.
 */
export interface PostingAccount {
  name: string;
  accountType: string;
  qboId: string | null;
}

export interface PostingDataType {
  name: string;
  debitAccountId: string | null;
  creditAccountId: string | null;
}

export interface PostingStation {
  name: string;
  stationCode: string | null;
  /** The QuickBooks location (Department) of the station. */
  qboDepartmentId: string | null;
  /** The QuickBooks class of the station: the class named as the station, when there is one. */
  qboClassId: string | null;
}

export interface PostingParty {
  name: string;
  qboId: string | null;
}

export interface PostingBooks {
  accounts: ReadonlyMap<string, PostingAccount>;
  dataTypes: ReadonlyMap<string, PostingDataType>;
  stations: ReadonlyMap<string, PostingStation>;
  customers: ReadonlyMap<string, PostingParty>;
  priceBookVendors: ReadonlyMap<string, PostingParty>;
  accountingVendors: ReadonlyMap<string, PostingParty>;
  /** The account the register's side of a day meets in: Store Sales' debit account (CONTRACT v1.4). */
  clearingAccountId: string | null;
  tracking: { classes: boolean; locations: boolean };
  /**
   * The company's suspense account (optional, off by default): an amount whose account is not in
   * QuickBooks (or whose data type names none) posts there instead of holding the document, and
   * its row says so. Null: such a document is held with a Synchronization Error.
   */
  suspense: { qboId: string; name: string } | null;
  /** QuickBooks refuses transactions dated on or before this date (YYYY-MM-DD); null when the books are open. */
  bookCloseDate: string | null;
}
