// Typed errors for everything that can go wrong talking to CStoreOffice. Each message is written
// for the accountant (the engine shows it as a row issue); `kind` lets code branch without instanceof.
import type { CsoErrorBody } from './schemas';

export type CsoErrorKind =
  | 'signedOut'
  | 'forbidden'
  | 'notFound'
  | 'versionConflict'
  | 'duplicateName'
  | 'duplicateValue'
  | 'cannotDelete'
  | 'validation'
  | 'resyncRequired'
  | 'unavailable'
  | 'malformedResponse'
  | 'badRequest'
  | 'incompleteRead'
  | 'linkConflict'
  | 'featureMissing';

export class CsoError extends Error {
  override name = 'CsoError';
  constructor(
    readonly kind: CsoErrorKind,
    message: string,
    readonly details: { status?: number; code?: string } = {},
  ) {
    super(message);
  }
  get status(): number | undefined {
    return this.details.status;
  }
  get code(): string | undefined {
    return this.details.code;
  }
}

export class CsoSignedOutError extends CsoError {
  constructor(status?: number) {
    super('signedOut', 'You are signed out of CStoreOffice. Sign in to CStoreOffice again, then retry.', {
      status,
      code: 'unauthenticated',
    });
  }
}
export class CsoForbiddenError extends CsoError {
  constructor(message: string) {
    super('forbidden', `CStoreOffice does not let this user audit the company: ${message}`, {
      status: 403,
      code: 'forbidden',
    });
  }
}
export class CsoNotFoundError extends CsoError {
  constructor(message: string, code = 'not_found') {
    super('notFound', `Not found in CStoreOffice: ${message}`, { status: 404, code });
  }
}
export class CsoVersionConflictError extends CsoError {
  constructor(message: string) {
    super('versionConflict', `Changed in CStoreOffice since it was last read, so it was not overwritten. ${message}`, {
      status: 412,
      code: 'version_mismatch',
    });
  }
}
export class CsoDuplicateError extends CsoError {
  constructor(
    message: string,
    readonly existingId: string | undefined,
    readonly field: string,
    code: string,
  ) {
    super(
      field === 'name' ? 'duplicateName' : 'duplicateValue',
      `Already exists in CStoreOffice${existingId ? ` (id ${existingId})` : ''}: ${message}`,
      { status: 409, code },
    );
  }
}
export class CsoCannotDeleteError extends CsoError {
  constructor(message: string, code: string) {
    super('cannotDelete', `CStoreOffice cannot delete it: ${message}`, { status: 409, code });
  }
}
export class CsoValidationError extends CsoError {
  constructor(readonly fields: Record<string, string>) {
    const list = Object.entries(fields)
      .map(([field, why]) => `${field}: ${why}`)
      .join('; ');
    super('validation', `CStoreOffice refused the values: ${list || 'no details given'}.`, {
      status: 422,
      code: 'validation_failed',
    });
  }
}
export class CsoResyncRequiredError extends CsoError {
  constructor() {
    super('resyncRequired', 'CStoreOffice no longer has the changes since the last sync; a full read is needed.', {
      status: 410,
      code: 'updated_since_too_old',
    });
  }
}
export class CsoUnavailableError extends CsoError {
  constructor(
    reason: string,
    readonly retryAfterMs?: number,
    status?: number,
  ) {
    super('unavailable', `CStoreOffice is not answering right now (${reason}); try again later.`, {
      status,
      code: 'unavailable',
    });
  }
}
export class CsoMalformedResponseError extends CsoError {
  constructor(where: string, problem: string, status?: number) {
    super('malformedResponse', `CStoreOffice sent an answer the extension cannot read (${where}: ${problem}).`, {
      status,
      code: 'malformed_response',
    });
  }
}
export class CsoBadRequestError extends CsoError {
  constructor(message: string, status: number, code: string) {
    super('badRequest', `CStoreOffice rejected the request (HTTP ${status} ${code}): ${message}`, { status, code });
  }
}

/** A listing read short of its own `total` (it ended early or left rows out): never a shorter list. */
export class CsoIncompleteReadError extends CsoError {
  constructor(type: string, read: number, total: number) {
    super(
      'incompleteRead',
      `CStoreOffice's ${type} list ended after ${read} of the ${total} records it holds. Nothing was written; the next sync reads it again.`,
      { code: 'incomplete_read' },
    );
  }
}

/**
 * A QuickBooks link or realm CStoreOffice refused (409, v1.3): `duplicate_link` (another record of
 * the type holds that QuickBooks record: `existingId`), `realm_mismatch` (the company is bound to
 * another QuickBooks company, or to none yet) or `realm_taken` (another company holds this realm:
 * `existingId` is that company's id).
 */
export class CsoLinkConflictError extends CsoError {
  constructor(
    message: string,
    code: 'duplicate_link' | 'realm_mismatch' | 'realm_taken',
    readonly existingId: string | undefined,
  ) {
    super('linkConflict', `CStoreOffice refused the QuickBooks link: ${message}`, { status: 409, code });
  }
}

type CsoFeature = 'links' | 'syncState' | 'runHistory' | 'auditDays' | 'vendorInvoices';
const FEATURE_WORDS: Record<CsoFeature, [what: string, since: string]> = {
  links: ['keep QuickBooks links on its records', '1.3'],
  syncState: ['keep QuickBooks sync state', '1.3'],
  runHistory: ['keep QuickBooks sync history', '1.3'],
  auditDays: ['serve audit days', '1.4'],
  vendorInvoices: ['serve vendor invoices', '1.4'],
};

/** A call this CStoreOffice server does not serve yet (an older contract): fall back, do not fail. */
export class CsoFeatureMissingError extends CsoError {
  constructor(
    readonly feature: CsoFeature,
    status: number,
  ) {
    const [what, since] = FEATURE_WORDS[feature];
    super('featureMissing', `This CStoreOffice server does not ${what} (it predates contract v${since}).`, {
      status,
      code: 'feature_missing',
    });
  }
}

/**
 * An older server reads a newer path as an unknown entity type (404 `not_found`; 405 for a method
 * no route there serves): that is a missing feature. 404 `company_not_found` and the rest stay as they are.
 */
export function featureMissingOr(error: CsoError, feature: CsoFeature): CsoError {
  const unknownPath = (error.kind === 'notFound' && error.code === 'not_found') || error.status === 405;
  return unknownPath ? new CsoFeatureMissingError(feature, error.status ?? 404) : error;
}

const LINK_CODES = ['duplicate_link', 'realm_mismatch', 'realm_taken'] as const;

/** Maps a non-2xx answer (already parsed, or undefined when unreadable) to a typed error. */
export function errorFromResponse(status: number, body: CsoErrorBody | undefined, retryAfterMs?: number): CsoError {
  const code = body?.code ?? `http_${status}`;
  const message = body?.message ?? `HTTP ${status}`;
  if (status === 401) return new CsoSignedOutError(status);
  if (status === 403) return new CsoForbiddenError(message);
  if (status === 404) return new CsoNotFoundError(message, code);
  if (status === 410) return new CsoResyncRequiredError();
  if (status === 412) return new CsoVersionConflictError(message);
  if (status === 422) return new CsoValidationError(body?.fields ?? {});
  if (status === 409) {
    if (code === 'duplicate_name') return new CsoDuplicateError(message, body?.existingId, 'name', code);
    if (code === 'duplicate_value')
      return new CsoDuplicateError(message, body?.existingId, Object.keys(body?.fields ?? {})[0] ?? 'value', code);
    const linkCode = LINK_CODES.find((c) => c === code);
    if (linkCode) return new CsoLinkConflictError(message, linkCode, body?.existingId);
    return new CsoCannotDeleteError(message, code);
  }
  if (status === 429 || status >= 500) return new CsoUnavailableError(`HTTP ${status}`, retryAfterMs, status);
  return new CsoBadRequestError(message, status, code);
}
