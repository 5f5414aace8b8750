/**
 * The shape of an entity's rules, apart from the catalogue itself so that the name lists
 * (catalog.ts) and the transactions (transactions.ts) can both describe themselves with it.
 */
export type TransactionEntity = 'JournalEntry' | 'Bill' | 'VendorCredit';
export type NameListEntity = 'Account' | 'Class' | 'Department' | 'Customer' | 'Vendor' | 'Employee' | 'Item';
export type EntityName = NameListEntity | TransactionEntity | 'CompanyInfo' | 'Preferences';
/** Entities a realm keeps in a table of records (all but the two singletons). */
export type TableEntity = NameListEntity | TransactionEntity;

export interface EntityDef {
  name: EntityName;
  /** The field a person reads as the record's name; transactions are known by their number. */
  nameField: 'Name' | 'DisplayName' | 'DocNumber';
  /**
   * Uniqueness key: the full path, the bare name, or the DisplayName shared by Customer/Vendor/Employee;
   * `none` for transactions, whose numbers follow their own rules (service/transactions/checks.ts).
   */
  uniqueOn: 'fqn' | 'name' | 'display' | 'none';
  /** The flag QBO sets on a child (`SubAccount`...); absent when the entity has no hierarchy. */
  subFlag?: string;
  /** Documented depth cap (Class, Department, Customer, Item); none documented for Account. */
  maxDepth?: number;
  /** Sparse updates must repeat Name (Account, Class). */
  sparseNeedsName: boolean;
  /** Class ids are long in real companies; others are small. */
  longIds: boolean;
  writable: readonly string[];
  readOnly: readonly string[];
  queryable: readonly string[];
  /** Fields with a maximum length (2050 when longer). */
  limits: Readonly<Record<string, number>>;
  /** Fields indexed for uniqueness and fast equality queries. */
  indexed: readonly string[];
}
