/**
 * The sites a setting points the extension at, beyond those the manifest grants: a custom QBO base
 * URL must be granted by the user (Chrome asks once) before the background can call it. The token
 * broker answers CORS for the extension itself, so it needs no grant.
 */
import type { Settings } from './settings';

const GRANTED_BY_MANIFEST = [
  /^https:\/\/([a-z0-9-]+\.)*cstoreoffice\.com$/,
  /^https:\/\/(sandbox-)?quickbooks\.api\.intuit\.com$/,
  /^https:\/\/appcenter\.intuit\.com$/,
];

export function originsToRequest(settings: Settings): string[] {
  if (settings.environment !== 'custom' || !settings.customQboUrl) return [];
  const origin = new URL(settings.customQboUrl).origin;
  return GRANTED_BY_MANIFEST.some((pattern) => pattern.test(origin)) ? [] : [`${origin}/*`];
}
