/** Connect to QBO (background only): authorize URL and redirect, broker client, token manager, token store port. */
export * from './authorize';
export * from './broker-client';
export * from './connect';
export * from './environments';
export * from './token-manager';
export * from './token-store';
