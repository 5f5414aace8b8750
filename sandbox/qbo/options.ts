/**
 * Behaviour switches of the QBO sandbox. Defaults follow the real service where the reference is
 * sure, and the safer documented guess where it is UNCONFIRMED (qbo-api.md §14); every guess can be
 * flipped at run time through `PUT /__sandbox/switches`.
 */
export interface QboSwitches {
  /** Rate limits (500/min/realm, 10/s per realm+app, 40 batch/min) enforced. */
  throttle: boolean;
  /** Answer 429 with the historical XML body instead of JSON. */
  throttleXml: boolean;
  /** Authorize page redirects at once with a code for the first realm (tests, demo). */
  autoApprove: boolean;
  /** Name uniqueness compares case-sensitively (UNCONFIRMED; default: case-insensitive, §14.1). */
  caseSensitiveNames: boolean;
  /** Uniqueness also collapses runs of inner white space (UNCONFIRMED; default off, §14.2). */
  collapseInnerWhitespace: boolean;
  /** Deactivating an Account renames it `Name (deleted)` and frees the name (§14.3, medium). */
  deletedSuffixAccounts: boolean;
  /** Deactivating a Customer/Vendor/Employee also renames it (§14.3, low; default off). */
  deletedSuffixNames: boolean;
  /** Inactive Customer/Vendor/Employee names keep blocking new records with 6240 (§14.4). */
  inactiveNamesBlock: boolean;
  /** A repeated requestid replays a Fault too, not only successes (UNCONFIRMED, §8). */
  replayFaults: boolean;
  /** Unknown JSON properties in a write are refused with 2010. */
  rejectUnknownFields: boolean;
  /** Revoking either token also kills the access token at once (§14.7). */
  revokeKillsAccessToken: boolean;
  /**
   * Class writes are refused while class tracking is off, Department writes while location tracking
   * is off (UNCONFIRMED, wording invented; default off: Intuit documents no such refusal and says
   * preferences are not necessarily honoured by the API).
   */
  enforceTrackingPrefs: boolean;
  /** An Account's AcctNum is not saved while UseAccountNumbers is off (UNCONFIRMED; default off). */
  enforceAccountNumbersPref: boolean;
  /**
   * Transactions dated on or before `AccountingInfoPrefs.BookCloseDate` are refused (6210 Account
   * Period Closed). On: integrations report QBO's API refusing them.
   */
  enforceBookCloseDate: boolean;
  /** A Bill reusing a DocNumber of the same vendor is refused (6140) without `include=allowduplicatedocnum`. */
  rejectDuplicateBillNumbers: boolean;
  /** A JournalEntry reusing another's DocNumber is refused (6140) (UNCONFIRMED; default off). */
  rejectDuplicateJournalNumbers: boolean;
}

export const DEFAULT_SWITCHES: QboSwitches = {
  throttle: true,
  throttleXml: false,
  autoApprove: false,
  caseSensitiveNames: false,
  collapseInnerWhitespace: false,
  deletedSuffixAccounts: true,
  deletedSuffixNames: false,
  inactiveNamesBlock: true,
  replayFaults: true,
  rejectUnknownFields: true,
  revokeKillsAccessToken: true,
  enforceTrackingPrefs: false,
  enforceAccountNumbersPref: false,
  enforceBookCloseDate: true,
  rejectDuplicateBillNumbers: true,
  rejectDuplicateJournalNumbers: false,
};

export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  appName: string;
  /** Exact redirect URIs; when omitted, any https://*.chromiumapp.org/* or http://127.0.0.1:* is accepted. */
  redirectUris?: string[];
}

export const DEFAULT_CLIENT: RegisteredClient = {
  clientId: 'qbo-sandbox-client',
  clientSecret: 'qbo-sandbox-secret',
  appName: 'QB Sync Manager for CStoreOffice',
};

export const LIMITS = {
  perRealmPerMinute: 500,
  perRealmAppPerSecond: 10,
  batchPerRealmAppPerMinute: 40,
  batchItems: 30,
  maxResults: 1000,
  defaultMaxResults: 100,
  cdcMaxObjects: 1000,
  cdcMaxDays: 30,
  requestIdMax: 50,
  batchRequestIdMax: 36,
  batchBIdMax: 10,
  accessTokenSeconds: 3600,
  refreshTokenSeconds: 8_726_400,
  refreshGraceSeconds: 86_400,
  refreshHardSeconds: 5 * 365 * 86_400,
  authCodeSeconds: 600,
  maxDepth: 5,
} as const;
