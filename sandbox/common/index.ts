/**
 * Building blocks shared by the sandboxes (QBO in sandbox/qbo, CStoreOffice in sandbox/cso):
 * a controllable clock, fault injection, a request log with counters, HTTP helpers and a router.
 */
export * from './clock';
export * from './faults';
export * from './http';
export * from './request-log';
export * from './router';
export * from './server';
