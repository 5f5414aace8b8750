/**
 * The pure parts of "Connect to QBO": the authorize URL with a random `state`, and reading the
 * redirect Intuit sends back (code, realmId, state, or an error) into data or words for the user.
 */
export const QBO_SCOPES = ['com.intuit.quickbooks.accounting', 'openid', 'profile', 'email'] as const;

/** 32 random bytes, hex: unguessable, and safe in a URL without encoding. */
export function createState(
  getRandomValues: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  return Array.from(getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function buildAuthorizeUrl(input: {
  authorizeUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
  scopes?: readonly string[];
}): string {
  const url = new URL(input.authorizeUrl);
  url.searchParams.set('client_id', input.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', (input.scopes ?? QBO_SCOPES).join(' '));
  url.searchParams.set('redirect_uri', input.redirectUri);
  url.searchParams.set('state', input.state);
  return url.toString();
}

export type AuthFailureReason =
  | 'cancelled'
  | 'denied'
  | 'state-mismatch'
  | 'invalid-redirect'
  | 'intuit-error'
  | 'realm-mismatch'
  | 'realm-taken'
  | 'exchange-failed';

export interface AuthFailure {
  ok: false;
  reason: AuthFailureReason;
  /** Words for the user: what happened and what to do. */
  message: string;
}

export type RedirectResult = { ok: true; code: string; realmId: string } | AuthFailure;

const fail = (reason: AuthFailureReason, message: string): AuthFailure => ({ ok: false, reason, message });

/** What Intuit's `error` values mean to a bookkeeper. */
function describeAuthError(error: string, description?: string | null): AuthFailure {
  switch (error) {
    case 'access_denied':
      return fail(
        'denied',
        'QuickBooks access was not granted, so nothing was connected. Click Connect to QBO again and choose Connect when QuickBooks asks.',
      );
    case 'invalid_scope':
      return fail(
        'intuit-error',
        'QuickBooks refused the permissions this extension asks for. Check that the Intuit app has the Accounting scope enabled.',
      );
    default:
      return fail(
        'intuit-error',
        `QuickBooks could not complete the connection (${description || error}). Try again in a moment.`,
      );
  }
}

/** Reads the URL the authorize page redirected to; the state must be the one we sent. */
export function parseRedirect(redirectUrl: string, expectedState: string): RedirectResult {
  let url: URL;
  try {
    url = new URL(redirectUrl);
  } catch {
    return fail(
      'invalid-redirect',
      'QuickBooks sent back an address the extension could not read. Try connecting again.',
    );
  }
  const params = url.searchParams;
  // Check state first: an answer that is not ours must not even be read as an error.
  if (params.get('state') !== expectedState) {
    return fail(
      'state-mismatch',
      'The answer from QuickBooks did not belong to this connection attempt, so it was ignored. Try connecting again.',
    );
  }
  const error = params.get('error');
  if (error) return describeAuthError(error, params.get('error_description'));
  const code = params.get('code');
  const realmId = params.get('realmId');
  if (!code || !realmId)
    return fail('invalid-redirect', 'QuickBooks did not say which company was chosen. Try connecting again.');
  return { ok: true, code, realmId };
}

/**
 * chrome.identity rejects when the user closes the sign-in window; that is a cancel, not a fault.
 * Other rejections (network, bad redirect URI) are reported with their message.
 */
export function describeLaunchError(error: unknown): AuthFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (/did not approve|cancel|closed by the user|user closed/i.test(message)) {
    return fail('cancelled', 'The QuickBooks window was closed before connecting. Nothing was changed.');
  }
  return fail(
    'intuit-error',
    `The QuickBooks sign-in window could not be opened or completed (${message}). Try again.`,
  );
}

/**
 * One QBO company per CStoreOffice company: once links were made with a realm, connecting to a
 * different one would match records against the wrong books, so it is refused until the user
 * clears the sync history.
 */
export function checkRealm(linkedRealmId: string | null | undefined, realmId: string): { ok: true } | AuthFailure {
  if (!linkedRealmId || linkedRealmId === realmId) return { ok: true };
  return fail(
    'realm-mismatch',
    `This CStoreOffice company is already synchronized with a different QuickBooks company (id ${linkedRealmId}). ` +
      'Connect to that company again, or clear the sync history first to start over with the new one.',
  );
}

/**
 * One CStoreOffice company per QBO company: a realm another company (on any CStoreOffice origin)
 * is connected to would have two companies' records copied into each other and deletions echoed
 * between them, so it is refused, naming that company, until it is disconnected there.
 */
export function realmTaken(realmId: string, holder: string): AuthFailure {
  return fail(
    'realm-taken',
    `QuickBooks company ${realmId} is already connected to the CStoreOffice company ${holder}. One QuickBooks company keeps the books of one CStoreOffice company: ` +
      'disconnect it there first, or choose another QuickBooks company.',
  );
}
