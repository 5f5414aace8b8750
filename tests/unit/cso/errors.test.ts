import { describe, expect, it } from 'vitest';
import {
  CsoBadRequestError,
  CsoCannotDeleteError,
  CsoDuplicateError,
  CsoError,
  CsoForbiddenError,
  CsoNotFoundError,
  CsoResyncRequiredError,
  CsoSignedOutError,
  CsoUnavailableError,
  CsoValidationError,
  CsoVersionConflictError,
  errorFromResponse,
} from '../../../lib/cso';

describe('errorFromResponse', () => {
  it.each([
    [401, { code: 'unauthenticated', message: 'x' }, CsoSignedOutError, 'signedOut'],
    [403, { code: 'forbidden', message: 'x' }, CsoForbiddenError, 'forbidden'],
    [404, { code: 'not_found', message: 'x' }, CsoNotFoundError, 'notFound'],
    [409, { code: 'duplicate_name', message: 'x', existingId: '7' }, CsoDuplicateError, 'duplicateName'],
    [
      409,
      { code: 'duplicate_value', message: 'x', fields: { stationCode: 'Already in use.' }, existingId: '8' },
      CsoDuplicateError,
      'duplicateValue',
    ],
    [409, { code: 'in_use', message: 'x' }, CsoCannotDeleteError, 'cannotDelete'],
    [409, { code: 'protected', message: 'x' }, CsoCannotDeleteError, 'cannotDelete'],
    [410, { code: 'updated_since_too_old', message: 'x' }, CsoResyncRequiredError, 'resyncRequired'],
    [412, { code: 'version_mismatch', message: 'x' }, CsoVersionConflictError, 'versionConflict'],
    [
      422,
      { code: 'validation_failed', message: 'x', fields: { name: 'Name is required.' } },
      CsoValidationError,
      'validation',
    ],
    [428, { code: 'precondition_required', message: 'x' }, CsoBadRequestError, 'badRequest'],
    [400, { code: 'invalid_cursor', message: 'x' }, CsoBadRequestError, 'badRequest'],
    [429, { code: 'rate_limited', message: 'x' }, CsoUnavailableError, 'unavailable'],
    [503, undefined, CsoUnavailableError, 'unavailable'],
    [500, undefined, CsoUnavailableError, 'unavailable'],
  ] as const)('%i %j → %s', (status, body, type, kind) => {
    const error = errorFromResponse(status, body, 1000);
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(CsoError);
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message.length).toBeGreaterThan(20);
  });

  it('carries what the engine needs to explain the row', () => {
    const dup = errorFromResponse(409, {
      code: 'duplicate_value',
      message: 'Another Location (station) already uses stationCode 101.',
      fields: { stationCode: 'Already in use.' },
      existingId: '8',
    }) as CsoDuplicateError;
    expect([dup.field, dup.existingId]).toEqual(['stationCode', '8']);
    expect(dup.message).toBe(
      'Already exists in CStoreOffice (id 8): Another Location (station) already uses stationCode 101.',
    );
    const invalid = errorFromResponse(422, {
      code: 'validation_failed',
      message: 'x',
      fields: { number: 'Use CStoreOffice numbering.' },
    }) as CsoValidationError;
    expect(invalid.fields).toEqual({ number: 'Use CStoreOffice numbering.' });
    expect((errorFromResponse(503, undefined, 4000) as CsoUnavailableError).retryAfterMs).toBe(4000);
  });
});
