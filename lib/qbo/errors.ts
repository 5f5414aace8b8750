/**
 * Typed errors of the QBO client. Every failure a caller can meet is one of these classes, so the
 * engine can decide by `instanceof` (retry later, reconnect, show the user, link a duplicate)
 * instead of reading message strings.
 */

/** One entry of a QBO Fault's Error list, whichever envelope it came in. */
export interface FaultEntry {
  code: string;
  message: string;
  detail: string;
  element: string;
}

export interface QboErrorInit {
  status: number;
  code: string;
  message: string;
  detail?: string;
  element?: string;
  intuitTid?: string;
  faultType?: string;
  errors?: FaultEntry[];
}

/** Base class: an answer from QBO (or its gateway) that is not a success. */
export class QboApiError extends Error {
  override name = 'QboApiError';
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly element: string;
  readonly intuitTid: string;
  readonly faultType: string;
  /** Every Error entry of the Fault; `code`/`message`/`detail` repeat the first one. */
  readonly errors: FaultEntry[];

  constructor(init: QboErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail ?? '';
    this.element = init.element ?? '';
    this.intuitTid = init.intuitTid ?? '';
    this.faultType = init.faultType ?? '';
    this.errors = init.errors ?? [
      { code: this.code, message: init.message, detail: this.detail, element: this.element },
    ];
  }
}

/** 401: the access token is expired, revoked or malformed (3200, 100, 120, 130). */
export class QboAuthError extends QboApiError {
  override name = 'QboAuthError';
}

/** 403: the token lacks the scope, or the realm belongs to the other environment (3100). */
export class QboForbiddenError extends QboApiError {
  override name = 'QboForbiddenError';
}

/** 429 / 3001 ThrottleExceeded. `retryAfterMs` comes from a Retry-After header when QBO sends one. */
export class QboThrottleError extends QboApiError {
  override name = 'QboThrottleError';
  retryAfterMs?: number;
}

/** 5xx from QBO or a gateway in front of it (often an HTML page). */
export class QboServerError extends QboApiError {
  override name = 'QboServerError';
}

/** 6240 Duplicate Name Exists; `existingId` is set when the Detail names the record (`Id=1067`). */
export class QboDuplicateNameError extends QboApiError {
  override name = 'QboDuplicateNameError';
  readonly existingId: string | undefined;
  constructor(init: QboErrorInit) {
    super(init);
    this.existingId = /\bId=(\d+)/.exec(init.detail ?? '')?.[1];
  }
}

/** 5010 Stale Object Error: someone changed the record since our SyncToken. */
export class QboStaleObjectError extends QboApiError {
  override name = 'QboStaleObjectError';
}

/** 610 Object Not Found. */
export class QboNotFoundError extends QboApiError {
  override name = 'QboNotFoundError';
}

/**
 * The books are closed through a date on or before the transaction's date (its old or its new one):
 * QBO will not create, change or delete it. Recognised by its Message, since the code QBO sends is
 * not settled (6210 and 6200 are listed, and one capture printed 5010, the stale-object code, which
 * would otherwise send a caller into re-reading and retrying forever).
 */
export class QboPeriodClosedError extends QboApiError {
  override name = 'QboPeriodClosedError';
}

/** 6140 Duplicate Document Number Error; `existingTxnId` is set when the Detail names it (`TxnId=1043`). */
export class QboDuplicateDocNumberError extends QboApiError {
  override name = 'QboDuplicateDocNumberError';
  readonly existingTxnId: string | undefined;
  constructor(init: QboErrorInit) {
    super(init);
    this.existingTxnId = /\bTxnId=(\d+)/.exec(init.detail ?? '')?.[1];
  }
}

/** The request never got an answer: connection refused, reset or dropped. */
export class QboNetworkError extends Error {
  override name = 'QboNetworkError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** No answer within the client's timeout. */
export class QboTimeoutError extends QboNetworkError {
  override name = 'QboTimeoutError';
}

/** QBO answered 2xx but the body is not what the API documents (not JSON, or the wrong shape). */
export class QboResponseError extends Error {
  override name = 'QboResponseError';
  constructor(
    message: string,
    readonly intuitTid = '',
  ) {
    super(message);
  }
}

/**
 * A list read answered 200 but said less than QBO's own count of it (a short page, an empty
 * `QueryResponse`, rows missing), or the count moved while it was read. Nothing may be planned from
 * such a read: the run stops before writing, and the next one reads the list again.
 */
export class QboIncompleteReadError extends QboResponseError {
  override name = 'QboIncompleteReadError';
}

/**
 * The refresh token was refused (invalid_grant) or is gone: only the user can fix this by connecting
 * again. Nothing was written by the failed call, so a later run can pick up where this one stopped.
 */
export class ReconnectNeededError extends Error {
  override name = 'ReconnectNeededError';
  constructor(
    message = 'The connection to QuickBooks has expired or was revoked. Connect to QuickBooks again.',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A caller mistake caught before any request (bad requestid, bad query field, etc.). */
export class QboUsageError extends Error {
  override name = 'QboUsageError';
}

const CLASS_BY_CODE: Readonly<Record<string, typeof QboApiError>> = {
  '6240': QboDuplicateNameError,
  '6140': QboDuplicateDocNumberError,
  '6200': QboPeriodClosedError,
  '6210': QboPeriodClosedError,
  '5010': QboStaleObjectError,
  '610': QboNotFoundError,
  '3001': QboThrottleError,
  '3200': QboAuthError,
  '3100': QboForbiddenError,
};

/** Picks the most specific class: the HTTP status decides for auth, throttle and server errors, then the Fault code. */
export function createQboError(init: QboErrorInit): QboApiError {
  // Before Dec 2016 throttling came back as 403; the code says what it is.
  if (init.code === '3001') return new QboThrottleError(init);
  if (init.status === 401) return new QboAuthError(init);
  if (init.status === 403) return new QboForbiddenError(init);
  if (init.status === 429) return new QboThrottleError(init);
  if (init.status >= 500) return new QboServerError(init);
  if (/account period closed/i.test(init.message)) return new QboPeriodClosedError(init);
  const Cls = CLASS_BY_CODE[init.code] ?? QboApiError;
  return new Cls(init);
}

/** Transient failures that a retry may cure. */
export function isRetryable(error: unknown): boolean {
  return error instanceof QboThrottleError || error instanceof QboServerError || error instanceof QboNetworkError;
}
