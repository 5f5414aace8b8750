/**
 * The failures that stop a whole run, in the words the user needs: what happened and what to do.
 * Anything else that goes wrong with one record ends up on that record's row instead.
 */
import { CsoSignedOutError } from '@/lib/cso';
import { ReconnectNeededError } from '@/lib/qbo';
import { RealmMismatchError } from '@/lib/sync';

export type StopKind = 'reconnect' | 'signIn' | 'realm' | 'unexpected';

export function describeStop(error: unknown): { kind: StopKind; message: string } {
  if (error instanceof ReconnectNeededError) {
    return { kind: 'reconnect', message: 'QuickBooks Online no longer accepts this connection. Reconnect to QBO, then synchronize again; nothing was lost.' };
  }
  if (error instanceof CsoSignedOutError) {
    return { kind: 'signIn', message: 'You are signed out of CStoreOffice. Sign in to CStoreOffice, then synchronize again; nothing was lost.' };
  }
  if (error instanceof RealmMismatchError) return { kind: 'realm', message: error.message };
  const why = error instanceof Error ? error.message : String(error);
  return { kind: 'unexpected', message: `The synchronization stopped: ${why}. Nothing was lost; synchronize again to continue.` };
}
