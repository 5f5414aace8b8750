/** The QuickBooks Online client: transport, queries, batch, CDC, errors and mapping to domain records. */
export * from './address';
export * from './batch';
export * from './cdc';
export * from './client';
export * from './errors';
export * from './faults';
export * from './map';
export * from './preferences';
export * from './query';
export * from './retry';
export * from './scheduler';
export * from './schemas';
export type { TokenProvider } from './transport';
export * from './writes';
export * from './deep-links';
export { createQboSource, failureOf as qboWriteFailure, fullReadCursor, CURSOR_MARGIN_MS } from './source';
