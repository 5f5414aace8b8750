/** The shape of a seed: records by list, parents and account refs named by full path. */
export interface SeedAccount {
  Name: string;
  AccountType: string;
  AccountSubType?: string;
  AcctNum?: string;
  Description?: string;
  parent?: string;
  Active?: boolean;
  CurrentBalance?: number;
}
export interface SeedNamed {
  Name: string;
  parent?: string;
  Active?: boolean;
}
export interface SeedPerson {
  DisplayName: string;
  CompanyName?: string;
  GivenName?: string;
  FamilyName?: string;
  email?: string;
  phone?: string;
  Active?: boolean;
  Balance?: number;
  TaxIdentifier?: string;
  AcctNum?: string;
}
export interface SeedItem {
  Name: string;
  Type: 'Service' | 'NonInventory' | 'Category';
  income?: string;
  expense?: string;
  parent?: string;
  UnitPrice?: number;
  Description?: string;
  Active?: boolean;
}

/**
 * Preference groups a seed sets, merged field by field over the realm's defaults (e.g. a new
 * company turns class and location tracking off).
 */
export type SeedPreferences = Partial<Record<PreferenceGroup, Record<string, unknown>>>;
export type PreferenceGroup =
  | 'AccountingInfoPrefs'
  | 'ProductAndServicesPrefs'
  | 'SalesFormsPrefs'
  | 'VendorAndPurchasesPrefs'
  | 'TimeTrackingPrefs'
  | 'TaxPrefs'
  | 'CurrencyPrefs'
  | 'ReportPrefs'
  | 'OtherPrefs';

export interface SeedData {
  companyName: string;
  preferences?: SeedPreferences;
  accounts?: SeedAccount[];
  classes?: SeedNamed[];
  departments?: SeedNamed[];
  customers?: SeedPerson[];
  vendors?: SeedPerson[];
  employees?: SeedPerson[];
  items?: SeedItem[];
}
