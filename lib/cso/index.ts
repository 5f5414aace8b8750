// lib/cso: the CStoreOffice client (contract in CONTRACT.md).
export { createCsoClient, type CsoClient, type CsoClientDeps } from './client';
export { CSO_SEGMENTS, csoRecordPageUrl } from './entity-paths';
export * from './errors';
export { DEFAULT_RETRY_POLICY, retryDelayMs, isRetryable, type AttemptOutcome } from './retry';
export { parseRetryAfter } from '../shared/retry';
export * from './schemas';
export * from './sync-state-schemas';
export type { CsoAuditDay, CsoVendorInvoice } from './transaction-schemas';
export { createCsoSource, failureOf as csoWriteFailure } from './source';
export { accountTypeToCso } from './source-map';
export { createCsoLinkMirror } from './link-mirror';
export { createCsoDecisionBoard } from './decision-board';
export { createCsoDocuments } from './posting-documents';
