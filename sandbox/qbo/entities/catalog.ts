/**
 * The entities the sandbox serves and their rules: URL segment, name field and uniqueness scope,
 * hierarchy, field lists (writable / read-only / queryable) and length limits (qbo-api.md §2).
 */
export type EntityName =
  | 'Account'
  | 'Class'
  | 'Department'
  | 'Customer'
  | 'Vendor'
  | 'Employee'
  | 'Item'
  | 'CompanyInfo'
  | 'Preferences';
export type NameListEntity = Exclude<EntityName, 'CompanyInfo' | 'Preferences'>;

export interface EntityDef {
  name: EntityName;
  nameField: 'Name' | 'DisplayName';
  /** Uniqueness key: the full path, the bare name, or the DisplayName shared by Customer/Vendor/Employee. */
  uniqueOn: 'fqn' | 'name' | 'display';
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
  /** Fields with a `Name`-style forbidden-character rule and their max lengths. */
  limits: Readonly<Record<string, number>>;
  /** Fields indexed for uniqueness and fast equality queries. */
  indexed: readonly string[];
}

const SYSTEM = ['Id', 'SyncToken', 'domain', 'sparse', 'MetaData'] as const;
const META = ['MetaData.CreateTime', 'MetaData.LastUpdatedTime'] as const;
const PERSON = [
  'Title',
  'GivenName',
  'MiddleName',
  'FamilyName',
  'Suffix',
  'DisplayName',
  'PrintOnCheckName',
  'Active',
  'PrimaryPhone',
  'AlternatePhone',
  'Mobile',
  'Fax',
  'PrimaryEmailAddr',
  'WebAddr',
  'V4IDPseudonym',
] as const;
const PERSON_LIMITS = {
  DisplayName: 500,
  Title: 16,
  GivenName: 100,
  MiddleName: 100,
  FamilyName: 100,
  Suffix: 16,
  CompanyName: 100,
  PrintOnCheckName: 110,
  Notes: 2000,
};

export const ENTITIES: Record<EntityName, EntityDef> = {
  Account: {
    name: 'Account',
    nameField: 'Name',
    uniqueOn: 'fqn',
    subFlag: 'SubAccount',
    sparseNeedsName: true,
    longIds: false,
    writable: [
      'Name',
      'SubAccount',
      'ParentRef',
      'Description',
      'Active',
      'AccountType',
      'AccountSubType',
      'AcctNum',
      'CurrencyRef',
      'TaxCodeRef',
      'AccountAlias',
      'TxnLocationType',
      'OpeningBalance',
      'OpeningBalanceDate',
    ],
    readOnly: ['Classification', 'FullyQualifiedName', 'CurrentBalance', 'CurrentBalanceWithSubAccounts'],
    queryable: [
      'Id',
      'Name',
      'SubAccount',
      'ParentRef',
      'Description',
      'Active',
      'Classification',
      'AccountType',
      'AccountSubType',
      'AcctNum',
      'CurrentBalance',
      'CurrentBalanceWithSubAccounts',
      'FullyQualifiedName',
      ...META,
    ],
    limits: { Name: 100, Description: 100, AcctNum: 7 },
    indexed: ['Name', 'FullyQualifiedName'],
  },
  Class: {
    name: 'Class',
    nameField: 'Name',
    uniqueOn: 'fqn',
    subFlag: 'SubClass',
    maxDepth: 5,
    sparseNeedsName: true,
    longIds: true,
    writable: ['Name', 'SubClass', 'ParentRef', 'Active'],
    readOnly: ['FullyQualifiedName'],
    queryable: ['Id', 'Name', 'Active', 'FullyQualifiedName', 'SubClass', 'ParentRef', ...META],
    limits: { Name: 100 },
    indexed: ['Name', 'FullyQualifiedName'],
  },
  Department: {
    name: 'Department',
    nameField: 'Name',
    uniqueOn: 'fqn',
    subFlag: 'SubDepartment',
    maxDepth: 5,
    sparseNeedsName: false,
    longIds: false,
    writable: ['Name', 'SubDepartment', 'ParentRef', 'Active', 'Address'],
    readOnly: ['FullyQualifiedName'],
    queryable: ['Id', 'Name', 'Active', 'FullyQualifiedName', 'SubDepartment', 'ParentRef', ...META],
    limits: { Name: 100 },
    indexed: ['Name', 'FullyQualifiedName'],
  },
  Customer: {
    name: 'Customer',
    nameField: 'DisplayName',
    uniqueOn: 'display',
    subFlag: 'Job',
    maxDepth: 5,
    sparseNeedsName: false,
    longIds: false,
    writable: [
      ...PERSON,
      'CompanyName',
      'BillAddr',
      'ShipAddr',
      'Notes',
      'Job',
      'BillWithParent',
      'ParentRef',
      'Taxable',
      'CurrencyRef',
      'PreferredDeliveryMethod',
      'ResaleNum',
      'SalesTermRef',
      'PaymentMethodRef',
      'DefaultTaxCodeRef',
      'OpenBalanceDate',
      'IsProject',
      'ClientEntityId',
      'TaxExemptionReasonId',
      'PrimaryTaxIdentifier',
      'ARAccountRef',
      'GSTIN',
      'BusinessNumber',
      'SecondaryTaxIdentifier',
      'CustomerTypeRef',
      'GSTRegistrationType',
    ],
    readOnly: ['FullyQualifiedName', 'Level', 'Balance', 'BalanceWithJobs'],
    queryable: [
      'Id',
      'DisplayName',
      'GivenName',
      'FamilyName',
      'CompanyName',
      'FullyQualifiedName',
      'Active',
      'Balance',
      'PrimaryEmailAddr',
      'PrintOnCheckName',
      'Job',
      ...META,
    ],
    limits: PERSON_LIMITS,
    indexed: ['DisplayName'],
  },
  Vendor: {
    name: 'Vendor',
    nameField: 'DisplayName',
    uniqueOn: 'display',
    sparseNeedsName: false,
    longIds: false,
    writable: [
      ...PERSON,
      'CompanyName',
      'BillAddr',
      'OtherContactInfo',
      'TaxIdentifier',
      'AcctNum',
      'Vendor1099',
      'CurrencyRef',
      'TermRef',
      'APAccountRef',
      'BillRate',
      'CostRate',
      'GSTIN',
      'BusinessNumber',
      'GSTRegistrationType',
      'T4AEligible',
      'T5018Eligible',
      'HasTPAR',
      'TaxReportingBasis',
      'VendorPaymentBankDetail',
      'Source',
    ],
    readOnly: ['Balance'],
    queryable: ['Id', 'DisplayName', 'GivenName', 'FamilyName', 'CompanyName', 'Active', 'PrintOnCheckName', ...META],
    limits: { ...PERSON_LIMITS, AcctNum: 100 },
    indexed: ['DisplayName'],
  },
  Employee: {
    name: 'Employee',
    nameField: 'DisplayName',
    uniqueOn: 'display',
    sparseNeedsName: false,
    longIds: false,
    writable: [
      ...PERSON,
      'PrimaryAddr',
      'EmployeeNumber',
      'SSN',
      'BillableTime',
      'BillRate',
      'HiredDate',
      'ReleasedDate',
      'BirthDate',
      'Gender',
      'Organization',
    ],
    readOnly: [],
    queryable: ['Id', 'DisplayName', 'GivenName', 'FamilyName', 'Active', 'PrintOnCheckName', ...META],
    limits: PERSON_LIMITS,
    indexed: ['DisplayName'],
  },
  Item: {
    name: 'Item',
    nameField: 'Name',
    uniqueOn: 'name',
    subFlag: 'SubItem',
    maxDepth: 5,
    sparseNeedsName: false,
    longIds: false,
    writable: [
      'Name',
      'Sku',
      'Description',
      'Active',
      'SubItem',
      'ParentRef',
      'Taxable',
      'SalesTaxIncluded',
      'UnitPrice',
      'Type',
      'IncomeAccountRef',
      'PurchaseDesc',
      'PurchaseTaxIncluded',
      'PurchaseCost',
      'ExpenseAccountRef',
      'AssetAccountRef',
      'PrefVendorRef',
      'TrackQtyOnHand',
      'QtyOnHand',
      'InvStartDate',
      'SalesTaxCodeRef',
      'PurchaseTaxCodeRef',
      'ClassRef',
      'Source',
      'ServiceType',
      'ItemCategoryType',
      'TaxClassificationRef',
    ],
    readOnly: ['FullyQualifiedName', 'Level'],
    queryable: ['Id', 'Name', 'Active', 'Type', 'Sku', 'FullyQualifiedName', 'ParentRef', 'SubItem', ...META],
    limits: { Name: 100, Sku: 100, Description: 4000, PurchaseDesc: 1000 },
    indexed: ['Name', 'FullyQualifiedName'],
  },
  CompanyInfo: {
    name: 'CompanyInfo',
    nameField: 'Name',
    uniqueOn: 'name',
    sparseNeedsName: false,
    longIds: false,
    writable: [
      'CompanyName',
      'LegalName',
      'CompanyAddr',
      'CustomerCommunicationAddr',
      'LegalAddr',
      'PrimaryPhone',
      'Email',
      'WebAddr',
      'FiscalYearStartMonth',
      'Country',
      'SupportedLanguages',
      'NameValue',
      'CompanyStartDate',
    ],
    readOnly: [],
    queryable: ['Id', 'CompanyName', ...META],
    limits: {},
    indexed: [],
  },
  Preferences: {
    name: 'Preferences',
    nameField: 'Name',
    uniqueOn: 'name',
    sparseNeedsName: false,
    longIds: false,
    writable: [
      'AccountingInfoPrefs',
      'ProductAndServicesPrefs',
      'SalesFormsPrefs',
      'EmailMessagesPrefs',
      'VendorAndPurchasesPrefs',
      'TimeTrackingPrefs',
      'TaxPrefs',
      'CurrencyPrefs',
      'ReportPrefs',
      'OtherPrefs',
    ],
    readOnly: [],
    queryable: ['Id', ...META],
    limits: {},
    indexed: [],
  },
};

export const NAME_LISTS: readonly NameListEntity[] = [
  'Account',
  'Class',
  'Department',
  'Customer',
  'Vendor',
  'Employee',
  'Item',
];
export const DISPLAY_NAMESPACE: readonly NameListEntity[] = ['Customer', 'Vendor', 'Employee'];
export const SYSTEM_FIELDS: readonly string[] = SYSTEM;

const BY_LOWER = new Map<string, EntityName>(
  Object.keys(ENTITIES).map((name) => [name.toLowerCase(), name as EntityName]),
);
/** Entity from a URL segment or a query's FROM: QBO treats both case-insensitively. */
export const entityByName = (value: string): EntityName | undefined => BY_LOWER.get(value.toLowerCase());
export const isNameList = (name: EntityName): name is NameListEntity =>
  (NAME_LISTS as readonly string[]).includes(name);
