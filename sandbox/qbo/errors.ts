/**
 * QBO's error shapes. API faults use the `Fault` envelope with string codes; the gateway's 401/403
 * use a different, lower-case envelope with an epoch-ms `time` (qbo-api.md §7.1).
 */
export type FaultType = 'ValidationFault' | 'SystemFault' | 'AuthenticationFault' | 'AuthorizationFault' | 'SERVICE';

export interface QboError {
  status: number;
  code: string;
  message: string;
  detail: string;
  element?: string;
  type?: FaultType;
}

const qboError = (
  code: string,
  message: string,
  detail: string,
  element = '',
  status = 400,
  type: FaultType = 'ValidationFault',
): QboError => ({
  status,
  code,
  message,
  detail,
  element,
  type,
});

export function faultBody(error: QboError, time: string): Record<string, unknown> {
  return {
    Fault: {
      Error: [{ Message: error.message, Detail: error.detail, code: error.code, element: error.element ?? '' }],
      type: error.type ?? 'ValidationFault',
    },
    time,
  };
}

export function gatewayFaultBody(status: 401 | 403, detail: string, now: number): Record<string, unknown> {
  const [name, code] = status === 401 ? ['AuthenticationFailed', '3200'] : ['ApplicationAuthorizationFailed', '3100'];
  return {
    warnings: null,
    intuitObject: null,
    fault: {
      error: [{ message: `message=${name}; errorCode=00${code}; statusCode=${status}`, detail, code, element: null }],
      type: status === 401 ? 'AUTHENTICATION' : 'AUTHORIZATION',
    },
    report: null,
    queryResponse: null,
    batchItemResponse: [],
    attachableResponse: [],
    syncErrorResponse: null,
    requestId: null,
    time: now,
    status: null,
    cdcresponse: [],
  };
}

const THROTTLE_MESSAGE = 'message=ThrottleExceeded; errorCode=003001; statusCode=429';
const THROTTLE_DETAIL = 'The request limit was reached.  Try again later';

export function throttleJson(time: string): Record<string, unknown> {
  return {
    Fault: {
      Error: [{ Message: THROTTLE_MESSAGE, Detail: THROTTLE_DETAIL, code: '3001', element: '' }],
      type: 'SERVICE',
    },
    time,
  };
}

export function throttleXml(time: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><IntuitResponse xmlns="http://schema.intuit.com/finance/v3" time="${time}"><Fault type="SERVICE"><Error code="3001"><Message>${THROTTLE_MESSAGE}</Message><Detail>${THROTTLE_DETAIL}</Detail></Error></Fault></IntuitResponse>`;
}

// The catalogue of faults the service raises, so the texts live in one place.
export const faults = {
  required: (field: string) =>
    qboError('2020', 'Required Param Missing', `Required parameter ${field} is missing in the request`, field),
  length: (field: string, max: number, length: number) =>
    qboError(
      '2050',
      'String length is either shorter or longer than supported by specification',
      `String length specified does not match the supported length. Min:0 Max:${max.toLocaleString('en-US')} supported. Supplied length: ${length.toLocaleString('en-US')}`,
      field,
    ),
  invalidString: (field: string, value: string) =>
    qboError('2040', 'Invalid String', `Element contains invalid characters. ${value}`, field),
  invalidEnum: (field: string, value: string) =>
    qboError('2170', 'Invalid Enumeration', `Invalid Enumeration : ${value}`, field),
  invalidId: (value: string) =>
    qboError('2030', 'Invalid ID', `Id should be a valid number. Supplied value:${value}`, 'Id'),
  unknownProperty: (entity: string, field: string) =>
    qboError(
      '2010',
      'Request has invalid or unsupported property',
      `Property Name:Unrecognized field "${field}" (class com.intuit.schema.finance.v3.${entity}), not marked as ignorable specified is unsupported or invalid`,
      field,
    ),
  notFound: () =>
    qboError(
      '610',
      'Object Not Found',
      "Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.",
    ),
  invalidRef: (what: string, id: string) =>
    qboError('2500', 'Invalid Reference Id', `Invalid Reference Id : ${what} element id ${id} not found`),
  inactiveRef: () =>
    qboError(
      '2500',
      'Invalid Reference Id',
      "Invalid Reference Id : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.",
    ),
  duplicate: (existingId: string) =>
    qboError('6240', 'Duplicate Name Exists Error', `The name supplied already exists. : Id=${existingId}`),
  stale: (entity: string) =>
    qboError(
      '5010',
      'Stale Object Error',
      `Stale Object Error : You and Sandbox Admin were working on this at the same time. Sandbox Admin finished before you did, so your work was not saved. Entity=${entity}`,
    ),
  unsupported: (detail: string) => qboError('500', 'Unsupported Operation', detail),
  business: (detail: string) =>
    qboError(
      '6000',
      'A business validation error has occurred while processing your request',
      `Business Validation Error: ${detail}`,
    ),
  hasBalance: () =>
    qboError(
      '6000',
      'Delete List Has Balance Error',
      'The entity you are trying to delete has an open balance. : This customer cannot be deleted because it has a non-zero balance',
    ),
  badRequest: (detail: string) => qboError('2010', 'Request has invalid or unsupported property', detail),
  // Transactions. Codes from Intuit's error-code list; the Detail wordings are ours unless the
  // README's Transactions section quotes a capture.
  missingLines: () => qboError('2250', 'Missing lines', 'Missing lines : You must enter at least one line.', 'Line'),
  missingPostingType: () =>
    qboError(
      '2260',
      'MissingPostingType',
      'MissingPostingType : PostingType is required: Debit or Credit.',
      'PostingType',
    ),
  negativeAmount: (amount: string) =>
    qboError(
      '2290',
      'NegativeAmount',
      `NegativeAmount : Line amounts cannot be negative. Supplied value:${amount}`,
      'Amount',
    ),
  unbalanced: (debits: string, credits: string) =>
    qboError(
      '2300',
      'Amount on debits not equal to credits',
      `Amount on debits not equal to credits : Debits ${debits} and credits ${credits} must be equal.`,
      'Line',
    ),
  invalidDate: (field: string, value: string) =>
    qboError('2070', 'Invalid Date', `Invalid Date : Supplied value:${value}`, field),
  invalidAccountType: (type: string) =>
    qboError('6430', 'Invalid account type used', `Invalid account type used : ${type}`, 'APAccountRef'),
  // Captured from QBO by a python-quickbooks user (issue #208), unfilled placeholder included.
  periodClosed: () => qboError('6210', 'Account Period Closed', 'The account period has closed. {1}'),
  duplicateDocNumber: (docNumber: string, type: string, id: string) =>
    qboError(
      '6140',
      'Duplicate Document Number Error',
      `Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=${docNumber} is assigned to TxnType=${type} with TxnId=${id}`,
    ),
  queryParse: (detail: string) => qboError('4000', 'Error parsing query', `QueryParserError: ${detail}`),
  queryInvalid: (detail: string) => qboError('4001', 'Invalid query', `QueryValidationError: ${detail}`),
};
