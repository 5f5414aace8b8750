/**
 * A QuickBooks Online Plus company (US) the day it was created: the chart of accounts Intuit sets up,
 * each with its detail type (AccountSubType) and no numbers, the two service items it adds, and a new
 * company's Preferences (no class or location tracking, no account numbers). Nothing an owner
 * would add: no banks, customers, vendors, classes or locations.
 *
 * What QBO creates depends on the industry and business entity chosen at sign-up ("When you create
 * your company … specific default accounts … are created for you depending on the business entity
 * you selected", Intuit, "Manage default and special accounts in your QuickBooks Online chart of
 * accounts", https://quickbooks.intuit.com/learn-support/en-us/accounting-method-preference/manage-default-and-special-accounts-in-your-chart-of-accounts/00/186401).
 * This one is a sole proprietor in a general industry. Sources, cited per record below:
 *   [I]   that Intuit article (and its 2019 community version,
 *         https://quickbooks.intuit.com/community/Reports-and-accounting/How-to-manage-default-and-special-accounts-in-the-Chart-of/m-p/186401,
 *         and https://newqbo.com/quickbooks-online-chart-of-accounts/ which lists the same accounts);
 *   [X]   Intuit's schema, intuit/QuickBooks-V3-Java-SDK ipp-v3-java-data/src/main/xsd/Finance.xsd
 *         (AccountSubTypeEnum notes: "QBO automatically creates one Accounts Payable account",
 *         the same for Accounts Receivable, "QBO adds this account [Retained Earnings] when you create
 *         your company");
 *   [E]   an account list exported from a US QBO company, xjliu0122/AccServer
 *         controllers/admin/setting/default.js (names, types and detail types; accounts that are
 *         plainly the owner's own, e.g. "Sponsorship Income", are left out);
 *   [C]   an account list exported from a Canadian QBO company (numbered accounts are the owner's,
 *         unnumbered ones QBO's), used only to cross-check the detail types of system accounts;
 *   [S]   query dumps of Intuit's sandbox sample company (VentorTech's Odoo connector test storage;
 *         "Services" is account 1 and items 1 and 2 are "Services" and "Hours", created in the same
 *         second as the company).
 * UNCONFIRMED marks what these sources do not settle.
 */
import type { SeedAccount, SeedData } from './types';

const account = (Name: string, AccountType: string, AccountSubType: string, parent?: string): SeedAccount => ({
  Name,
  AccountType,
  AccountSubType,
  ...(parent ? { parent } : {}),
});

export const newCompanySeed = (): SeedData => ({
  companyName: 'Hillside Auto Wash',
  preferences: {
    // A new company tracks neither classes nor locations and shows no account numbers: each is a
    // setting the owner turns on under Account and Settings > Advanced (Intuit's "Use account
    // numbers" help: "Select the Enable account numbers checkbox"; Rutter's help on class tracking,
    // https://help.rutter.com/articles/1666075567; a gist turning on classes and account numbers in
    // an Intuit sandbox company through this very endpoint,
    // https://gist.github.com/indiamos/11c4921e23479de135e96e19bbe0b3e6). "Location" is the
    // default DepartmentTerminology (Intuit's Preferences reference sample).
    AccountingInfoPrefs: {
      TrackDepartments: false,
      DepartmentTerminology: 'Location',
      ClassTrackingPerTxn: false,
      ClassTrackingPerTxnLine: false,
      UseAccountNumbers: false,
    },
  },
  accounts: [
    // First, so it is account 1 as in [S]. The default income account; it and its item cannot be
    // deleted [I]. Detail type Service/Fee Income [C].
    account('Services', 'Income', 'ServiceFeeIncome'),
    account('Accounts Receivable (A/R)', 'Accounts Receivable', 'AccountsReceivable'), // [X] [E]
    account('Undeposited Funds', 'Other Current Asset', 'UndepositedFunds'), // [I] cannot be deactivated, [E]
    account('Uncategorized Asset', 'Other Current Asset', 'OtherCurrentAssets'), // [I] [E] [S]
    // [I]: edits to Products/Services recreate it; [E] lists it. Whether it exists before the first
    // inventory item: UNCONFIRMED.
    account('Inventory Asset', 'Other Current Asset', 'Inventory'),
    // [X] says QBO creates it; [E] does not list it (it may appear with the first bill): UNCONFIRMED.
    account('Accounts Payable (A/P)', 'Accounts Payable', 'AccountsPayable'),
    account('Opening Balance Equity', 'Equity', 'OpeningBalanceEquity'), // [I] [E] [C]
    // [I] names the owner's equity account by entity ("Owner Draws, Owner's Investment, or Owner's
    // Pay & Personal Expense"); [E] has "Owner's Pay & Personal Expenses" as Owner's Equity. The
    // pair for a sole proprietor and Owner's Investment's detail type: UNCONFIRMED.
    account("Owner's Investment", 'Equity', 'OwnersEquity'),
    account("Owner's Pay & Personal Expenses", 'Equity', 'OwnersEquity'),
    account('Retained Earnings', 'Equity', 'RetainedEarnings'), // [X] [I] [E]
    // [E] files Billable Expense Income and Uncategorized Income under Sales of Product Income,
    // [C] under Service/Fee Income: the US export is followed, the detail types are UNCONFIRMED.
    account('Billable Expense Income', 'Income', 'SalesOfProductIncome'), // [I] deletable by merging, [E]
    account('Uncategorized Income', 'Income', 'SalesOfProductIncome'), // [I] [E]
    // [I]: "the default account created to track sales for inventory items" [C]; not in [E], so it
    // may only appear with inventory: UNCONFIRMED.
    account('Sales of Product Income', 'Income', 'SalesOfProductIncome'),
    account('Cost of Goods Sold', 'Cost of Goods Sold', 'SuppliesMaterialsCogs'), // [I] [E] [C]
    // The general-industry expense template, as [E] lists it (its detail types, odd ones included).
    account('Advertising & Marketing', 'Expense', 'AdvertisingPromotional'),
    account('Ask My Accountant', 'Expense', 'Utilities'),
    account('Bank Charges & Fees', 'Expense', 'BankCharges'),
    account('Car & Truck', 'Expense', 'Auto'),
    account('Contractors', 'Expense', 'PayrollExpenses'),
    account('Insurance', 'Expense', 'Insurance'),
    account('Interest Paid', 'Expense', 'InterestPaid'),
    account('Legal & Professional Services', 'Expense', 'LegalProfessionalFees'),
    account('Meals & Entertainment', 'Expense', 'EntertainmentMeals'),
    account('Office Supplies & Software', 'Expense', 'OfficeGeneralAdministrativeExpenses'),
    account('Other Business Expenses', 'Expense', 'OfficeGeneralAdministrativeExpenses'),
    account('Promotional Meals', 'Expense', 'PromotionalMeals'),
    account('Reimbursable Expenses', 'Expense', 'SuppliesMaterials'),
    account('Rent & Lease', 'Expense', 'RentOrLeaseOfBuildings'),
    account('Repairs & Maintenance', 'Expense', 'RepairMaintenance'),
    account('Shipping, Freight & Delivery', 'Expense', 'ShippingFreightDelivery'),
    account('Taxes & Licenses', 'Expense', 'TaxesPaid'),
    account('Travel', 'Expense', 'Travel'),
    // [E]'s sub-accounts: whether Intuit or that owner made them is UNCONFIRMED.
    account('Hotel', 'Expense', 'Travel', 'Travel'),
    account('Transportation', 'Expense', 'Travel', 'Travel'),
    account('Travel Meals', 'Expense', 'TravelMeals', 'Travel'),
    account('Uncategorized Expense', 'Expense', 'OtherMiscellaneousServiceCost'), // [I] [E] [C]
    account('Utilities', 'Expense', 'Utilities'),
    account('Gas & Electric', 'Expense', 'Utilities', 'Utilities'),
    account('Telephone & Internet', 'Expense', 'Utilities', 'Utilities'),
    account('Other Miscellaneous Income', 'Other Income', 'OtherMiscellaneousIncome'), // [E]
    account('Reconciliation Discrepancies', 'Other Expense', 'OtherMiscellaneousExpense'), // [I] [E]
    // Left out, because QBO makes them later ([I]: "Other special accounts are created when certain
    // actions are taken or features are turned on"): sales tax payable (turning on sales tax),
    // payroll liabilities and expenses (turning on payroll), Markup, Unapplied Cash Payment Income
    // and Unapplied Cash Bill Payment Expense ([C] has them, [E] does not: UNCONFIRMED). "Sales"
    // ([E] only, beside accounts that owner made) is left out as UNCONFIRMED too.
  ],
  items: [
    // [S]: items 1 and 2, Service type, created with the company; [I]: the Services item posts to the
    // Services account and cannot be deleted. That Hours also posts to Services: UNCONFIRMED (in [S]
    // both were later edited to another income account, together).
    { Name: 'Services', Type: 'Service', income: 'Services' },
    { Name: 'Hours', Type: 'Service', income: 'Services' },
  ],
});
