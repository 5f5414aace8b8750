/**
 * Which origins may call the broker. Chrome gives the extension one origin everywhere (its fixed
 * id), so it is listed exactly. Firefox gives each installation its own random
 * `moz-extension://<uuid>`, which no operator can list in advance: the entry `moz-extension://*`
 * admits any of them. That is safe enough because the broker holds no user data: a token exchange
 * needs a code Intuit sent to our add-on's own redirect URL, and a refresh needs a refresh token.
 */
const FIREFOX_ANY = 'moz-extension://*';
const FIREFOX_ORIGIN = /^moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function createOriginCheck(allowedOrigins: readonly string[]): (origin: string | undefined) => boolean {
  const exact = new Set(allowedOrigins.filter((o) => o !== FIREFOX_ANY));
  const anyFirefox = allowedOrigins.includes(FIREFOX_ANY);
  return (origin) => !!origin && (exact.has(origin) || (anyFirefox && FIREFOX_ORIGIN.test(origin)));
}
