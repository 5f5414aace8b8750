/**
 * QBO's 16 AccountTypes, the Classification each implies, and enough AccountSubTypes to default one
 * from the other (qbo-api.md §2.1). The first subtype listed is the default QBO fills in.
 */
export type Classification = 'Asset' | 'Equity' | 'Expense' | 'Liability' | 'Revenue';

interface AccountTypeInfo {
  classification: Classification | undefined;
  subTypes: string[];
}

export const ACCOUNT_TYPES: Record<string, AccountTypeInfo> = {
  Bank: {
    classification: 'Asset',
    subTypes: ['Checking', 'Savings', 'MoneyMarket', 'CashOnHand', 'TrustAccounts', 'RentsHeldInTrust'],
  },
  'Other Current Asset': {
    classification: 'Asset',
    subTypes: [
      'OtherCurrentAssets',
      'Inventory',
      'UndepositedFunds',
      'PrepaidExpenses',
      'AllowanceForBadDebts',
      'EmployeeCashAdvances',
      'LoansToOfficers',
      'Retainage',
    ],
  },
  'Fixed Asset': {
    classification: 'Asset',
    subTypes: [
      'MachineryAndEquipment',
      'FurnitureAndFixtures',
      'Buildings',
      'Land',
      'Vehicles',
      'LeaseholdImprovements',
      'AccumulatedDepreciation',
      'OtherFixedAssets',
    ],
  },
  'Other Asset': {
    classification: 'Asset',
    subTypes: [
      'OtherLongTermAssets',
      'SecurityDeposits',
      'Goodwill',
      'Licenses',
      'AccumulatedAmortizationOfOtherAssets',
    ],
  },
  'Accounts Receivable': { classification: 'Asset', subTypes: ['AccountsReceivable'] },
  Equity: {
    classification: 'Equity',
    subTypes: [
      'OwnersEquity',
      'OpeningBalanceEquity',
      'RetainedEarnings',
      'PartnerContributions',
      'PartnerDistributions',
      'CommonStock',
      'PaidInCapitalOrSurplus',
    ],
  },
  Expense: {
    classification: 'Expense',
    subTypes: [
      'OfficeGeneralAdministrativeExpenses',
      'AdvertisingPromotional',
      'BankCharges',
      'Insurance',
      'LegalProfessionalFees',
      'RentOrLeaseOfBuildings',
      'Travel',
      'Utilities',
      'RepairMaintenance',
      'PayrollExpenses',
      'TaxesPaid',
      'OtherMiscellaneousServiceCost',
      'SuppliesMaterials',
      'Auto',
    ],
  },
  'Other Expense': {
    classification: 'Expense',
    subTypes: ['OtherMiscellaneousExpense', 'Depreciation', 'Amortization', 'PenaltiesSettlements'],
  },
  'Cost of Goods Sold': {
    classification: 'Expense',
    subTypes: [
      'SuppliesMaterialsCogs',
      'CostOfLaborCos',
      'EquipmentRentalCos',
      'OtherCostsOfServiceCos',
      'ShippingFreightDeliveryCos',
    ],
  },
  'Accounts Payable': { classification: 'Liability', subTypes: ['AccountsPayable'] },
  'Credit Card': { classification: 'Liability', subTypes: ['CreditCard'] },
  'Long Term Liability': {
    classification: 'Liability',
    subTypes: ['NotesPayable', 'OtherLongTermLiabilities', 'ShareholderNotesPayable'],
  },
  'Other Current Liability': {
    classification: 'Liability',
    subTypes: [
      'OtherCurrentLiabilities',
      'SalesTaxPayable',
      'PayrollTaxPayable',
      'LineOfCredit',
      'LoanPayable',
      'TrustAccountsLiabilities',
      'PrepaidExpensesPayable',
    ],
  },
  Income: {
    classification: 'Revenue',
    subTypes: [
      'SalesOfProductIncome',
      'ServiceFeeIncome',
      'DiscountsRefundsGiven',
      'OtherPrimaryIncome',
      'NonProfitIncome',
      'UnappliedCashPaymentIncome',
    ],
  },
  'Other Income': {
    classification: 'Revenue',
    subTypes: [
      'OtherMiscellaneousIncome',
      'InterestEarned',
      'DividendIncome',
      'OtherInvestmentIncome',
      'TaxExemptInterest',
    ],
  },
  'Non-Posting': { classification: undefined, subTypes: ['Estimate', 'PurchaseOrder', 'SalesOrder'] },
};

const TYPE_BY_SUBTYPE = new Map<string, string>(
  Object.entries(ACCOUNT_TYPES).flatMap(([type, info]) => info.subTypes.map((sub) => [sub, type] as const)),
);

export const isAccountType = (value: unknown): value is string =>
  typeof value === 'string' && Object.hasOwn(ACCOUNT_TYPES, value);
export const accountTypeOfSubType = (subType: string): string | undefined => TYPE_BY_SUBTYPE.get(subType);
export const defaultSubType = (type: string): string | undefined => ACCOUNT_TYPES[type]?.subTypes[0];
export const classificationOf = (type: string): Classification | undefined => ACCOUNT_TYPES[type]?.classification;
