import { describe, expect, it } from 'vitest';
import {
  QboApiError,
  QboAuthError,
  QboDuplicateDocNumberError,
  QboDuplicateNameError,
  QboForbiddenError,
  QboPeriodClosedError,
  QboNotFoundError,
  QboServerError,
  QboStaleObjectError,
  QboThrottleError,
  faultToError,
  parseErrorResponse,
} from '@/lib/qbo';

const upper = (code: string, message: string, detail: string, element = '') =>
  JSON.stringify({
    Fault: { Error: [{ Message: message, Detail: detail, code, element }], type: 'ValidationFault' },
    time: '2017-09-29T09:17:31.892-07:00',
  });

describe('parseErrorResponse', () => {
  it.each([
    [
      400,
      upper('6240', 'Duplicate Name Exists Error', 'The name supplied already exists. : Id=1067'),
      QboDuplicateNameError,
      '6240',
    ],
    [
      400,
      upper('5010', 'Stale Object Error', 'Stale Object Error : You and Bob were working on this at the same time.'),
      QboStaleObjectError,
      '5010',
    ],
    [
      400,
      upper('610', 'Object Not Found', "Object Not Found : Something you're trying to use has been made inactive."),
      QboNotFoundError,
      '610',
    ],
    [
      400,
      upper('2040', 'Invalid String', 'Element contains invalid characters. Rob:Barnett', 'DisplayName'),
      QboApiError,
      '2040',
    ],
    [
      400,
      upper('4000', 'Error parsing query', 'QueryParserError: Encountered " <IDENTIFIER> "s "" at line 1, column 48.'),
      QboApiError,
      '4000',
    ],
  ])('HTTP %i upper-case Fault → %s', (status, body, Cls, code) => {
    const error = parseErrorResponse(status, body, 'tid-9');
    expect(error).toBeInstanceOf(Cls);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.intuitTid).toBe('tid-9');
    expect(error.faultType).toBe('ValidationFault');
  });

  it('keeps message, detail and element of an upper-case Fault', () => {
    const error = parseErrorResponse(
      400,
      upper('2040', 'Invalid String', 'Element contains invalid characters. \t Aron', 'DisplayName'),
    );
    expect(error.message).toBe('Invalid String');
    expect(error.detail).toBe('Element contains invalid characters. \t Aron');
    expect(error.element).toBe('DisplayName');
  });

  it('reads the existing record id from a 6240 detail, and leaves it undefined when absent', () => {
    const withId = parseErrorResponse(
      400,
      upper('6240', 'Duplicate Name Exists Error', 'The name supplied already exists. : Id=1067'),
    );
    const without = parseErrorResponse(
      400,
      upper(
        '6240',
        'Duplicate Name Exists Error',
        'The name supplied already exists. : Another customer, vendor or employee is already using this name. Please use a different name.',
      ),
    );
    expect((withId as QboDuplicateNameError).existingId).toBe('1067');
    expect((without as QboDuplicateNameError).existingId).toBeUndefined();
  });

  it('parses the gateway lower-case 401 fault with epoch time', () => {
    const body = JSON.stringify({
      warnings: null,
      intuitObject: null,
      fault: {
        error: [
          {
            message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401',
            detail: 'Token expired: abc',
            code: '3200',
            element: null,
          },
        ],
        type: 'AUTHENTICATION',
      },
      report: null,
      time: 1633520295688,
    });
    const error = parseErrorResponse(401, body);
    expect(error).toBeInstanceOf(QboAuthError);
    expect(error.code).toBe('3200');
    expect(error.detail).toBe('Token expired: abc');
    expect(error.faultType).toBe('AUTHENTICATION');
  });

  it('parses a lower-case 403 fault and recovers the code from the message when code is missing', () => {
    const body = JSON.stringify({
      fault: {
        error: [
          {
            message: 'message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403',
            detail: 'The access token does not have sufficient scope',
          },
        ],
        type: 'AUTHORIZATION',
      },
    });
    const error = parseErrorResponse(403, body);
    expect(error).toBeInstanceOf(QboForbiddenError);
    expect(error.code).toBe('3100');
  });

  it('parses the XML throttle fault QBO sends on 429', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><IntuitResponse time="2016-12-01T10:00:00.000-08:00"><Fault type="SERVICE"><Error code="3001"><Message>message=ThrottleExceeded; errorCode=003001; statusCode=429</Message><Detail>The request limit was reached.  Try again later</Detail></Error></Fault></IntuitResponse>';
    const error = parseErrorResponse(429, xml, 'tid-x');
    expect(error).toBeInstanceOf(QboThrottleError);
    expect(error.code).toBe('3001');
    expect(error.detail).toBe('The request limit was reached.  Try again later');
    expect(error.faultType).toBe('SERVICE');
    expect(error.intuitTid).toBe('tid-x');
  });

  it('treats a pre-2016 throttle on 403 as a throttle by its code', () => {
    const xml =
      '<Fault type="SERVICE"><Error code="3001"><Message>message=ThrottleExceeded; errorCode=003001; statusCode=403</Message><Detail>x</Detail></Error></Fault>';
    expect(parseErrorResponse(403, xml)).toBeInstanceOf(QboThrottleError);
  });

  it('turns an HTML gateway page into a server error with its title', () => {
    const html =
      '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
    const error = parseErrorResponse(502, html);
    expect(error).toBeInstanceOf(QboServerError);
    expect(error.message).toBe('QuickBooks answered HTTP 502 (Bad Gateway)');
    expect(error.detail).toBe('502 Bad Gateway');
    expect(error.faultType).toBe('HTML');
  });

  it.each([
    [500, ''],
    [503, 'Service Unavailable'],
    [400, 'not json at all'],
    [400, '{"unexpected":true}'],
    [400, '[1,2]'],
  ])('never crashes on HTTP %i with body %j', (status, body) => {
    const error = parseErrorResponse(status, body);
    expect(error).toBeInstanceOf(QboApiError);
    expect(error.message).toContain(`HTTP ${status}`);
  });

  it('reads OAuth-style errors', () => {
    const error = parseErrorResponse(
      400,
      JSON.stringify({ error: 'invalid_grant', error_description: 'Incorrect or invalid refresh token' }),
    );
    expect(error.code).toBe('invalid_grant');
    expect(error.detail).toBe('Incorrect or invalid refresh token');
  });

  it('keeps every entry of a multi-error Fault', () => {
    const body = JSON.stringify({
      Fault: {
        Error: [
          { Message: 'A', code: '2020' },
          { Message: 'B', code: '2050', element: 'Name' },
        ],
        type: 'ValidationFault',
      },
    });
    const error = parseErrorResponse(400, body);
    expect(error.errors.map((e) => e.code)).toEqual(['2020', '2050']);
    expect(error.errors[1]?.element).toBe('Name');
  });
});

describe('transaction faults', () => {
  const closed = (code: string) => upper(code, 'Account Period Closed', 'The account period has closed. {1}');

  // QBO's code for a closed period is not settled; one capture printed the stale-object code.
  it.each(['6210', '6200', '5010', ''])('a closed period with code %j is a QboPeriodClosedError', (code) => {
    const error = parseErrorResponse(400, closed(code));
    expect(error).toBeInstanceOf(QboPeriodClosedError);
    expect(error).not.toBeInstanceOf(QboStaleObjectError);
    expect(error).toMatchObject({ code, detail: 'The account period has closed. {1}' });
  });

  it('a 6140 names the transaction that holds the number, when the Detail does', () => {
    const detail =
      'Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=INV-7 is assigned to TxnType=Bill with TxnId=1043';
    const error = parseErrorResponse(400, upper('6140', 'Duplicate Document Number Error', detail));
    expect(error).toBeInstanceOf(QboDuplicateDocNumberError);
    expect((error as QboDuplicateDocNumberError).existingTxnId).toBe('1043');
    const bare = parseErrorResponse(400, upper('6140', 'Duplicate Document Number Error', 'no id here'));
    expect((bare as QboDuplicateDocNumberError).existingTxnId).toBeUndefined();
  });

  it('a closed period inside a batch item is typed too', () => {
    const error = faultToError(
      { Error: [{ Message: 'Account Period Closed', Detail: 'The account period has closed. {1}', code: '6210' }] },
      200,
    );
    expect(error).toBeInstanceOf(QboPeriodClosedError);
  });
});

describe('faultToError (batch items and 200 answers)', () => {
  it('maps a batch item Fault', () => {
    const error = faultToError(
      {
        type: 'ValidationFault',
        Error: [
          {
            Message: 'Duplicate Name Exists Error',
            code: '6240',
            Detail: 'The name supplied already exists. : Id=77',
            element: '',
          },
        ],
      },
      200,
    );
    expect(error).toBeInstanceOf(QboDuplicateNameError);
    expect((error as QboDuplicateNameError).existingId).toBe('77');
  });

  it('survives a Fault without entries', () => {
    expect(faultToError({}, 200).message).toMatch(/without details/);
    expect(faultToError(null, 200)).toBeInstanceOf(QboApiError);
  });
});
