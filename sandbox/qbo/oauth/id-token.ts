/**
 * RS256 id_tokens and the JWKS that verifies them. The issuer is Intuit's real one because
 * intuit-oauth's validateIdToken hard-codes it (qbo-api.md §13 item 25).
 */
import { createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

const INTUIT_ISSUER = 'https://oauth.platform.intuit.com/op/v1';

export interface IdTokenSigner {
  sign(claims: Record<string, unknown>): string;
  jwks(): { keys: Record<string, unknown>[] };
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export function createIdTokenSigner(): IdTokenSigner {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const jwk = (publicKey as KeyObject).export({ format: 'jwk' });
  return {
    sign(claims) {
      const head = b64({ alg: 'RS256', kid, typ: 'JWT' });
      const body = b64({ iss: INTUIT_ISSUER, ...claims });
      const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey).toString('base64url');
      return `${head}.${body}.${signature}`;
    },
    jwks: () => ({ keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] }),
  };
}
