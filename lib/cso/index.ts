// lib/cso: the CStoreOffice client (contract in CONTRACT.md).
export { createCsoClient, type CsoClient, type CsoClientDeps, type CsoReadAll, type ListOptions } from './client';
export { CSO_SEGMENTS, csoRecordPageUrl } from './entity-paths';
export * from './errors';
export { DEFAULT_RETRY_POLICY, retryDelayMs, isRetryable, type RetryPolicy, type AttemptOutcome } from './retry';
export { parseRetryAfter } from '../shared/retry-after';
export * from './schemas';
export { API_PATH } from './transport';
export { createCsoSource, failureOf as csoWriteFailure, type CsoSourceOptions } from './source';
export { ACCOUNT_TYPE_TO_DOMAIN, accountTypeToCso } from './source-map';
