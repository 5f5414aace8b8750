import { describe, expect, it } from 'vitest';
import { BrokerError } from '@/lib/auth';
import { describeStop } from '@/lib/background/run-errors';
import { CsoSignedOutError, CsoUnavailableError } from '@/lib/cso';
import { QboThrottleError, ReconnectNeededError } from '@/lib/qbo';
import { RealmMismatchError } from '@/lib/sync';

describe('why a run stopped, in words', () => {
  it.each([
    [new ReconnectNeededError('gone'), 'reconnect', 'Connect to QBO'],
    [new RealmMismatchError('1', '2'), 'realm', 'Clear the sync history'],
    [new BrokerError('network', 'down', 0), 'unavailable', 'token service'],
    [new CsoSignedOutError(401), 'signIn', 'Sign in to CStoreOffice'],
    [new CsoUnavailableError('HTTP 503', 1000, 503), 'unavailable', 'CStoreOffice is busy or unavailable'],
    [
      new QboThrottleError({
        status: 429,
        code: '003001',
        message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429',
      }),
      'unavailable',
      'slow down',
    ],
    [new Error('boom'), 'unexpected', 'Nothing was lost'],
  ])('%s → %s', (error, kind, words) => {
    const stop = describeStop(error);
    expect(stop.kind).toBe(kind);
    expect(stop.message).toContain(words);
  });

  it('never shows a service code dump', () => {
    const throttled = new QboThrottleError({
      status: 429,
      code: '003001',
      message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429',
    });
    for (const error of [new ReconnectNeededError('x'), new BrokerError('network', 'down', 0), throttled]) {
      expect(describeStop(error).message).not.toMatch(/errorCode=|statusCode=/);
    }
  });
});
