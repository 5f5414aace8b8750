/**
 * The failures that stop a whole run, in the words the user needs: what happened and what to do.
 * Anything else that goes wrong with one record ends up on that record's row instead.
 */
import { BrokerError } from '@/lib/auth';
import { CsoError, CsoForbiddenError, CsoIncompleteReadError, CsoSignedOutError, CsoUnavailableError } from '@/lib/cso';
import {
  QboApiError,
  QboAuthError,
  QboIncompleteReadError,
  QboNetworkError,
  QboResponseError,
  QboServerError,
  QboThrottleError,
  ReconnectNeededError,
} from '@/lib/qbo';
import { RealmMismatchError } from '@/lib/sync';

export type StopKind = 'reconnect' | 'signIn' | 'realm' | 'unavailable' | 'unexpected';

const NOTHING_LOST = 'Nothing was lost: the next Synchronize continues where this one stopped.';

export function describeStop(error: unknown): { kind: StopKind; message: string } {
  if (error instanceof ReconnectNeededError || error instanceof QboAuthError) {
    return {
      kind: 'reconnect',
      message:
        'The connection to QuickBooks Online was lost. Connect to QBO to sign in again, then synchronize; nothing was lost.',
    };
  }
  if (error instanceof CsoSignedOutError) {
    return {
      kind: 'signIn',
      message: 'You are signed out of CStoreOffice. Sign in to CStoreOffice, then synchronize again; nothing was lost.',
    };
  }
  if (error instanceof RealmMismatchError) return { kind: 'realm', message: error.message };
  if (error instanceof QboThrottleError) {
    return {
      kind: 'unavailable',
      message: `QuickBooks asked us to slow down and kept refusing after several waits. ${NOTHING_LOST}`,
    };
  }
  // A read that said less than its own count: refused, nothing written, read again next time.
  if (error instanceof QboIncompleteReadError || error instanceof CsoIncompleteReadError)
    return { kind: 'unavailable', message: `${error.message} ${NOTHING_LOST}` };
  if (error instanceof QboServerError || error instanceof QboNetworkError || error instanceof QboResponseError) {
    return {
      kind: 'unavailable',
      message: `QuickBooks Online did not answer properly (${error.message}). ${NOTHING_LOST}`,
    };
  }
  if (error instanceof CsoUnavailableError)
    return { kind: 'unavailable', message: `CStoreOffice is busy or unavailable right now. ${NOTHING_LOST}` };
  if (error instanceof CsoForbiddenError) {
    return {
      kind: 'signIn',
      message:
        'Your CStoreOffice user may not audit this company. Ask the account owner for the "Allow users to audit accounting" right.',
    };
  }
  if (error instanceof BrokerError) {
    return {
      kind: 'unavailable',
      message: `The token service could not refresh the QuickBooks connection (${error.message}). ${NOTHING_LOST}`,
    };
  }
  if (error instanceof CsoError || error instanceof QboApiError) {
    return { kind: 'unexpected', message: `The synchronization stopped: ${error.message}. ${NOTHING_LOST}` };
  }
  const why = error instanceof Error ? error.message : String(error);
  return { kind: 'unexpected', message: `The synchronization stopped unexpectedly (${why}). ${NOTHING_LOST}` };
}
